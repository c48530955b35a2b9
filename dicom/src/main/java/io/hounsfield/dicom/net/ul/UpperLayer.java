package io.hounsfield.dicom.net.ul;

import io.hounsfield.dicom.net.pdu.AAbort;
import io.hounsfield.dicom.net.pdu.AAssociateAc;
import io.hounsfield.dicom.net.pdu.AAssociateRq;
import io.hounsfield.dicom.net.pdu.AReleaseRp;
import io.hounsfield.dicom.net.pdu.AReleaseRq;
import io.hounsfield.dicom.net.pdu.PDataTf;
import io.hounsfield.dicom.net.pdu.Pdu;
import io.hounsfield.dicom.net.pdu.PduFormatException;
import io.hounsfield.dicom.net.pdu.PduReader;
import io.hounsfield.dicom.net.pdu.PduWriter;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One transport connection driven by the upper layer protocol machine (PS3.8 §9.2): every received PDU, local
 * primitive, transport event and ARTIM expiry is an {@link Event}; {@link StateMachine} gives the action, which is
 * carried out here. A protocol violation leads to A-ABORT and the connection is closed, by the peer or by ARTIM.
 */
public final class UpperLayer {
    private static final System.Logger LOG = System.getLogger(UpperLayer.class.getName());

    /** What the protocol machine tells its user (the DIMSE layer), the indications and confirmations of PS3.8. */
    public interface Listener {
        /** AE-6: returns the A-ASSOCIATE-AC or A-ASSOCIATE-RJ to answer with. */
        Pdu associateIndication(AAssociateRq request);

        void associateConfirmation(Pdu acceptOrReject);

        /** DT-2, AR-6: received P-DATA-TF. */
        void pDataIndication(PDataTf data) throws IOException;

        /** AR-2, AR-8: the peer asks to release. */
        void releaseIndication();

        /** AR-3, AR-10. */
        void releaseConfirmation();

        /** AA-3, AA-4, AA-8, AA-2 from an active state: the association is gone. */
        void abortIndication(String reason);
    }

    private final Socket socket;
    private final PduReader reader;
    private final PduWriter writer;
    private final boolean requestor;
    private final Listener listener;
    private final Artim artim;
    private volatile String name;
    private State state = State.Sta1;
    private AAbort pendingAbort;
    private boolean indicated;

    public UpperLayer(Socket socket, PduReader reader, PduWriter writer, boolean requestor, Duration artimTimeout,
            Listener listener, String name) {
        this.socket = socket;
        this.reader = reader;
        this.writer = writer;
        this.requestor = requestor;
        this.listener = listener;
        this.name = name;
        this.artim = new Artim(artimTimeout, () -> fire(Event.Evt18, null));
    }

    public void name(String name) {
        this.name = name;
    }

    public synchronized State state() {
        return state;
    }

