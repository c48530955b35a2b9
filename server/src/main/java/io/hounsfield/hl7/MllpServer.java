package io.hounsfield.hl7;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal MLLP server (HL7 v2.5.1 Appendix C, "minimal lower layer protocol"): frames are {@code <VT> message
 * <FS><CR>}. It hands the raw bytes of each message to the handler, which decodes them itself (HAPI's reader
 * decoded everything as US-ASCII), and it answers the messages of one connection one after the other, in the order
 * received, so that an order and its cancel sent back to back are applied in that order.
 *
 * <p>Bounded: at most {@code maxConnections} open connections (one more is closed at once), a connection idle for
 * {@code idleTimeout} is closed, a message beyond {@code maxMessageBytes} is passed on cut short and marked so,
 * and every socket is closed on every path.
 */
final class MllpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MllpServer.class.getName());
    private static final int START_BLOCK = 0x0B;
    private static final int END_BLOCK = 0x1C;
    private static final int CARRIAGE_RETURN = 0x0D;

    /** One received message; {@code truncated} when it was longer than the limit and only its start is here. */
    record Frame(byte[] bytes, boolean truncated, int limit) {}

    /** Answers one message; never throws for a bad message (it answers AR or AE instead). */
    interface Handler {
        byte[] answer(Frame frame, InetAddress from);
    }

    private final InetAddress bindAddress;
    private final int requestedPort;
    private final int idleMillis;
    private final int maxConnections;
    private final int maxMessageBytes;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger openCount = new AtomicInteger();
    private final AtomicBoolean warnedFull = new AtomicBoolean();
    private final ExecutorService connections;
    private volatile ServerSocket serverSocket;

    MllpServer(InetAddress bindAddress, int port, Duration idleTimeout, int maxConnections, int maxMessageBytes,
            Handler handler) {
        this.bindAddress = bindAddress;
        this.requestedPort = port;
        this.idleMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, idleTimeout.toMillis()));
        this.maxConnections = maxConnections;
        this.maxMessageBytes = maxMessageBytes;
        this.handler = handler;
        AtomicInteger number = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hl7-in-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Binds (a taken port fails here, with the cause) and starts accepting. */
    void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, requestedPort), 128);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        serverSocket = socket;
        Thread acceptor = new Thread(this::acceptLoop, "hl7-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        ServerSocket socket = serverSocket;
        return socket == null ? requestedPort : socket.getLocalPort();
    }

    boolean isRunning() {
        ServerSocket socket = serverSocket;
        return socket != null && !socket.isClosed();
    }

    int openConnections() {
        return openCount.get();
    }

    private void acceptLoop() {
        ServerSocket server = serverSocket;
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "HL7 MLLP accept failed: {0}", e.getMessage());
                    pauseAfterFailedAccept(); // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            if (openCount.incrementAndGet() > maxConnections) {
                openCount.decrementAndGet();
                if (warnedFull.compareAndSet(false, true)) {
                    LOG.log(System.Logger.Level.WARNING, "HL7 MLLP: {0} connections open, the limit; further"
                            + " connections are closed at once (hounsfield.hl7.max-connections)", maxConnections);
                }
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException stopping) {
                release(socket);
            }
        }
    }

    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(Socket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setSoTimeout(idleMillis);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            for (Frame frame = next(in); frame != null; frame = next(in)) {
                byte[] answer = handler.answer(frame, socket.getInetAddress());
                out.write(START_BLOCK);
                out.write(answer);
                out.write(END_BLOCK);
                out.write(CARRIAGE_RETURN);
                out.flush();
            }
        } catch (SocketTimeoutException idle) {
            LOG.log(System.Logger.Level.INFO, "HL7 MLLP {0}: idle for {1} ms, closed", peer, idleMillis);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "HL7 MLLP {0}: {1}", peer, e.getMessage());
        } finally {
            release(socket);
        }
    }

    private void release(Socket socket) {
        closeQuietly(socket);
        if (open.remove(socket) && openCount.decrementAndGet() < maxConnections) {
            warnedFull.set(false);
        }
    }

    /** The next framed message, or null when the peer closed the connection between messages. */
    private Frame next(InputStream in) throws IOException {
        int b = in.read();
        while (b != START_BLOCK) { // bytes between frames are not part of any message
            if (b == -1) {
                return null;
            }
            b = in.read();
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream(4096);
        boolean truncated = false;
        while (true) {
            b = in.read();
            if (b == -1) {
                throw new EOFException("connection closed inside a message");
            }
            if (b == END_BLOCK) {
                int after = in.read();
                if (after == CARRIAGE_RETURN) {
                    return new Frame(message.toByteArray(), truncated, maxMessageBytes);
                }
                if (after == -1) {
                    throw new EOFException("connection closed inside a message");
                }
                truncated |= append(message, b);
                b = after;
            }
            truncated |= append(message, b);
        }
    }

    /** Keeps the byte unless the message is at the limit; true when it was dropped. */
    private boolean append(ByteArrayOutputStream message, int b) {
        if (message.size() >= maxMessageBytes) {
            return true;
        }
        message.write(b);
        return false;
    }

    @Override
    public void close() {
        ServerSocket socket = serverSocket;
        if (socket != null) {
            closeQuietly(socket);
        }
        open.forEach(MllpServer::closeQuietly);
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException alreadyClosed) {
            LOG.log(System.Logger.Level.TRACE, "closing an HL7 socket", alreadyClosed);
        }
    }
}
