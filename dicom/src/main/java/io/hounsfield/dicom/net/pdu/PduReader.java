package io.hounsfield.dicom.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads PDUs from a transport stream (PS3.8 §9.3) as an explicit state machine: {@code HEADER} reads the 6-byte
 * header, {@code BODY} the variable field, and any failure moves it to {@code BAD_MESSAGE}, where it stays. The
 * length in the header is checked against the configured maximum before the body is allocated: P-DATA-TF against
 * the maximum length we announced (PS3.8 §D.1; a peer may count the 6-byte header or not, so that much slack is
 * allowed), the other PDUs against {@code maxAssociationPduLength}.
 */
public final class PduReader {
    /** The reader's state. */
    public enum State { HEADER, BODY, BAD_MESSAGE }

    /** Default limit for PDUs other than P-DATA-TF: 1 MiB. */
    public static final int DEFAULT_MAX_ASSOCIATION_PDU_LENGTH = 1 << 20;

    private final InputStream in;
    private final long maxPDataLength;
    private final long maxAssociationPduLength;
    private final byte[] header = new byte[6];
    private State state = State.HEADER;

    /**
     * @param maxPDataLength the maximum length we announced (0 = unlimited, then capped at 64 MiB)
     */
    public PduReader(InputStream in, long maxPDataLength, long maxAssociationPduLength) {
        this.in = in;
        this.maxPDataLength = (maxPDataLength == 0 ? 64L << 20 : maxPDataLength) + 6;
        this.maxAssociationPduLength = maxAssociationPduLength;
    }

    public State state() {
        return state;
    }

    /** The next PDU, or {@code null} if the stream ends cleanly between PDUs. */
    public Pdu read() throws IOException {
        if (state == State.BAD_MESSAGE) {
            throw new PduFormatException("reader is in the bad-message state", AAbort.REASON_NOT_SPECIFIED);
        }
        try {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            header[0] = (byte) first;
            readFully(header, 1, 5);
            int type = header[0] & 0xFF;
            long length = ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
                    | (header[5] & 0xFF);
            checkLength(type, length);
            state = State.BODY;
            if (type == Pdu.P_DATA_TF) {
                PDataTf data = readPData(length);
                state = State.HEADER;
                return data;
            }
            byte[] body = new byte[(int) length];
            readFully(body, 0, body.length);
            Pdu pdu = PduDecoder.decode(type, body);
            state = State.HEADER;
            return pdu;
        } catch (IOException | RuntimeException e) {
            state = State.BAD_MESSAGE;
            throw e;
        }
    }

    private void checkLength(int type, long length) throws PduFormatException {
        if (type < Pdu.A_ASSOCIATE_RQ || type > Pdu.A_ABORT) {
            throw new PduFormatException("unrecognized PDU type 0x" + Integer.toHexString(type),
                    AAbort.REASON_UNRECOGNIZED_PDU);
        }
        long limit = type == Pdu.P_DATA_TF ? maxPDataLength : maxAssociationPduLength;
        if (length > limit) {
            throw new PduFormatException("PDU length " + length + " exceeds the maximum " + limit,
                    AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
    }

    /** Reads the PDV items of a P-DATA-TF straight into their own arrays, each checked against the PDU length. */
    private PDataTf readPData(long length) throws IOException {
        java.util.List<PresentationDataValue> values = new java.util.ArrayList<>();
        long remaining = length;
        byte[] itemHeader = new byte[6];
        while (remaining > 0) {
            if (remaining < 6) {
                throw new PduFormatException("PDV item header overruns the PDU", AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            readFully(itemHeader, 0, 6);
            long itemLength = ((itemHeader[0] & 0xFFL) << 24) | ((itemHeader[1] & 0xFF) << 16)
                    | ((itemHeader[2] & 0xFF) << 8) | (itemHeader[3] & 0xFF);
            if (itemLength < 2 || itemLength > remaining - 4) {
                throw new PduFormatException("PDV item length " + itemLength + " outside the PDU",
                        AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            int header = itemHeader[5] & 0xFF;
            if ((header & 0xFC) != 0) {
                throw new PduFormatException("reserved bits set in message control header " + header,
                        AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            byte[] value = new byte[(int) itemLength - 2];
            readFully(value, 0, value.length);
            values.add(new PresentationDataValue(itemHeader[4] & 0xFF, header, value));
            remaining -= 4 + itemLength;
        }
        if (values.isEmpty()) {
            throw new PduFormatException("P-DATA-TF without presentation data value",
                    AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        return new PDataTf(values);
    }

    private void readFully(byte[] target, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int count = in.read(target, offset + done, length - done);
            if (count < 0) {
                throw new EOFException("transport closed within a PDU");
            }
            done += count;
        }
    }
}