    /**
     * Fires {@code event}; {@code pdu} is the received or to-be-sent PDU, if any. P-DATA indications (DT-2, AR-6)
     * are delivered after the state lock is released, so that a listener that blocks (a full data set pipe) never
     * stops the other side from sending, aborting or expiring ARTIM.
     */
    public void fire(Event event, Pdu pdu) {
        if (transition(event, pdu)) {
            try {
                listener.pDataIndication((PDataTf) pdu);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "{0}: P-DATA indication failed: {1}", name, e.toString());
                abortAndClose();
            }
        }
    }

    /** Changes state and performs the action, except a P-DATA indication: returns true if one is due. */
    private synchronized boolean transition(Event event, Pdu pdu) {
        Action action = StateMachine.action(state, event);
        if (action == null) {
            if (event == Event.Evt9 || event == Event.Evt11 || event == Event.Evt14 || event == Event.Evt15) {
                throw new IllegalStateException(event + " (" + event.description() + ") in " + state);
            }
            LOG.log(System.Logger.Level.DEBUG, "{0}: {1} ignored in {2}", name, event, state);
            return false;
        }
        LOG.log(System.Logger.Level.TRACE, "{0}: {1} {2} {3}", name, state, event, action.label());
        if ((action == Action.AA_1 || action == Action.AA_8) && event != Event.Evt15) {
            LOG.log(System.Logger.Level.WARNING, "{0}: {1} in {2}, {3}: A-ABORT", name, event.description(), state,
                    action.label());
        }
        State before = state;
        state = action.next();
        if (action == Action.DT_2 || action == Action.AR_6) {
            return true;
        }
        try {
            perform(action, pdu, before);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: {1} failed: {2}", name, action.label(), e.toString());
            closeTransport();
            state = State.Sta1;
            indicateAbort("transport failed: " + e.getMessage());
        }
        return false;
    }

    private void perform(Action action, Pdu pdu, State before) throws IOException {
        switch (action) {
            case AE_2, AE_7, AR_1, AR_9, AA_7 -> send(pdu);
            case AE_3 -> listener.associateConfirmation(pdu);
            case AE_4 -> {
                listener.associateConfirmation(pdu);
                closeTransport();
            }
            case AE_5, AE_1, DT_1, DT_2, AR_6, AR_7, AA_6 -> {
                if (action == Action.AE_5) {
                    artim.start();
                }
            }
            case AE_6 -> associateIndication((AAssociateRq) pdu);
            case AE_8, AR_4 -> {
                send(pdu);
                artim.start();
            }
            case AR_2 -> listener.releaseIndication();
            case AR_8 -> {
                state = StateMachine.next(action, requestor, true);
                listener.releaseIndication();
            }
            case AR_3 -> {
                listener.releaseConfirmation();
                closeTransport();
            }
            case AR_10 -> listener.releaseConfirmation();
            case AR_5, AA_5 -> artim.stop();
            case AA_1 -> {
                send(pdu != null && pdu.type() == Pdu.A_ABORT ? pdu : new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
                artim.start();
                if (before != State.Sta2) {
                    indicateAbort("aborted by local user");
                }
            }
            case AA_2 -> {
                artim.stop();
                closeTransport();
                indicateAbort("closed");
            }
            case AA_3 -> {
                indicateAbort("aborted by peer " + pdu);
                closeTransport();
            }
            case AA_4 -> indicateAbort("transport connection closed");
            case AA_8 -> {
                send(pendingAbort != null ? pendingAbort
                        : new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, AAbort.REASON_UNEXPECTED_PDU));
                indicateAbort("protocol error, aborted");
                artim.start();
            }
        }
    }

    private void associateIndication(AAssociateRq request) throws IOException {
        artim.stop();
        Pdu response = listener.associateIndication(request);
        if (response instanceof AAssociateAc) {
            fire(Event.Evt7, response);
        } else {
            fire(Event.Evt8, response);
        }
    }

    private void indicateAbort(String reason) {
        if (!indicated) {
            indicated = true;
            listener.abortIndication(reason);
        }
    }

    private void send(Pdu pdu) throws IOException {
        LOG.log(System.Logger.Level.DEBUG, "{0} >> {1}", name, pdu.name());
        writer.write(pdu);
    }

    private void closeTransport() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: close failed: {1}", name, e.toString());
        }
    }

    /** Checks that a P-DATA request is allowed now (Evt9: DT-1 in Sta6, AR-7 in Sta8). */
    public void pDataRequest() {
        fire(Event.Evt9, null);
    }

    /**
     * Reads PDUs until the protocol machine is back in Sta1: the loop of the thread that owns this connection.
     * Sta2 is entered with AE-5 (acceptor) before the loop; the requestor enters Sta5 by {@link #fire}(Evt1/Evt2).
     */
    public void readLoop() {
        while (state() != State.Sta1) {
            try {
                Pdu pdu = reader.read();
                if (pdu == null) {
                    fire(Event.Evt17, null);
                } else {
                    LOG.log(System.Logger.Level.TRACE, "{0} << {1}", name, pdu.name());
                    fire(eventOf(pdu), pdu);
                }
            } catch (PduFormatException e) {
                LOG.log(System.Logger.Level.WARNING, "{0}: invalid PDU: {1}", name, e.getMessage());
                synchronized (this) {
                    pendingAbort = new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, e.abortReason());
                }
                fire(Event.Evt19, pendingAbort);
                drainUntilClosed();
            } catch (SocketTimeoutException e) {
                LOG.log(System.Logger.Level.WARNING, "{0}: idle timeout in {1}", name, state());
                abortAndClose();
            } catch (IOException e) {
                fire(Event.Evt17, null);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, name + ": failed, aborting", e);
                abortAndClose();
            }
        }
        artim.stop();
        closeTransport();
    }

    /** After a bad PDU the stream cannot be parsed any more: wait for close or ARTIM without reading PDUs. */
    private void drainUntilClosed() {
        byte[] sink = new byte[8192];
        try {
            while (state() != State.Sta1 && socket.getInputStream().read(sink) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // closed by ARTIM or the peer
        }
        fire(Event.Evt17, null);
    }

    /** A-ABORT request from the local user (Evt15), then close without waiting. */
    public void abortAndClose() {
        if (StateMachine.action(state(), Event.Evt15) != null) {
            try {
                fire(Event.Evt15, new AAbort(AAbort.SOURCE_SERVICE_USER, 0));
            } catch (IllegalStateException e) {
                // the state changed meanwhile: closing is all that is left
            }
        }
        synchronized (this) {
            artim.stop();
            closeTransport();
            if (state != State.Sta1) {
                state = State.Sta1;
                indicateAbort("aborted");
            }
        }
    }

    private static Event eventOf(Pdu pdu) {
        return switch (pdu.type()) {
            case Pdu.A_ASSOCIATE_RQ -> Event.Evt6;
            case Pdu.A_ASSOCIATE_AC -> Event.Evt3;
            case Pdu.A_ASSOCIATE_RJ -> Event.Evt4;
            case Pdu.P_DATA_TF -> Event.Evt10;
            case Pdu.A_RELEASE_RQ -> Event.Evt12;
            case Pdu.A_RELEASE_RP -> Event.Evt13;
            default -> Event.Evt16;
        };
    }

    /** Sends the A-RELEASE-RQ (Evt11) or the A-RELEASE-RP (Evt14) as the state requires. */
    public void release() {
        fire(Event.Evt11, new AReleaseRq());
    }

    public void releaseResponse() {
        fire(Event.Evt14, new AReleaseRp());
    }

    public boolean requestor() {
        return requestor;
    }
}
