package io.hounsfield.hl7;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A sending system at the byte level: MLLP frames written and read on a plain socket, no HL7 library. */
public final class RawMllp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawMllp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static byte[] frame(byte[] content) {
        byte[] framed = new byte[content.length + 3];
        framed[0] = 0x0b;
        System.arraycopy(content, 0, framed, 1, content.length);
        framed[content.length + 1] = 0x1c;
        framed[content.length + 2] = 0x0d;
        return framed;
    }

    /** Writes bytes as they are (several frames at once, or half a frame). */
    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(byte[] content) throws IOException {
        writeRaw(frame(content));
    }

    /** The next answer's content; null when the server closed the connection. */
    byte[] receive() throws IOException {
        int b = in.read();
        while (b != 0x0b) {
            if (b == -1) {
                return null;
            }
            b = in.read();
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        for (b = in.read(); b != 0x1c; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed inside an answer");
            }
            answer.write(b);
        }
        in.read(); // the CR after FS
        return answer.toByteArray();
    }

    public byte[] exchange(byte[] content) throws IOException {
        send(content);
        return receive();
    }

    /** True when the server closes the connection (end of stream or reset) within the time given. */
    boolean closedByServerWithin(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
