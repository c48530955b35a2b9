package io.hounsfield.scp;

import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.AssociationPolicy;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.DicomServer;
import io.hounsfield.dicom.net.NetworkOptions;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldProperties;
import io.hounsfield.system.ListenerStartException;
import io.hounsfield.system.RunMode;
import io.hounsfield.system.StatusContributor;
import io.hounsfield.system.StatusItem;
import io.hounsfield.system.SystemPhases;
import java.io.IOException;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hounsfield's DICOM application entity: C-ECHO for everyone it knows, plus what each feature provides.
 * It starts before the web server, so that a health check that answers means DICOM listens too.
 */
@Component
public class DicomListener implements SmartLifecycle, StatusContributor {

    private final HounsfieldProperties.Dicom settings;
    private final List<DicomServiceProvider> providers;
    private final DicomPeerRegistry peers;
    private final AuditService audit;
    private final RunMode runMode;
    private volatile DicomServer server;

    DicomListener(HounsfieldProperties properties, List<DicomServiceProvider> providers, DicomPeerRegistry peers,
            AuditService audit, RunMode runMode) {
        this.runMode = runMode;
        this.settings = properties.dicom();
        this.providers = providers;
        this.peers = peers;
        this.audit = audit;
    }

    @Override
    public void start() {
        // A database away or a failing file store: the peer is told it may try again (A700), as HTTP says 503.
        ServiceRegistry services = new ServiceRegistry().echo(new io.hounsfield.dicom.net.service.EchoService() {})
                .passingFailures(failure -> Failure.of(failure).mayPassLater());
        providers.forEach(provider -> provider.register(services));
        NetworkOptions defaults = NetworkOptions.DEFAULT;
        NetworkOptions options = defaults.withMaxAssociations(settings.maxAssociations())
                .withMaxPendingAssociations(settings.maxPendingAssociations())
                .withMaxPduLength(settings.maxPduLength())
                .withTimeouts(settings.artimTimeout(), defaults.idleTimeout(), defaults.requestTimeout());
        ApplicationEntity entity = new ApplicationEntity(settings.aeTitle(), services,
                new PeerPolicy(settings.aeTitle(), peers, audit), options);
        try {
            server = DicomServer.start(entity, settings.bindAddress(), settings.port());
        } catch (IOException e) {
            throw new ListenerStartException("DICOM", settings.bindAddress(), settings.port(), e);
        }
    }

    @Override
    public void stop() {
        DicomServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
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

    public String aeTitle() {
        return settings.aeTitle();
    }

    /** A client that opens associations as Hounsfield's AE, e.g. to deliver a storage commitment report. */
    public DicomClient client() {
        NetworkOptions options = NetworkOptions.DEFAULT.withMaxPduLength(settings.maxPduLength());
        return new DicomClient(new ApplicationEntity(settings.aeTitle(), new ServiceRegistry(),
                AssociationPolicy.calledAeTitle(settings.aeTitle()), options));
    }

    /** The port actually bound (differs from the setting when that is 0). */
    public int port() {
        DicomServer running = server;
        return running == null ? -1 : running.port();
    }

    @Override
    public List<StatusItem> status() {
        return List.of(new StatusItem("DICOM " + settings.aeTitle(), isRunning(), settings.bindAddress() + ":" + port()));
    }
}
