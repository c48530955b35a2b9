package io.hounsfield.scp;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.pdu.PresentationContextAc;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.dicom.net.service.StorageSopClasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * docs/dicom-conformance.md against the running server: the maximum PDU length it announces, the SOP classes it
 * serves as SCP (every one listed is accepted, none served is missing from the list) and the number of storage classes.
 */
@HounsfieldIntegrationTest
class ConformanceStatementIT {
    private static final Path DOCUMENT = Path.of("..", "docs", "dicom-conformance.md");
    private static final Pattern TABLE_UID = Pattern.compile("^\\| [^|]+ \\| (1\\.2\\.840\\.10008(?:\\.\\d+)+) \\|",
            Pattern.MULTILINE);

    @Autowired
    DicomListener listener;

    @Autowired
    List<DicomServiceProvider> providers;

    private static String document() throws Exception {
        return Files.readString(DOCUMENT);
    }

    @Test
    void theMaximumPduLengthIsTheOneTheServerAnnounces() throws Exception {
        Matcher stated = Pattern.compile("Maximum PDU length \\d+ KiB \\((\\d+) bytes\\) by default").matcher(document());
        assertThat(stated.find()).as("the document states the maximum PDU length in bytes").isTrue();

        try (Association association = connect(new PresentationContexts().add(Uids.Verification,
                Uids.ImplicitVRLittleEndian))) {
            assertThat(association.acceptance().userInformation().maxLength())
                    .isEqualTo(Long.parseLong(stated.group(1)));
            association.release();
        }
    }

    @Test
    void theScpTableListsExactlyTheSopClassesTheServerAccepts() throws Exception {
        Set<String> listed = new LinkedHashSet<>();
        Matcher row = TABLE_UID.matcher(document());
        while (row.find()) {
            listed.add(row.group(1));
        }
        ServiceRegistry registry = new ServiceRegistry().echo(new io.hounsfield.dicom.net.service.EchoService() {});
        providers.forEach(provider -> provider.register(registry));
        Set<String> served = new HashSet<>(registry.sopClassUids());
        served.removeAll(StorageSopClasses.all());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(served);
        PresentationContexts contexts = new PresentationContexts();
        listed.forEach(uid -> contexts.add(uid, Uids.ExplicitVRLittleEndian));
        try (Association association = connect(contexts)) {
            assertThat(association.acceptance().presentationContexts()).hasSize(listed.size())
                    .allMatch(PresentationContextAc::accepted);
            association.release();
        }
    }

    @Test
    void theNumberOfStorageClassesIsTheDictionarys() throws Exception {
        Matcher stated = Pattern.compile("All (\\d+) Storage SOP classes").matcher(document());
        assertThat(stated.find()).isTrue();
        assertThat(Integer.parseInt(stated.group(1))).isEqualTo(StorageSopClasses.all().size());
    }

    private Association connect(PresentationContexts contexts) throws Exception {
        return new DicomClient(ApplicationEntity.of("VIEWER", new ServiceRegistry()))
                .connect("127.0.0.1", listener.port(), "HOUNSFIELD", contexts);
    }
}
