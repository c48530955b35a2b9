package io.hounsfield.system;

/** One line of "what is running" on the start page, e.g. a listener and its address. */
public record StatusItem(String name, boolean up, String detail) {}
