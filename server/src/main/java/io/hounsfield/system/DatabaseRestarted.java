package io.hounsfield.system;

/**
 * The embedded PostgreSQL was found dead and runs again. Commits that did not wait for the disk (the ingest's) may
 * have been lost with it: whoever relies on a later check for those runs it now, as after a crash of the whole server.
 */
public record DatabaseRestarted() {}
