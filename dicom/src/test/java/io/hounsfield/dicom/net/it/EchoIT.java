package io.hounsfield.dicom.net.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.AssociationPolicy;
import io.hounsfield.dicom.net.AssociationRejectedException;
import io.hounsfield.dicom.net.DicomServer;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.pdu.AAssociateRj;
import io.hounsfield.dicom.net.service.EchoService;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C-ECHO both ways with dcmtk, and association rejection (PS3.8 §7.1.1.9). */
class EchoIT {
    @TempDir
    Path dir;

    private static PresentationContexts verification() {
        return new PresentationContexts().add(Uids.Verification, Uids.ImplicitVRLittleEndian);
    }

    @Test
    void echoscuIsAnswered() throws Exception {
        try (ScpFixture scp = new ScpFixture(dir)) {
            Peers.Run run = Peers.run(dir, "echoscu", "-aet", "ECHOSCU", "-aec", "HOUNSFIELD", "127.0.0.1",
                    String.valueOf(scp.port()));
            assertThat(run.exitCode()).as(run.output()).isZero();
            Peers.Run repeated = Peers.run(dir, "echoscu", "-aet", "ECHOSCU", "-aec", "HOUNSFIELD", "--repeat", "5",
                    "127.0.0.1", String.valueOf(scp.port()));
            assertThat(repeated.exitCode()).as(repeated.output()).isZero();
        }
    }

    @Test
    void hooksRunBeforeTheReleaseIsAnsweredAndOneThatFailsDoesNotStopIt() throws Exception {
        List<String> released = new CopyOnWriteArrayList<>();
        ServiceRegistry services = new ServiceRegistry().echo(new EchoService() { })
                .beforeRelease(association -> {
                    throw new IllegalStateException("hook failed");
                })
                .beforeRelease(association -> released.add(association.callingAeTitle()));
        var ae = new ApplicationEntity("HOUNSFIELD", services,
                AssociationPolicy.knownCallers("HOUNSFIELD", Set.of("TESTSCU")), ScpFixture.OPTIONS);
        try (var server = DicomServer.start(ae, "127.0.0.1", 0)) {
            Association association = ScpFixture.client(new ServiceRegistry())
                    .connect("127.0.0.1", server.port(), "HOUNSFIELD", verification());
            assertThat(new Scu(association).echo()).isEqualTo(Status.SUCCESS);
            assertThat(released).isEmpty();
            association.release();
            assertThat(released).containsExactly("TESTSCU");
        }
    }

    @Test
    void unknownCalledAndCallingAeTitlesAreRejected() throws Exception {
        try (ScpFixture scp = new ScpFixture(dir)) {
            Peers.Run called = Peers.run(dir, "echoscu", "-aet", "ECHOSCU", "-aec", "SOMEONE", "127.0.0.1",
                    String.valueOf(scp.port()));
            assertThat(called.exitCode()).isNotZero();
            assertThat(called.output()).containsIgnoringCase("Called AE Title Not Recognized");
            var client = new io.hounsfield.dicom.net.DicomClient(new io.hounsfield.dicom.net.ApplicationEntity(
                    "STRANGER", new ServiceRegistry(), AssociationPolicy.calledAeTitle("X"),
                    ScpFixture.OPTIONS));
            assertThatThrownBy(() -> client.connect("127.0.0.1", scp.port(), "HOUNSFIELD", verification()))
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                        assertThat(e.rejection().source()).isEqualTo(AAssociateRj.SOURCE_SERVICE_USER);
                        assertThat(e.rejection().reason()).isEqualTo(AAssociateRj.REASON_CALLING_AE_NOT_RECOGNIZED);
                    });
            Peers.await(() -> scp.server.activeAssociations() == 0);
        }
    }

    @Test
    void associationLimitAnswersLocalLimitExceeded() throws Exception {
        try (ScpFixture scp = new ScpFixture(dir, ScpFixture.OPTIONS.withMaxAssociations(2))) {
            var client = ScpFixture.client(new ServiceRegistry());
            List<Association> open = new ArrayList<>();
            open.add(client.connect("127.0.0.1", scp.port(), "HOUNSFIELD", verification()));
            open.add(client.connect("127.0.0.1", scp.port(), "HOUNSFIELD", verification()));
            assertThatThrownBy(() -> client.connect("127.0.0.1", scp.port(), "HOUNSFIELD", verification()))
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                        assertThat(e.rejection().result()).isEqualTo(AAssociateRj.RESULT_TRANSIENT);
                        assertThat(e.rejection().source()).isEqualTo(AAssociateRj.SOURCE_SERVICE_PROVIDER_PRESENTATION);
                        assertThat(e.rejection().reason()).isEqualTo(AAssociateRj.REASON_LOCAL_LIMIT_EXCEEDED);
                    });
            for (Association association : open) {
                assertThat(new Scu(association).echo()).isEqualTo(Status.SUCCESS);
                association.release();
            }
            try (Association again = client.connect("127.0.0.1", scp.port(), "HOUNSFIELD", verification())) {
                assertThat(new Scu(again).echo()).isEqualTo(Status.SUCCESS);
            }
        }
    }

    @Test
    void policyDecidesWhatACallerMayDo() throws Exception {
        AssociationPolicy policy = new AssociationPolicy() {
            @Override
            public AAssociateRj evaluate(io.hounsfield.dicom.net.pdu.AAssociateRq request,
                    java.net.InetSocketAddress remote) {
                return null;
            }

            @Override
            public boolean allows(io.hounsfield.dicom.net.pdu.AAssociateRq request, String sopClassUid) {
                return !request.callingAeTitle().equals("TESTSCU");
            }
        };
        var ae = new io.hounsfield.dicom.net.ApplicationEntity("HOUNSFIELD", new ServiceRegistry().echo(
                new io.hounsfield.dicom.net.service.EchoService() { }), policy, ScpFixture.OPTIONS);
        try (var server = io.hounsfield.dicom.net.DicomServer.start(ae, "127.0.0.1", 0);
                Association association = ScpFixture.client(new ServiceRegistry()).connect("127.0.0.1",
                        server.port(), "HOUNSFIELD", verification())) {
            assertThat(association.acceptance().presentationContexts().get(0).result())
                    .isEqualTo(io.hounsfield.dicom.net.pdu.PresentationContextAc.USER_REJECTION);
            assertThatThrownBy(() -> new Scu(association).echo()).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void ourEchoToStorescp() throws Exception {
        int port = Peers.freePort();
        Process storescp = Peers.startServer(dir, port, "storescp", "-aet", "STORESCP", "--output-directory",
                dir.toString(), String.valueOf(port));
        try (Association association = ScpFixture.client(new ServiceRegistry())
                .connect("127.0.0.1", port, "STORESCP", verification())) {
            assertThat(new Scu(association).echo()).isEqualTo(Status.SUCCESS);
        } finally {
            Peers.stop(storescp);
        }
    }

}
