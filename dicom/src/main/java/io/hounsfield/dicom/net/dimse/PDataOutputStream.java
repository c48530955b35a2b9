package io.hounsfield.dicom.net.dimse;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Fragments a command or data set into P-DATA-TF PDUs of one PDV each, no longer than the peer's maximum length
 * (PS3.8 §9.3.5, Annex E): {@link #close()} sends the last fragment with the last-fragment bit set.
 */
public final class PDataOutputStream extends OutputStream {
    /** Sends one PDV: context id, message control header, data. */
    public interface Sender {
        void send(int contextId, int messageControlHeader, byte[] data, int offset, int length) throws IOException;
    }

    private final Sender sender;
    private final int contextId;
    private final int command;
    private final byte[] buffer;
    private int count;
    private boolean closed;

    /** @param maxPduLength the peer's maximum length (0 = unlimited, then 1 MiB PDUs are sent) */
    public PDataOutputStream(Sender sender, int contextId, boolean command, long maxPduLength) {
        this.sender = sender;
        this.contextId = contextId;
        this.command = command ? 1 : 0;
        long limit = maxPduLength == 0 || maxPduLength > (1 << 20) ? (1 << 20) : maxPduLength;
        this.buffer = new byte[(int) Math.max(limit - 6, 8)];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            flushFragment(false);
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == buffer.length) {
                flushFragment(false);
            }
            int chunk = Math.min(length, buffer.length - count);
            System.arraycopy(data, offset, buffer, count, chunk);
            count += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    @Override
    public void flush() {
        // fragments are sent when full, and the last one on close
    }

    private void flushFragment(boolean last) throws IOException {
        sender.send(contextId, command | (last ? 2 : 0), buffer, 0, count);
        count = 0;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            flushFragment(true);
        }
    }
}
