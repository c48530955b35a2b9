package io.hounsfield.dicom.net;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.net.dimse.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A request we sent and the responses that come back for it (PS3.7 §9.3): pending ones, then the final one. */
final class DimseCall {
    /** A response: its command set and data set (null if none), in the transfer syntax of its context. */
    record Response(int contextId, Attributes command, byte[] dataset) {
        int status() {
            return command.getInt(0x00000900, -1);
        }

        boolean pending() {
            return Status.isPending(status());
        }
    }

    private static final Response FAILED = new Response(-1, null, null);

    private final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
    private volatile IOException failure;

    void deliver(int contextId, Attributes command, byte[] dataset) {
        responses.add(new Response(contextId, command, dataset));
    }

    void fail(IOException cause) {
        failure = cause;
        responses.add(FAILED);
    }

    /** The next response, waiting at most {@code timeout}. */
    Response next(Duration timeout) throws IOException {
        try {
            Response response = responses.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response == null) {
                throw new IOException("no response within " + timeout);
            }
            if (response == FAILED) {
                throw new IOException(failure.getMessage(), failure);
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
