package io.hounsfield.dicom.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;

/**
 * Accepts associations for a local AE (PS3.8 §7.1) on a bind address: a bounded thread pool (a reader and a service
 * thread per association), at most {@code maxAssociations} at once (beyond that A-ASSOCIATE-RJ with temporary
 * congestion), TCP_NODELAY, optional TLS; {@link #close()} stops accepting and aborts what is left after a grace
 * period.
 */
public final class DicomServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DicomServer.class.getName());

    private final ApplicationEntity local;
    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor pool;
    private final ThreadPoolExecutor rejecter;
    private final AtomicInteger active = new AtomicInteger();
    private final Set<Association> associations = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private DicomServer(ApplicationEntity local, ServerSocket serverSocket) {
        this.local = local;
        this.serverSocket = serverSocket;
        int max = local.options().maxAssociations();
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(2 * max + 2, 2 * max + 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> daemon(runnable, local.aeTitle() + "-" + threads.incrementAndGet()));
        this.pool.allowCoreThreadTimeOut(true);
        this.rejecter = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8),
                runnable -> daemon(runnable, local.aeTitle() + "-rejecter"));
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
        return active.get();
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                if (active.incrementAndGet() > local.options().maxAssociations()) {
                    active.decrementAndGet();
                    try {
                        rejecter.execute(() -> serve(socket, true));
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        socket.close();
                    }
                } else {
                    pool.execute(() -> {
                        try {
                            serve(socket, false);
                        } finally {
                            active.decrementAndGet();
                        }
                    });
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

    private void serve(Socket socket, boolean congested) {
        try {
            Association association = new Association(local, socket, false, pool, congested);
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
        while (active.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        associations.forEach(Association::abort);
        pool.shutdownNow();
        rejecter.shutdownNow();
        LOG.log(System.Logger.Level.INFO, "{0} stopped", local.aeTitle());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
