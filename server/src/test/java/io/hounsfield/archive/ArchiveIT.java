package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.service.DicomInstance;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.DataDirectory;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Storage SCP end to end: storescu and our own SCU against the listener, files and index checked. */
@HounsfieldIntegrationTest
class ArchiveIT {
    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @Autowired
    DicomListener listener;

    @Autowired
    DataDirectory data;

    @Autowired
    ArchiveIndex index;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path work;

    @Test
    void storescuOfAMixedFolderFilesEveryInstanceByUidAndIndexesIt() throws Exception {
        Path folder = work.resolve("mixed");
        TestStudies.Study first = TestStudies.Study.of("ARC-1", "MIXED^ANNA", "ARCACC1", "20260105");
        TestStudies.Study second = TestStudies.Study.of("ARC-2", "MIXED^BERT", "ARCACC2", "20260106");
        List<Path> files = new ArrayList<>(TestStudies.write(folder, first, 2, 3,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        files.addAll(TestStudies.write(folder, second, 1, 2, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        for (String name : List.of("CT_small.dcm", "MR_small_bigendian.dcm", "rtplan.dcm")) {
            Files.copy(PYDICOM.resolve(name), folder.resolve(name));
            files.add(folder.resolve(name));
        }

        Dcmtk.Run store = storescu("CT1", "-R", "+sd", folder.toString());

        assertThat(store.exitCode()).as(store.output()).isZero();
        for (Path file : files) {
            Attributes dataset = Part10.read(file).dataset();
            StoredInstance stored = index.instance(dataset.getString(Tags.SOPInstanceUID)).orElseThrow();
            assertThat(stored.filePath()).isEqualTo(StoreLayout.relativePath(dataset.getString(Tags.SOPInstanceUID)));
            Path copy = data.store().resolve(stored.filePath());
            assertThat(Dcmtk.dumpDataset(copy)).as(file.toString()).isEqualTo(Dcmtk.dumpDataset(file));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM archive_series s JOIN archive_study st ON st.id = s.study_id"
                + " WHERE st.study_instance_uid = ?").param(first.studyUid()).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT patient_name || '|' || patient_id || '|' || accession_number || '|' || study_date"
                + " FROM archive_study WHERE study_instance_uid = ?").param(second.studyUid()).query(String.class)
                .single()).isEqualTo("MIXED^BERT|ARC-2|ARCACC2|2026-01-06");
        assertThat(incomingFiles()).isEmpty();
    }

    @Test
    void compressedImagesAreKeptInTheirTransferSyntax() throws Exception {
        // not MR_small_RLE.dcm: it shares its SOP Instance UID with MR_small_bigendian.dcm, stored in another test
        for (String name : List.of("JPEG2000.dcm", "SC_rgb_rle.dcm", "JPEG-lossy.dcm")) {
            DicomInstance instance = DicomInstance.ofFile(PYDICOM.resolve(name));
            int status;
            PresentationContexts contexts = new PresentationContexts()
                    .addStorage(instance.sopClassUid(), instance.transferSyntaxUid());
            try (Association association = new DicomClient(ApplicationEntity.of("CT1", new ServiceRegistry()))
                    .connect("127.0.0.1", listener.port(), "HOUNSFIELD", contexts)) {
                status = new Scu(association).store(instance);
                association.release();
            }

            assertThat(status).as(name).isZero();
            StoredInstance stored = index.instance(instance.sopInstanceUid()).orElseThrow();
            assertThat(stored.transferSyntaxUid()).isEqualTo(instance.transferSyntaxUid());
            assertThat(TestStudies.datasetBytes(data.store().resolve(stored.filePath())))
                    .isEqualTo(TestStudies.datasetBytes(PYDICOM.resolve(name)));
        }
    }

    @Test
    void aTruncatedDataSetFailsWithAnErrorStatusAndStoresNothing() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("ARC-3", "CUT^OFF", "ARCACC3", "20260107");
        Path file = TestStudies.write(work, study, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
        byte[] whole = TestStudies.datasetBytes(file);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 100);
        String sopInstanceUid = Part10.read(file).dataset().getString(Tags.SOPInstanceUID);

        int status;
        try (Association association = connect("CT1")) {
            status = new Scu(association).store(new DicomInstance(Uids.CTImageStorage, sopInstanceUid,
                    Uids.ExplicitVRLittleEndian, () -> new ByteArrayInputStream(truncated)));
            association.release();
        }

        assertThat(status).isEqualTo(0xC000);
        assertThat(index.instance(sopInstanceUid)).isEmpty();
        assertThat(data.store().resolve(StoreLayout.relativePath(sopInstanceUid))).doesNotExist();
        assertThat(incomingFiles()).isEmpty();
    }

    @Test
    void aResentInstanceKeepsTheStoredCopy() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("ARC-4", "TWICE^SENT", "ARCACC4", "20260108");
        Path file = TestStudies.write(work.resolve("first"), study, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .get(0);
        Attributes changed = Part10.read(file).dataset();
        changed.setString(Tags.StudyDescription, io.hounsfield.dicom.data.VR.LO, "CHANGED");
        Path resent = work.resolve("resent.dcm");
        Part10.write(resent, changed, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        assertThat(storescu("CT1", file.toString()).exitCode()).isZero();
        StoredInstance stored = index.instance(changed.getString(Tags.SOPInstanceUID)).orElseThrow();
        Dcmtk.Run again = storescu("CT1", resent.toString());

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(index.instance(changed.getString(Tags.SOPInstanceUID))).contains(stored);
        assertThat(TestStudies.datasetBytes(data.store().resolve(stored.filePath())))
                .isEqualTo(TestStudies.datasetBytes(file));
    }

    @Test
    void concurrentStoresOfOneInstanceFileAndIndexItOnce() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("ARC-5", "SAME^TIME", "ARCACC5", "20260109");
        Path file = TestStudies.write(work, study, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
        DicomInstance instance = DicomInstance.ofFile(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> store = () -> {
                try (Association association = connect("CT1")) {
                    int status = new Scu(association).store(instance);
                    association.release();
                    return status;
                }
            };
            List<Future<Integer>> results = pool.invokeAll(List.of(store, store, store, store));
            for (Future<Integer> result : results) {
                assertThat(result.get()).isZero();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(index.instancesOfStudy(study.studyUid())).hasSize(1);
        String uid = Part10.read(file).dataset().getString(Tags.SOPInstanceUID);
        Path bucket = data.store().resolve(StoreLayout.relativePath(uid)).getParent();
        try (Stream<Path> stored = Files.list(bucket)) {
            assertThat(stored.filter(each -> each.getFileName().toString().startsWith(uid))).hasSize(1);
        }
        assertThat(incomingFiles()).isEmpty();
    }

    @Test
    void aPeerWithoutStoragePermissionIsRefused() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("ARC-6", "NOT^ALLOWED", "ARCACC6", "20260110");
        Path file = TestStudies.write(work, study, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);

        int status;
        try (Association association = connect("VIEWER")) {
            status = new Scu(association).store(DicomInstance.ofFile(file));
            association.release();
        }

        assertThat(status).isEqualTo(0x0124);
        assertThat(index.instancesOfStudy(study.studyUid())).isEmpty();
    }

    private Dcmtk.Run storescu(String callingAeTitle, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", callingAeTitle, "-aec", "HOUNSFIELD"));
        List<String> files = new ArrayList<>(List.of(arguments));
        while (files.get(0).startsWith("+") || files.get(0).startsWith("-")) {
            command.add(files.remove(0));
        }
        command.addAll(List.of("127.0.0.1", String.valueOf(listener.port())));
        command.addAll(files);
        return Dcmtk.run(work, command.toArray(String[]::new));
    }

    private Association connect(String callingAeTitle) throws Exception {
        PresentationContexts contexts = new PresentationContexts()
                .addStorage(Uids.CTImageStorage, Uids.ExplicitVRLittleEndian);
        return new DicomClient(ApplicationEntity.of(callingAeTitle, new ServiceRegistry()))
                .connect("127.0.0.1", listener.port(), "HOUNSFIELD", contexts);
    }

    private List<Path> incomingFiles() throws Exception {
        try (Stream<Path> files = Files.list(data.store().resolve("incoming"))) {
            return files.toList();
        }
    }
}
