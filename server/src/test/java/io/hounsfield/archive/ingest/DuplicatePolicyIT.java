package io.hounsfield.archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.ArchiveProperties;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.events.ArchiveEvents;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.index.StoreOutcome;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.net.service.AssociationInfo;
import io.hounsfield.dicom.net.service.StoreRequest;
import io.hounsfield.system.DataDirectory;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code hounsfield.archive.duplicates}: KEEP (the default, see ArchiveIT) or REPLACE the stored copy. */
@HounsfieldIntegrationTest
class DuplicatePolicyIT {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoreLayout layout;

    @Autowired
    ArchiveIndex index;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IdentityCheck identity;

    @Autowired
    InstanceStore instanceStore;

    @Autowired
    ArchiveAudit audit;

    @Autowired
    DataDirectory data;

    @Autowired
    ArchiveEvents events;

    @TempDir
    Path work;

    @Test
    void replaceOverwritesTheStoredCopyEvenWhenItsSeriesChanged() throws Exception {
        Ingest replacing = new Ingest(layout, instanceStore, index, transactions,
                new ArchiveProperties(ArchiveProperties.DuplicatePolicy.REPLACE, 5000,
                        ArchiveProperties.Limits.DEFAULT), identity, audit, events);
        TestStudies.Study study = TestStudies.Study.of("DUP-1", "DUPLICATE^DORA", "DUPACC1", "20250701");
        Attributes original = TestStudies.image(study, TestStudies.newUid(), 1, 1);
        String uid = original.getString(Tags.SOPInstanceUID);
        assertThat(store(replacing, original).kind()).isEqualTo(StoreOutcome.Kind.STORED);
        String firstPath = index.instance(uid).orElseThrow().filePath();

        Attributes corrected = TestStudies.image(study, TestStudies.newUid(), 2, 1);
        corrected.setString(Tags.SOPInstanceUID, VR.UI, uid);
        corrected.setString(Tags.StudyDescription, VR.LO, "CORRECTED");
        StoreOutcome outcome = store(replacing, corrected);

        assertThat(outcome.kind()).isEqualTo(StoreOutcome.Kind.STORED);
        assertThat(outcome.replaced().filePath()).isEqualTo(firstPath);
        StoredInstance stored = index.instance(uid).orElseThrow();
        assertThat(stored.seriesInstanceUid()).isEqualTo(corrected.getString(Tags.SeriesInstanceUID));
        assertThat(Part10.read(data.store().resolve(stored.filePath())).dataset().getString(Tags.StudyDescription))
                .isEqualTo("CORRECTED");
        assertThat(stored.filePath()).as("the key is the SOP Instance UID's alone").isEqualTo(firstPath);
        assertThat(index.instancesOfStudy(study.studyUid())).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM archive_series WHERE series_instance_uid = ?")
                .param(outcome.replaced().seriesInstanceUid()).query(Long.class).single())
                .as("the emptied series is gone").isZero();
    }

    private StoreOutcome store(Ingest ingest, Attributes dataset) throws Exception {
        Path file = work.resolve(dataset.getString(Tags.SOPInstanceUID) + "-" + System.nanoTime() + ".dcm");
        Part10.write(file, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        StoreRequest request = new StoreRequest(new AssociationInfo("CT1", "HOUNSFIELD",
                new InetSocketAddress("127.0.0.1", 40000), "CT1->HOUNSFIELD(test)"), 1, Uids.CTImageStorage,
                dataset.getString(Tags.SOPInstanceUID), Uids.ExplicitVRLittleEndian, null, 0);
        return ingest.store(IncomingInstance.of(request, new ByteArrayInputStream(TestStudies.datasetBytes(file)),
                ArchiveAudit.actor(request.association()), new IngestSession("test")));
    }
}
