package io.hounsfield.dicom.net;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.net.dimse.CommandCodec;
import io.hounsfield.dicom.net.dimse.Commands;
import io.hounsfield.dicom.net.dimse.Dimse;
import io.hounsfield.dicom.net.dimse.FragmentPipe;
import io.hounsfield.dicom.net.dimse.MessageAssembler;
import io.hounsfield.dicom.net.dimse.PDataOutputStream;
import io.hounsfield.dicom.net.pdu.AAssociateAc;
import io.hounsfield.dicom.net.pdu.AAssociateRj;
import io.hounsfield.dicom.net.pdu.AAssociateRq;
import io.hounsfield.dicom.net.pdu.PDataTf;
import io.hounsfield.dicom.net.pdu.Pdu;
import io.hounsfield.dicom.net.pdu.PduReader;
import io.hounsfield.dicom.net.pdu.PduWriter;
import io.hounsfield.dicom.net.pdu.PresentationContextAc;
import io.hounsfield.dicom.net.service.AssociationInfo;
import io.hounsfield.dicom.net.ul.Event;
import io.hounsfield.dicom.net.ul.State;
import io.hounsfield.dicom.net.ul.UpperLayer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One DICOM association, either side (PS3.7 §7, PS3.8 §7): the upper layer protocol machine below, DIMSE messages
 * above. Requests from the peer go to the local AE's services, one at a time on a serial executor, while the
 * connection keeps being read (for C-CANCEL and streamed data sets); responses to our requests go to the waiting
 * {@link DimseCall}. Operations for SCUs are in {@link ScuOperations}.
 */
public final class Association implements UpperLayer.Listener, MessageAssembler.Handler, AutoCloseable {
    static final System.Logger LOG = System.getLogger(Association.class.getName());
    private static final AtomicInteger SERIAL = new AtomicInteger();

    final ApplicationEntity local;
    final boolean requestor;
    private final Socket socket;
    private final UpperLayer upperLayer;
    private final PduWriter writer;
    private final MessageAssembler assembler;
    private final Executor serviceExecutor;
    private final ServiceDispatcher dispatcher;
    private final AssociationSlots slots;
    private final int serial = SERIAL.incrementAndGet();
    private final Object sendLock = new Object();
    private final AtomicInteger messageIds = new AtomicInteger();
    final Map<Integer, DimseCall> calls = new ConcurrentHashMap<>();
    final Map<Integer, ServiceDispatcher.Operation> operations = new ConcurrentHashMap<>();
    private final CompletableFuture<AAssociateAc> established = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile String name;
    private volatile AAssociateRq request;
    private volatile AAssociateAc acceptance;
    private volatile long peerMaxPduLength;

