package io.hounsfield.dicom.net;

import io.hounsfield.dicom.net.pdu.AAssociateRq;
import io.hounsfield.dicom.net.pdu.UserInformation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * Opens associations as requestor (PS3.8 §7.1) for a local AE: TCP_NODELAY, optional TLS, the A-ASSOCIATE-RQ with
 * our Maximum Length and Implementation Class UID; each association reads on a daemon thread of a shared pool.
 */
public final class DicomClient {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService READERS = new ThreadPoolExecutor(0, 256, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "dicom-scu-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private final ApplicationEntity local;

    public DicomClient(ApplicationEntity local) {
        this.local = local;
    }

    /** Connects and negotiates; throws {@link AssociationRejectedException} on A-ASSOCIATE-RJ. */
    public Association connect(String host, int port, String calledAeTitle, PresentationContexts contexts)
            throws IOException {
        Socket socket = open(host, port);
        try {
            Association association = new Association(local, socket, true, READERS, null);
            UserInformation info = Negotiation.userInformation(local).withRoleSelections(contexts.roleSelections());
            AAssociateRq rq = new AAssociateRq(1, calledAeTitle, local.aeTitle(), AAssociateRq.DICOM_APPLICATION_CONTEXT,
                    contexts.contexts(), info);
            association.requestAssociation(rq, READERS);
            return association;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private Socket open(String host, int port) throws IOException {
        NetworkOptions options = local.options();
        Socket socket = options.sslContext() == null ? new Socket() : options.sslContext().getSocketFactory().createSocket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), (int) options.connectTimeout().toMillis());
        if (socket instanceof SSLSocket ssl) {
            ssl.startHandshake();
        }
        return socket;
    }
}
