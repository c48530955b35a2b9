package io.hounsfield.dicom.net.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.AssociationPolicy;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.DicomServer;
import io.hounsfield.dicom.net.NetworkOptions;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Dimse;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.NRequest;
import io.hounsfield.dicom.net.service.NResponse;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS on both sides (JDK SSLContext), and every DIMSE-N request through our SCU and SCP. */
class TlsAndNormalizedIT {
    private static final String SOP_CLASS = Uids.ModalityPerformedProcedureStep;

    @TempDir
    Path dir;

    private SSLContext selfSigned() throws Exception {
        Path keystore = dir.resolve("test.p12");
        Peers.Run run = Peers.run(dir, Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "dicom", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-keypass", "changeit");
        assertThat(run.exitCode()).as(run.output()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void normalizedRequestsOverTls() throws Exception {
        NetworkOptions options = ScpFixture.OPTIONS.withSslContext(selfSigned());
        List<NRequest> seen = new ArrayList<>();
        ServiceRegistry registry = new ServiceRegistry().echo(new io.hounsfield.dicom.net.service.EchoService() { })
                .normalized(SOP_CLASS, (request, dataset) -> {
                    synchronized (seen) {
                        seen.add(request);
                    }
                    Attributes answer = new Attributes();
                    answer.setString(Tags.PerformedProcedureStepStatus, VR.CS, "IN PROGRESS");
                    return new NResponse(Status.SUCCESS, request.dimse() == Dimse.N_GET_RQ ? answer : null,
                            request.dimse() == Dimse.N_CREATE_RQ ? "1.2.3.99" : null);
                });
        ApplicationEntity scpAe = new ApplicationEntity("HOUNSFIELD", registry,
                AssociationPolicy.calledAeTitle("HOUNSFIELD"), options);
        try (DicomServer server = DicomServer.start(scpAe, "127.0.0.1", 0)) {
            DicomClient client = new DicomClient(new ApplicationEntity("TLSSCU", new ServiceRegistry(),
                    AssociationPolicy.calledAeTitle("TLSSCU"), options));
            PresentationContexts contexts = new PresentationContexts()
                    .add(Uids.Verification, Uids.ImplicitVRLittleEndian)
                    .add(SOP_CLASS, Uids.ExplicitVRLittleEndian);
            try (Association association = client.connect("127.0.0.1", server.port(), "HOUNSFIELD", contexts)) {
                Scu scu = new Scu(association);
                assertThat(scu.echo()).isEqualTo(Status.SUCCESS);
                Attributes attributes = new Attributes();
                attributes.setString(Tags.PatientID, VR.LO, "TLS1");
                Scu.NResult created = scu.nCreate(SOP_CLASS, null, attributes);
                assertThat(created.status()).isEqualTo(Status.SUCCESS);
                assertThat(created.command().getString(Tags.AffectedSOPInstanceUID)).isEqualTo("1.2.3.99");
                assertThat(scu.nSet(SOP_CLASS, "1.2.3.99", attributes).status()).isEqualTo(Status.SUCCESS);
                Scu.NResult got = scu.nGet(SOP_CLASS, "1.2.3.99");
                assertThat(got.dataset().getString(Tags.PerformedProcedureStepStatus)).isEqualTo("IN PROGRESS");
                Scu.NResult action = scu.nAction(SOP_CLASS, "1.2.3.99", 1, attributes);
                assertThat(action.command().getInt(Tags.ActionTypeID, 0)).isEqualTo(1);
                Scu.NResult event = scu.nEventReport(SOP_CLASS, "1.2.3.99", 2, attributes);
                assertThat(event.command().getInt(Tags.EventTypeID, 0)).isEqualTo(2);
            }
        }
        assertThat(seen).extracting(NRequest::dimse).containsExactly(Dimse.N_CREATE_RQ, Dimse.N_SET_RQ,
                Dimse.N_GET_RQ, Dimse.N_ACTION_RQ, Dimse.N_EVENT_REPORT_RQ);
        assertThat(seen.get(3).typeId()).isEqualTo(1);
        assertThat(seen.get(4).typeId()).isEqualTo(2);
        assertThat(seen.get(1).sopInstanceUid()).isEqualTo("1.2.3.99");
    }
}
