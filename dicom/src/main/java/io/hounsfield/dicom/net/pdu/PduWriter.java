package io.hounsfield.dicom.net.pdu;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes PDUs to a transport stream (PS3.8 §9.3). P-DATA-TF PDUs carrying one PDV are written straight from the
 * caller's buffer; the stream is flushed after the last fragment of a command or data set.
 */
public final class PduWriter {
    private final OutputStream out;
    private final byte[] header = new byte[12];

    public PduWriter(OutputStream out) {
        this.out = out;
    }

    public synchronized void write(Pdu pdu) throws IOException {
        out.write(PduEncoder.encode(pdu));
        out.flush();
    }

    /** Writes a P-DATA-TF PDU of one PDV holding {@code length} bytes of {@code data} from {@code offset}. */
    public synchronized void writePData(int contextId, int messageControlHeader, byte[] data, int offset, int length)
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
