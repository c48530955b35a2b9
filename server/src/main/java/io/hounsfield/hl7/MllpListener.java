package io.hounsfield.hl7;

import io.hounsfield.system.HounsfieldProperties;
import io.hounsfield.system.ListenerStartException;
import io.hounsfield.system.RunMode;
import io.hounsfield.system.StatusContributor;
import io.hounsfield.system.StatusItem;
import io.hounsfield.system.SystemPhases;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The HL7 v2 MLLP listener: {@link MllpServer} on the configured address, each message to {@link Hl7Receiver}. */
@Component
class MllpListener implements SmartLifecycle, StatusContributor {

    private static final System.Logger LOG = System.getLogger(MllpListener.class.getName());

    private final HounsfieldProperties.Hl7 settings;
    private final Hl7IntakeProperties limits;
    private final Hl7Receiver receiver;
    private final RunMode runMode;
    private volatile MllpServer server;

    MllpListener(HounsfieldProperties properties, Hl7IntakeProperties limits, Hl7Receiver receiver, RunMode runMode) {
        this.settings = properties.hl7();
        this.limits = limits;
        this.receiver = receiver;
        this.runMode = runMode;
    }

    @Override
    public void start() {
        try {
            MllpServer starting = new MllpServer(InetAddress.getByName(settings.bindAddress()), settings.port(),
                    limits.idleTimeout(), limits.maxConnections(), limits.maxMessageBytes(), receiver::receive);
            starting.start();
            server = starting;
            LOG.log(System.Logger.Level.INFO, "HL7 MLLP listening on {0}:{1}", settings.bindAddress(),
                    String.valueOf(port()));
        } catch (IOException e) {
            throw new ListenerStartException("HL7 MLLP", settings.bindAddress(), settings.port(), e);
        }
    }

    @Override
    public void stop() {
        MllpServer running = server;
        if (running != null) {
            running.close();
            server = null;
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
        MllpServer running = server;
        return running != null && running.isRunning();
    }

    /** The port actually bound (differs from the setting when that is 0). */
    int port() {
        MllpServer running = server;
        return running == null ? settings.port() : running.port();
    }

    /** Connections open now (tests, status). */
    int openConnections() {
        MllpServer running = server;
        return running == null ? 0 : running.openConnections();
    }

    @Override
    public List<StatusItem> status() {
        return List.of(new StatusItem("HL7 v2 MLLP", isRunning(), settings.bindAddress() + ":" + port()));
    }
}