    /** {@code slots}: the acceptor's budgets, which an accepted request must get a slot from; null for a requestor. */
    Association(ApplicationEntity local, Socket socket, boolean requestor, Executor executor,
            AssociationSlots slots) throws IOException {
        this.local = local;
        this.socket = socket;
        this.requestor = requestor;
        this.slots = slots;
        this.name = socket.getRemoteSocketAddress() + "(" + serial + ")";
        NetworkOptions options = local.options();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) options.idleTimeout().toMillis());
        this.writer = new PduWriter(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        PduReader reader = new PduReader(new BufferedInputStream(socket.getInputStream(), 64 * 1024),
                options.maxPduLength(), PduReader.DEFAULT_MAX_ASSOCIATION_PDU_LENGTH);
        this.upperLayer = new UpperLayer(socket, reader, writer, requestor, options.artimTimeout(), this, name);
        this.assembler = new MessageAssembler(this, 64 << 20);
        this.serviceExecutor = new SerialExecutor(executor);
        this.dispatcher = new ServiceDispatcher(this);
    }

    /** Runs the association on the calling thread until the connection is closed. */
    void run() {
        try {
            if (!requestor) {
                upperLayer.fire(Event.Evt5, null);
            }
            upperLayer.readLoop();
        } finally {
            IOException ended = new IOException(name + " closed");
            established.completeExceptionally(ended);
            assembler.fail(ended);
            calls.values().forEach(call -> call.fail(ended));
            closed.complete(null);
            LOG.log(System.Logger.Level.DEBUG, "{0} closed", name);
        }
    }

    /** Requestor: sends the A-ASSOCIATE-RQ (Evt1, Evt2) and waits for the answer. */
    void requestAssociation(AAssociateRq rq, Executor readerExecutor) throws IOException {
        this.request = rq;
        this.name = rq.callingAeTitle() + "->" + rq.calledAeTitle() + "(" + serial + ")";
        upperLayer.name(name);
        upperLayer.fire(Event.Evt1, null);
        upperLayer.fire(Event.Evt2, rq);
        readerExecutor.execute(this::run);
        try {
            acceptance = established.get(local.options().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            abort();
            throw new IOException("no answer to A-ASSOCIATE-RQ", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IOException("interrupted", e);
        }
    }

    // Upper layer indications.

    @Override
    public Pdu associateIndication(AAssociateRq rq) {
        this.request = rq;
        this.name = rq.callingAeTitle() + "->" + rq.calledAeTitle() + "(" + serial + ")";
        upperLayer.name(name);
        this.peerMaxPduLength = rq.userInformation() == null ? 0 : rq.userInformation().maxLength();
        if (slots != null) {
            slots.requestReceived(socket);
        }
        Pdu answer = Negotiation.answer(local, rq, (InetSocketAddress) socket.getRemoteSocketAddress());
        if (answer instanceof AAssociateAc && slots != null && !slots.admit(socket)) {
            answer = Negotiation.localLimitExceeded();
        }
        if (answer instanceof AAssociateAc ac) {
            acceptance = ac;
            LOG.log(System.Logger.Level.INFO, "{0} accepted, {1} of {2} presentation contexts", name,
                    ac.presentationContexts().stream().filter(PresentationContextAc::accepted).count(),
                    rq.presentationContexts().size());
            established.complete(ac);
        } else {
            LOG.log(System.Logger.Level.INFO, "{0} rejected: {1}", name, answer);
            if (slots != null) {
                slots.rejected(socket);
            }
        }
        return answer;
    }

    @Override
    public void associateConfirmation(Pdu acceptOrReject) {
        if (acceptOrReject instanceof AAssociateAc ac) {
            peerMaxPduLength = ac.userInformation() == null ? 0 : ac.userInformation().maxLength();
            acceptance = ac;
            LOG.log(System.Logger.Level.INFO, "{0} accepted by peer", name);
            established.complete(ac);
        } else {
            established.completeExceptionally(new AssociationRejectedException((AAssociateRj) acceptOrReject));
        }
    }

    @Override
    public void pDataIndication(PDataTf data) throws IOException {
        try {
            assembler.feed(data);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}: {1}, aborting", name, e.getMessage());
            assembler.fail(e);
            upperLayer.fire(Event.Evt15, new io.hounsfield.dicom.net.pdu.AAbort(0, 0));
        }
    }

    @Override
    public void releaseIndication() {
        LOG.log(System.Logger.Level.INFO, "{0} << A-RELEASE-RQ", name);
        if (!requestor && request != null) {
            local.services().released(info());
        }
        upperLayer.releaseResponse();
    }

    @Override
    public void releaseConfirmation() {
        LOG.log(System.Logger.Level.INFO, "{0} released", name);
    }

    @Override
    public void abortIndication(String reason) {
        LOG.log(System.Logger.Level.INFO, "{0} aborted: {1}", name, reason);
        IOException failure = new IOException(name + " aborted: " + reason);
        established.completeExceptionally(failure);
        assembler.fail(failure);
        calls.values().forEach(call -> call.fail(failure));
        operations.values().forEach(ServiceDispatcher.Operation::cancel);
    }

    // DIMSE messages received.

    @Override
    public FragmentPipe commandReceived(int contextId, Attributes command) {
        Dimse dimse = Commands.dimseOf(command);
        LOG.log(System.Logger.Level.INFO, "{0} << {1}", name, dimse);
        if (dimse != Dimse.C_STORE_RQ) {
            return null;
        }
        FragmentPipe pipe = new FragmentPipe(32);
        serviceExecutor.execute(() -> dispatcher.store(contextId, command, pipe));
        return pipe;
    }

    @Override
    public void messageReceived(int contextId, Attributes command, byte[] dataset) {
        Dimse dimse = Commands.dimseOf(command);
        if (!Commands.hasDataSet(command)) {
            LOG.log(System.Logger.Level.INFO, "{0} << {1}", name, dimse);
        }
        if (dimse == Dimse.C_STORE_RQ && dataset == null && Commands.hasDataSet(command)) {
            return;
        }
        if (!dimse.isRequest()) {
            DimseCall call = calls.get(command.getInt(0x00000120, -1));
            if (call != null) {
                call.deliver(contextId, command, dataset);
            } else {
                LOG.log(System.Logger.Level.WARNING, "{0}: response to no request: {1}", name, dimse);
            }
        } else if (dimse == Dimse.C_CANCEL_RQ) {
            ServiceDispatcher.Operation operation = operations.get(command.getInt(0x00000120, -1));
            if (operation != null) {
                operation.cancel();
            }
        } else {
            serviceExecutor.execute(() -> dispatcher.request(contextId, command, dataset));
        }
    }

    // Sending.

    /** Sends a DIMSE message: the command set, then the data set written by {@code dataset} if not null. */
    void send(int contextId, Attributes command, DataWriter dataset) throws IOException {
        synchronized (sendLock) {
            try {
                upperLayer.pDataRequest();
            } catch (IllegalStateException e) {
                throw new IOException(name + ": association not established (" + upperLayer.state() + ")", e);
            }
            LOG.log(System.Logger.Level.INFO, "{0} >> {1}", name, Commands.dimseOf(command));
            PDataOutputStream.Sender sender = writer::writePData;
            try (OutputStream out = new PDataOutputStream(sender, contextId, true, peerMaxPduLength)) {
                out.write(CommandCodec.encode(command));
            }
            if (dataset != null) {
                try (OutputStream out = new PDataOutputStream(sender, contextId, false, peerMaxPduLength)) {
                    dataset.writeTo(out, transferSyntax(contextId));
                }
            }
        }
    }

    int nextMessageId() {
        return messageIds.updateAndGet(id -> id >= 0xFFFF ? 1 : id + 1);
    }

    // Negotiated state.

    /** The transfer syntax accepted for a presentation context, or {@code null}. */
    public String transferSyntax(int contextId) {
        return acceptance == null ? null : new NegotiatedContexts(request, acceptance).transferSyntax(contextId);
    }

    /** An accepted presentation context for {@code sopClassUid}, preferring {@code transferSyntaxUid}; or -1. */
    public int contextFor(String sopClassUid, String transferSyntaxUid) {
        return new NegotiatedContexts(request, acceptance).contextFor(sopClassUid, transferSyntaxUid);
    }

    public AAssociateRq request() {
        return request;
    }

    public AAssociateAc acceptance() {
        return acceptance;
    }

    public String name() {
        return name;
    }

    public AssociationInfo info() {
        return new AssociationInfo(request.callingAeTitle(), request.calledAeTitle(),
                (InetSocketAddress) socket.getRemoteSocketAddress(), name);
    }

    public boolean isOpen() {
        return upperLayer.state() == State.Sta6;
    }

    // Ending.

    /** A-RELEASE (PS3.8 §7.2): waits for the A-RELEASE-RP and the close, aborting after the request timeout. */
    public void release() throws IOException {
        if (upperLayer.state() != State.Sta6) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "{0} >> A-RELEASE-RQ", name);
        upperLayer.release();
        awaitClose();
    }

    /** Releases the association if it is still established. */
    @Override
    public void close() throws IOException {
        release();
    }

    /** A-ABORT (PS3.8 §7.3). */
    public void abort() {
        upperLayer.abortAndClose();
    }

    /** Waits until the connection is closed, aborting after the request timeout. */
    public void awaitClose() throws IOException {
        try {
            closed.get(local.options().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abort();
            throw new IOException("no A-RELEASE-RP", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }
}
