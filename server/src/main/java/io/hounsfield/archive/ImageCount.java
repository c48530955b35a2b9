package io.hounsfield.archive;

import java.time.LocalDate;

/** How many images a room stored of a body part in a month: the denominator of reject rates. */
public record ImageCount(String room, String bodyPart, LocalDate month, long images) {}
