package io.hounsfield.system;

import java.nio.file.Path;

/** Another Hounsfield process holds the data directory; see {@link DataDirectoryInUseFailureAnalyzer}. */
class DataDirectoryInUseException extends RuntimeException {

    private final Path directory;
    private final String holder;

    DataDirectoryInUseException(Path directory, String holder) {
        super("Data directory " + directory + " is in use by process " + holder);
        this.directory = directory;
        this.holder = holder;
    }

    Path directory() {
        return directory;
    }

    String holder() {
        return holder;
    }
}
