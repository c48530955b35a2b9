package io.hounsfield.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends syslog messages (RFC 5424) to one collector: a datagram each over UDP (RFC 5426), or over one kept-open TCP
 * or TLS connection framed by octet counting ({@code MSG-LEN SP SYSLOG-MSG}, RFC 6587 §3.4.1, RFC 5425 §4.3),
 * opened again after a failure. Not thread safe: one exporter thread uses it.
 */
final class SyslogSender implements AutoCloseable {
    /** authpriv (10) and notice (5), as IHE ATNA asks for audit messages: PRI = 10 * 8 + 5. */
    static final int PRIORITY = 85;
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final SyslogProperties properties;
    private final String hostName;
    private final String processId;
    private DatagramSocket datagrams;
    private Socket connection;
    private OutputStream out;

    SyslogSender(SyslogProperties properties, String hostName, String processId) {
        this.properties = properties;
        this.hostName = hostName;
        this.processId = processId;
    }

    /** The RFC 5424 message: header, no structured data, the XML after a BOM (UTF-8, §6.4). */
    static byte[] message(Instant at, String hostName, String processId, String xml) {
        String header = "<" + PRIORITY + ">1 " + DateTimeFormatter.ISO_INSTANT.format(at) + " " + field(hostName, 255)
                + " hounsfield " + field(processId, 128) + " IHE+RFC-3881 - ";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[head.length + 3 + body.length];
        System.arraycopy(head, 0, message, 0, head.length);
        message[head.length] = (byte) 0xEF;
        message[head.length + 1] = (byte) 0xBB;
        message[head.length + 2] = (byte) 0xBF;
        System.arraycopy(body, 0, message, head.length + 3, body.length);
        return message;
    }

    /** Printable US-ASCII without spaces, or the nil value (RFC 5424 §6.2). */
    private static String field(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return "-";
        }
        String printable = value.replaceAll("[^\\x21-\\x7E]", "_");
        return printable.length() > maxLength ? printable.substring(0, maxLength) : printable;
    }

    void send(Instant at, String xml) throws IOException {
        byte[] message = message(at, hostName, processId, xml);
        if (properties.protocol() == SyslogProperties.Protocol.UDP) {
            if (datagrams == null) {
                datagrams = new DatagramSocket();
            }
            datagrams.send(new DatagramPacket(message, message.length,
                    new InetSocketAddress(properties.host(), properties.effectivePort())));
            return;
        }
        try {
            if (out == null) {
                connect();
            }
            out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket socket = properties.protocol() == SyslogProperties.Protocol.TLS
                ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(properties.host(), properties.effectivePort()), CONNECT_TIMEOUT_MS);
            out = socket.getOutputStream();
            connection = socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (IOException e) {
            // nothing more to send on it
        }
        connection = null;
        out = null;
        if (datagrams != null) {
            datagrams.close();
            datagrams = null;
        }
    }
}
