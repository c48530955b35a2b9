package io.hounsfield.system;

/** A failure the user or peer should be told about, with a message fit to show them. */
public class HounsfieldException extends RuntimeException {

    private final Failure failure;

    public HounsfieldException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
