package io.hounsfield.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Sends the HL7 messages of a file (one a line) over one MLLP connection, each after the acknowledgement of the one
 * before, and fails unless each is accepted (MSA-1 AA or CA). Usage: {@code SendOrders HOST PORT FILE}.
 */
public final class SendOrders {
    private static final int START_BLOCK = 0x0b;
    private static final int END_BLOCK = 0x1c;

    private SendOrders() {
    }

    public static void main(String[] arguments) throws IOException {
        // Segments end in CR, so only LF ends a message (readAllLines would split at each segment).
        List<String> messages = List.of(
                Files.readString(Path.of(arguments[2]), StandardCharsets.ISO_8859_1).split("\n"));
        try (Socket socket = new Socket(arguments[0], Integer.parseInt(arguments[1]))) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (String message : messages) {
                if (message.isBlank()) {
                    continue;
                }
                out.write(START_BLOCK);
                out.write(message.getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[] {END_BLOCK, '\r'});
                out.flush();
                String acknowledgement = readFrame(in);
                if (!acknowledgement.contains("\rMSA|AA|") && !acknowledgement.contains("\rMSA|CA|")) {
                    throw new IOException("order not accepted: " + acknowledgement.replace('\r', '\n'));
                }
            }
        }
    }

    private static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int next = in.read();
        while (next != START_BLOCK) {
            if (next < 0) {
                throw new IOException("connection closed before an acknowledgement");
            }
            next = in.read();
        }
        for (next = in.read(); next != END_BLOCK; next = in.read()) {
            if (next < 0) {
                throw new IOException("connection closed within an acknowledgement");
            }
            frame.write(next);
        }
        in.read();
        return frame.toString(StandardCharsets.ISO_8859_1);
    }
}
