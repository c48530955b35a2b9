package io.hounsfield.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.hounsfield.system.HounsfieldProperties;
import io.hounsfield.system.ListenerStartException;
import io.hounsfield.system.StatusContributor;
import io.hounsfield.system.StatusItem;
import io.hounsfield.system.RunMode;
import io.hounsfield.system.SystemPhases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HL7 v2 MLLP listener (HAPI's server). Every version from 2.3.1 to 2.5.1 is read into the 2.5.1
 * model, so one port serves ADT (v2.3.1/2.5) and OMI (v2.5.1) senders alike (DOMAIN.md WF-33).
 */
@Component
class MllpListener implements SmartLifecycle, StatusContributor {

    private static final System.Logger LOG = System.getLogger(MllpListener.class.getName());

    private static final int MAX_THREADS = 200;

    private final HounsfieldProperties.Hl7 settings;
    private final Hl7Receiver receiver;
    private final HapiContext context;
    private final LoopbackServerSocketFactory sockets;
    private final RunMode runMode;
    private HL7Service server;

    MllpListener(HounsfieldProperties properties, Hl7Receiver receiver, RunMode runMode) throws IOException {
        this.runMode = runMode;
        this.settings = properties.hl7();
        this.receiver = receiver;
        this.sockets = new LoopbackServerSocketFactory(InetAddress.getByName(settings.bindAddress()));
        this.context = new DefaultHapiContext(connectionThreads());
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
        context.setSocketFactory(sockets);
    }

    /** The HAPI context: parser, model and threads, shared with the outbound sender. */
    HapiContext context() {
        return context;
    }

    @Override
    public void start() {
        try {
            refuseIfPortTaken();
            server = context.newServer(settings.port(), false);
            server.registerApplication(receiver);
            server.startAndWait();
            LOG.log(System.Logger.Level.INFO, "HL7 MLLP listening on {0}:{1}", settings.bindAddress(), String.valueOf(port()));
        } catch (IOException e) {
            throw new ListenerStartException("HL7 MLLP", settings.bindAddress(), settings.port(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the HL7 listener", e);
        }
    }

    /**
     * HAPI's default executor is shared by every HAPI context in the JVM; closing another context
     * would stop this listener. Its own pool, bounded: HAPI uses about two threads per connection.
     */
    private static ExecutorService connectionThreads() {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "hl7-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** HAPI logs a bind failure and carries on; checking first turns a taken port into a clear start-up error. */
    private void refuseIfPortTaken() throws IOException {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()));
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
        try {
            context.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the HL7 context failed", e);
        }
    }

    @Override
    public int getPhase() {
        return SystemPhases.LISTENERS;
    }

    /** Not when the process runs a command instead of serving. */
    @Override
    public boolean isAutoStartup() {
        return runMode.serving();
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** The port actually bound (differs from the setting when that is 0). */
    int port() {
        return sockets.boundPort();
    }

    @Override
    public List<StatusItem> status() {
        return List.of(new StatusItem("HL7 v2 MLLP", isRunning(), settings.bindAddress() + ":" + port()));
    }
}
