package io.hounsfield.dicom.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * Hands the data set fragments of one DIMSE message from the thread reading the connection to the thread of the
 * service that consumes them, as an {@link InputStream}; at most {@code capacity} fragments wait, so a slow consumer
 * slows the peer down instead of filling memory. A failed association makes reads throw; a consumer that closes
 * early makes the producer drop what is left.
 */
public final class FragmentPipe extends InputStream {
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final int capacity;
    private byte[] current;
    private int position;
    private boolean ended;
    private boolean consumerClosed;
    private IOException failure;

    public FragmentPipe(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a fragment; blocks while the pipe is full. */
    public synchronized void put(byte[] fragment, boolean last) throws InterruptedIOException {
        while (queue.size() >= capacity && !consumerClosed && failure == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        if (!consumerClosed) {
            queue.add(fragment);
        }
        ended |= last;
        notifyAll();
    }

    /** The association failed: the consumer sees {@code cause}. */
    public synchronized void fail(IOException cause) {
        if (!ended) {
            failure = cause;
        }
        notifyAll();
    }

    public synchronized boolean ended() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (current == null || position == current.length) {
            if (!next()) {
                return -1;
            }
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, count);
        position += count;
        return count;
    }

    private synchronized boolean next() throws IOException {
        while (true) {
            if (failure != null) {
                throw new IOException("association ended within the data set", failure);
            }
            byte[] fragment = queue.poll();
            if (fragment != null) {
                notifyAll();
                current = fragment;
                position = 0;
                if (fragment.length > 0) {
                    return true;
                }
                continue;
            }
            if (ended) {
                return false;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
    }

    @Override
    public synchronized void close() {
        consumerClosed = true;
        queue.clear();
        notifyAll();
    }
}
