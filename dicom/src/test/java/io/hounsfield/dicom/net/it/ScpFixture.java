package io.hounsfield.dicom.net.it;

import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.AssociationPolicy;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.DicomServer;
import io.hounsfield.dicom.net.NetworkOptions;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Our SCP "HOUNSFIELD" on 127.0.0.1 with the test archive, and an SCU AE "TESTSCU". */
final class ScpFixture implements AutoCloseable {
    static final NetworkOptions OPTIONS = NetworkOptions.DEFAULT.withMaxAssociations(4)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30));

    final TestArchive archive;
    final DicomServer server;
    final Path received;

    ScpFixture(Path dir) throws IOException {
        this(dir, OPTIONS);
    }

    ScpFixture(Path dir, NetworkOptions options) throws IOException {
        received = Files.createDirectories(dir.resolve("received"));
        archive = new TestArchive(received);
        AssociationPolicy policy = AssociationPolicy.knownCallers("HOUNSFIELD",
                Set.of("STORESCU", "ECHOSCU", "FINDSCU", "MOVESCU", "GETSCU", "TESTSCU", "CT1", "QRSCP"));
        ApplicationEntity ae = new ApplicationEntity("HOUNSFIELD", archive.registry(), policy, options);
        server = DicomServer.start(ae, "127.0.0.1", 0);
    }

    int port() {
        return server.port();
    }

    static DicomClient client(ServiceRegistry registry) {
        return new DicomClient(new ApplicationEntity("TESTSCU", registry, AssociationPolicy.calledAeTitle("TESTSCU"),
                OPTIONS));
    }

    @Override
    public void close() {
        server.close();
    }
}
