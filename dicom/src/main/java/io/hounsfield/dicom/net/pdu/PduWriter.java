package io.hounsfield.dicom.net.pdu;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes PDUs to a transport stream (PS3.8 §9.3). P-DATA-TF PDUs carrying one PDV are written straight from the
 * caller's buffer; the stream is flushed after the last fragment of a command or data set.
 */
public final class PduWriter {
    private final OutputStream out;
    private final byte[] header = new byte[12];
    private final ReentrantLock lock = new ReentrantLock();

    public PduWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes a whole PDU. Waits at most 2 s for a P-DATA-TF being written by another thread (a peer that stopped
     * reading must not keep an A-ABORT, and the close after it, waiting forever).
     */
    public void write(Pdu pdu) throws IOException {
        try {
            if (!lock.tryLock(2, TimeUnit.SECONDS)) {
                throw new IOException("transport blocked, " + pdu.name() + " not sent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
        try {
            out.write(PduEncoder.encode(pdu));
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Writes a P-DATA-TF PDU of one PDV holding {@code length} bytes of {@code data} from {@code offset}. */
    public void writePData(int contextId, int messageControlHeader, byte[] data, int offset, int length)
            throws IOException {
        lock.lock();
        try {
            writePDataLocked(contextId, messageControlHeader, data, offset, length);
        } finally {
            lock.unlock();
        }
    }

    private void writePDataLocked(int contextId, int messageControlHeader, byte[] data, int offset, int length)
            throws IOException {
        long pduLength = length + 6L;
        header[0] = Pdu.P_DATA_TF;
        header[1] = 0;
        putU32(2, pduLength);
        putU32(6, length + 2L);
        header[10] = (byte) contextId;
        header[11] = (byte) messageControlHeader;
        out.write(header);
        out.write(data, offset, length);
        if ((messageControlHeader & PresentationDataValue.LAST) != 0) {
            out.flush();
        }
    }

    private void putU32(int at, long value) {
        header[at] = (byte) (value >>> 24);
        header[at + 1] = (byte) (value >>> 16);
        header[at + 2] = (byte) (value >>> 8);
        header[at + 3] = (byte) value;
    }
}
