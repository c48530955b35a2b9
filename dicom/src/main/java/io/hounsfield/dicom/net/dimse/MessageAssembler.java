package io.hounsfield.dicom.net.dimse;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.net.pdu.PDataTf;
import io.hounsfield.dicom.net.pdu.PresentationDataValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Reassembles DIMSE messages from presentation data values (PS3.7 §6.3, PS3.8 Annex E): command fragments up to
 * the last one, then data set fragments on the same presentation context, either buffered (bounded) or streamed to
 * a {@link FragmentPipe}. Anything out of order is a protocol error.
 */
public final class MessageAssembler {
    /** Receives what was assembled. */
    public interface Handler {
        /** A command with a data set to follow: return a pipe to stream the data set into, or null to buffer it. */
        FragmentPipe commandReceived(int contextId, Attributes command) throws IOException;

        /** A whole message; {@code dataset} is null without a data set or when it was streamed. */
        void messageReceived(int contextId, Attributes command, byte[] dataset) throws IOException;
    }

    /** A DIMSE message that violates the protocol. */
    public static final class DimseProtocolException extends IOException {
        public DimseProtocolException(String message) {
            super(message);
        }
    }

    private final Handler handler;
    private final int maxBufferedDataSet;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream(256);
    private final ByteArrayOutputStream dataset = new ByteArrayOutputStream();
    private Attributes pendingCommand;
    private int contextId;
    private FragmentPipe pipe;

    public MessageAssembler(Handler handler, int maxBufferedDataSet) {
        this.handler = handler;
        this.maxBufferedDataSet = maxBufferedDataSet;
    }

    public void feed(PDataTf data) throws IOException {
        for (PresentationDataValue value : data.values()) {
            if (value.isCommand()) {
                command(value);
            } else {
                data(value);
            }
        }
    }

    private void command(PresentationDataValue value) throws IOException {
        if (pendingCommand != null) {
            throw new DimseProtocolException("command fragment where a data set fragment was expected");
        }
        if (command.size() > 0 && value.presentationContextId() != contextId) {
            throw new DimseProtocolException("command fragments on different presentation contexts");
        }
        contextId = value.presentationContextId();
        if (command.size() + value.data().length > 1 << 20) {
            throw new DimseProtocolException("command set longer than 1 MiB");
        }
        command.write(value.data());
        if (!value.isLast()) {
            return;
        }
        Attributes decoded = CommandCodec.decode(command.toByteArray());
        command.reset();
        if (Commands.dimseOf(decoded) == null) {
            throw new DimseProtocolException("unknown command field " + decoded.getInt(0x00000100, -1));
        }
        if (!Commands.hasDataSet(decoded)) {
            handler.messageReceived(contextId, decoded, null);
            return;
        }
        pendingCommand = decoded;
        pipe = handler.commandReceived(contextId, decoded);
    }

    private void data(PresentationDataValue value) throws IOException {
        if (pendingCommand == null) {
            throw new DimseProtocolException("data set fragment without a command");
        }
        if (value.presentationContextId() != contextId) {
            throw new DimseProtocolException("data set on another presentation context than its command");
        }
        if (pipe != null) {
            pipe.put(value.data(), value.isLast());
        } else {
            if (dataset.size() + value.data().length > maxBufferedDataSet) {
                throw new DimseProtocolException("data set longer than " + maxBufferedDataSet + " bytes");
            }
            dataset.write(value.data());
        }
        if (value.isLast()) {
            Attributes done = pendingCommand;
            byte[] bytes = pipe == null ? dataset.toByteArray() : null;
            pendingCommand = null;
            pipe = null;
            dataset.reset();
            handler.messageReceived(contextId, done, bytes);
        }
    }

    /** The association ended: a data set being streamed fails. */
    public void fail(IOException cause) {
        if (pipe != null) {
            pipe.fail(cause);
        }
    }
}
