package io.hounsfield.dicom.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;

/**
 * Accepts associations for a local AE (PS3.8 §7.1) on a bind address. Every connection gets its own reader thread,
 * which reads the A-ASSOCIATE-RQ within ARTIM and answers it, rejections included, so no peer can hold up another's
 * answer. Only an accepted association takes one of {@code maxAssociations} slots (beyond that A-ASSOCIATE-RJ,
 * transient, local limit exceeded); connections still to send their request are bounded by
 * {@code maxPendingAssociations} ({@link AssociationSlots}). Services run on a pool of one thread per association.
 * TCP_NODELAY, optional TLS; {@link #close()} stops accepting and aborts what is left after a grace period.
 */
public final class DicomServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DicomServer.class.getName());

    private final ApplicationEntity local;
    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor readers;
    private final ThreadPoolExecutor services;
    private final AssociationSlots slots;
    private final Set<Association> associations = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private DicomServer(ApplicationEntity local, ServerSocket serverSocket) {
        this.local = local;
        this.serverSocket = serverSocket;
        int max = local.options().maxAssociations();
        int maxPending = local.options().maxPendingAssociations();
        this.slots = new AssociationSlots(max, maxPending);
        AtomicInteger threads = new AtomicInteger();
        // Room for closed connections whose thread has not finished yet; beyond it, a connection is refused.
        this.readers = new ThreadPoolExecutor(0, max + 2 * maxPending, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> daemon(runnable, local.aeTitle() + "-reader-" + threads.incrementAndGet()));
        this.services = new ThreadPoolExecutor(max + 1, max + 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> daemon(runnable, local.aeTitle() + "-service-" + threads.incrementAndGet()));
        this.services.allowCoreThreadTimeOut(true);
        this.acceptor = daemon(this::acceptLoop, local.aeTitle() + "-acceptor");
    }

    /** Binds to {@code bindAddress}:{@code port} (0 for any free port) and starts accepting. */
    public static DicomServer start(ApplicationEntity local, String bindAddress, int port) throws IOException {
        var ssl = local.options().sslContext();
        ServerSocket socket = ssl == null ? new ServerSocket() : ssl.getServerSocketFactory().createServerSocket();
        if (socket instanceof SSLServerSocket sslSocket) {
            sslSocket.setNeedClientAuth(false);
        }
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 64);
        DicomServer server = new DicomServer(local, socket);
        server.acceptor.start();
        LOG.log(System.Logger.Level.INFO, "{0} listening on {1}", local.aeTitle(), socket.getLocalSocketAddress());
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Associations being served now. */
    public int activeAssociations() {
        return slots.associations();
    }

    /** Connections accepted that are not (or no longer) an association: waiting for a request, or rejected. */
    public int pendingConnections() {
        return slots.pending();
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                if (!slots.enter(socket)) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: every pending connection is being answered, refusing {1}",
                            local.aeTitle(), socket.getRemoteSocketAddress());
                    socket.close();
                    continue;
                }
                try {
                    readers.execute(() -> serve(socket));
                } catch (RejectedExecutionException e) {
                    slots.leave(socket);
                    socket.close();
                }
            } catch (SocketException e) {
                if (!closing) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed: {0}", e.toString());
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "accept failed: {0}", e.toString());
            }
        }
    }

    private void serve(Socket socket) {
        try {
            Association association = new Association(local, socket, false, services, slots);
            associations.add(association);
            try {
                association.run();
            } finally {
                associations.remove(association);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "association failed: {0}", e.toString());
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        } finally {
            slots.leave(socket);
        }
    }

    /** Stops accepting, lets running associations finish for up to 5 s, then aborts them. */
    @Override
    public void close() {
        closing = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close: {0}", e.toString());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slots.associations() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        associations.forEach(Association::abort);
        readers.shutdownNow();
        services.shutdownNow();
        LOG.log(System.Logger.Level.INFO, "{0} stopped", local.aeTitle());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
