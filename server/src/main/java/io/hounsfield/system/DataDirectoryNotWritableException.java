package io.hounsfield.system;

import java.nio.file.Path;

/** The configured data directory cannot be created or written; see {@link StartupFailureAnalyzer}. */
class DataDirectoryNotWritableException extends RuntimeException {

    private final Path directory;

    DataDirectoryNotWritableException(Path directory, Exception cause) {
        super("Data directory " + directory + " is not writable: " + cause, cause);
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }
}
