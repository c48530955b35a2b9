package io.hounsfield.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an unusable data directory into Spring Boot's plain "APPLICATION FAILED TO START" report
 * (no stack trace, exit code 1). A taken port is already reported that way by Spring Boot itself.
 */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryNotWritableException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DataDirectoryNotWritableException failure) {
        return new FailureAnalysis(
                "The data directory " + failure.directory() + " cannot be created or written ("
                        + failure.getCause().getMessage() + ").",
                "Point hounsfield.data-dir (or HOUNSFIELD_DATA_DIR, or --hounsfield.data-dir=...) to a"
                        + " directory this user can write, or fix its permissions.",
                failure);
    }
}
