package io.hounsfield.staff;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One continuing-education activity and the credits it earned. */
public record CeActivity(long id, long staffId, String title, String provider, CeCategory category, BigDecimal credits,
        LocalDate completedOn, String recordedBy) {}
