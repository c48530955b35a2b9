package io.hounsfield.dicom.net;

import java.io.IOException;
import java.net.Socket;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The acceptor's two budgets: accepted associations ({@code maxAssociations}), and connections not yet associated
 * ({@code maxPendingAssociations}). A connection takes an association slot only once its A-ASSOCIATE-RQ has been
 * read and accepted, so sockets that never send one cannot lock a modality out. While a connection waits for its
 * request (or for the peer's close after a rejection) it is idle: when the pending budget is full, the oldest idle
 * connection is closed to make room, and a new connection is refused only if every pending one is being answered.
 */
final class AssociationSlots {
    private static final System.Logger LOG = System.getLogger(AssociationSlots.class.getName());

    private final int maxAssociations;
    private final int maxPending;
    private final Set<Socket> idle = new LinkedHashSet<>();
    private final Set<Socket> pending = new HashSet<>();
    private final Set<Socket> admitted = new HashSet<>();

    AssociationSlots(int maxAssociations, int maxPending) {
        this.maxAssociations = maxAssociations;
        this.maxPending = maxPending;
    }

    /** A new connection: false if it must be refused (closed) because every pending one is busy. */
    boolean enter(Socket socket) {
        Socket evicted = null;
        synchronized (this) {
            if (pending.size() >= maxPending) {
                Iterator<Socket> oldest = idle.iterator();
                if (!oldest.hasNext()) {
                    return false;
                }
                evicted = oldest.next();
                oldest.remove();
                pending.remove(evicted);
            }
            pending.add(socket);
            idle.add(socket);
        }
        if (evicted != null) {
            LOG.log(System.Logger.Level.WARNING, "{0} pending connections: closing the oldest idle one, from {1}",
                    maxPending, evicted.getRemoteSocketAddress());
            close(evicted);
        }
        return true;
    }

    /** Its A-ASSOCIATE-RQ arrived: it is being answered, and no longer the one to close for a newcomer. */
    synchronized void requestReceived(Socket socket) {
        idle.remove(socket);
    }

    /** Takes an association slot for an accepted request; false if all are taken (answer: local limit exceeded). */
    synchronized boolean admit(Socket socket) {
        if (!pending.contains(socket) || admitted.size() >= maxAssociations) {
            return false;
        }
        pending.remove(socket);
        admitted.add(socket);
        return true;
    }

    /** Rejected: it only waits for the peer's close now, so it may be closed for a newcomer. */
    synchronized void rejected(Socket socket) {
        if (pending.contains(socket)) {
            idle.add(socket);
        }
    }

    /** The connection ended, whatever state it was in. */
    synchronized void leave(Socket socket) {
        idle.remove(socket);
        pending.remove(socket);
        admitted.remove(socket);
    }

    synchronized int associations() {
        return admitted.size();
    }

    synchronized int pending() {
        return pending.size();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close: {0}", e.toString());
        }
    }
}
