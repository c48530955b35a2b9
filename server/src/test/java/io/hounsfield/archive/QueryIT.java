package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Patient Root and Study Root C-FIND with dcmtk's findscu against studies stored with storescu. */
@HounsfieldIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryIT {
    @Autowired
    DicomListener listener;

    @Autowired
    DicomPeerRegistry peers;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path work;

    private final String patientId = "QRY-" + System.nanoTime();
    private TestStudies.Study january;
    private TestStudies.Study february;
    private TestStudies.Study other;

    @BeforeAll
    void storeStudies() throws Exception {
        january = TestStudies.Study.of(patientId, "QUERY^ANNA", "QACC1", "20250115");
        february = TestStudies.Study.of(patientId, "QUERY^ANNA", "QACC2", "20250210");
        other = TestStudies.Study.of(patientId + "X", "QUIRKY^OTTO", "QACC3", "20250120");
        Path folder = work.resolve("studies");
        TestStudies.write(folder, january, 2, 3, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        TestStudies.write(folder, february, 1, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        TestStudies.write(folder, other, 1, 1, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
    }

    @Test
    void findscuFindsEachStudyByPatientNameWildcardCaseInsensitively() throws Exception {
        List<Attributes> matches = find("CT1", "-S", "QueryRetrieveLevel=STUDY", "PatientName=query^an*",
                "StudyInstanceUID", "StudyDate", "NumberOfStudyRelatedInstances", "ModalitiesInStudy",
                "AccessionNumber");

        assertThat(matches).extracting(match -> match.getString(Tags.StudyInstanceUID))
                .containsExactlyInAnyOrder(january.studyUid(), february.studyUid());
        Attributes first = matches.stream().filter(m -> m.getString(Tags.AccessionNumber).equals("QACC1"))
                .findFirst().orElseThrow();
        assertThat(first.getString(Tags.NumberOfStudyRelatedInstances)).isEqualTo("6");
        assertThat(first.getString(Tags.StudyDate)).isEqualTo("20250115");
        assertThat(first.getString(Tags.ModalitiesInStudy)).isEqualTo("CT");
    }

    /** Issue 13.8: a wildcard query's audit row named no patient, though it showed two. */
    @Test
    void theAuditRowOfAQueryNamesEveryPatientItReturned() throws Exception {
        assertThat(find("CT1", "-S", "QueryRetrieveLevel=STUDY", "PatientID=" + patientId + "*", "StudyInstanceUID"))
                .hasSize(3);

        long event = jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'ARCHIVE_QUERIED' AND actor = 'CT1'")
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT patient_id FROM audit_patient_seen WHERE event_id = ?").param(event)
                .query(String.class).list()).containsExactlyInAnyOrder(patientId, patientId + "X");
    }

    @Test
    void aNameWithoutWildcardMatchesTheFamilyName() throws Exception {
        assertThat(find("CT1", "-S", "QueryRetrieveLevel=STUDY", "PatientName=Quirky", "StudyInstanceUID"))
                .extracting(match -> match.getString(Tags.StudyInstanceUID)).containsExactly(other.studyUid());
    }

    @Test
    void dateRangesAndUidListsMatch() throws Exception {
        assertThat(find("CT1", "-S", "QueryRetrieveLevel=STUDY", "PatientID=" + patientId + "*",
                "StudyDate=20250101-20250131", "StudyInstanceUID"))
                .extracting(match -> match.getString(Tags.StudyInstanceUID))
                .containsExactlyInAnyOrder(january.studyUid(), other.studyUid());
        assertThat(find("CT1", "-S", "QueryRetrieveLevel=STUDY", "PatientID=" + patientId + "*",
                "StudyDate=20250201-", "StudyInstanceUID"))
                .extracting(match -> match.getString(Tags.StudyInstanceUID)).containsExactly(february.studyUid());
        assertThat(find("CT1", "-S", "QueryRetrieveLevel=STUDY",
                "StudyInstanceUID=" + january.studyUid() + "\\" + other.studyUid(), "PatientID=QRY-?*"))
                .extracting(match -> match.getString(Tags.PatientID))
                .containsExactlyInAnyOrder(patientId, patientId + "X");
    }

    /** Issue 16: C-FIND matched a time range as text, so it never matched. */
    @Test
    void timeRangesMatchAndImagesCarryTheirSize() throws Exception {
        assertThat(find("CT1", "-S", "QueryRetrieveLevel=STUDY", "PatientID=" + patientId,
                "StudyTime=100000-103000", "StudyInstanceUID"))
                .extracting(match -> match.getString(Tags.StudyInstanceUID))
                .containsExactlyInAnyOrder(january.studyUid(), february.studyUid());
        assertThat(find("CT1", "-S", "QueryRetrieveLevel=STUDY", "PatientID=" + patientId,
                "StudyTime=090000-100000", "StudyInstanceUID")).isEmpty();
        String seriesUid = find("CT1", "-S", "QueryRetrieveLevel=SERIES", "StudyInstanceUID=" + february.studyUid(),
                "SeriesInstanceUID").get(0).getString(Tags.SeriesInstanceUID);
        assertThat(find("CT1", "-S", "QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + february.studyUid(),
                "SeriesInstanceUID=" + seriesUid, "SOPInstanceUID", "Rows", "Columns", "BitsAllocated"))
                .hasSize(2).allSatisfy(image -> {
                    assertThat(image.getInt(Tags.Rows, 0)).isEqualTo(16);
                    assertThat(image.getInt(Tags.BitsAllocated, 0)).isEqualTo(16);
                });
    }

    @Test
    void seriesAndImageLevelsBelowAStudy() throws Exception {
        List<Attributes> series = find("CT1", "-S", "QueryRetrieveLevel=SERIES",
                "StudyInstanceUID=" + january.studyUid(), "SeriesInstanceUID", "SeriesNumber",
                "NumberOfSeriesRelatedInstances", "Modality");
        assertThat(series).hasSize(2).allSatisfy(match -> {
            assertThat(match.getString(Tags.NumberOfSeriesRelatedInstances)).isEqualTo("3");
            assertThat(match.getString(Tags.Modality)).isEqualTo("CT");
        });
        String seriesUid = series.get(0).getString(Tags.SeriesInstanceUID);
        List<Attributes> images = find("CT1", "-S", "QueryRetrieveLevel=IMAGE",
                "StudyInstanceUID=" + january.studyUid(), "SeriesInstanceUID=" + seriesUid, "SOPInstanceUID",
                "InstanceNumber=2");
        assertThat(images).singleElement()
                .satisfies(image -> assertThat(image.getString(Tags.InstanceNumber)).isEqualTo("2"));
    }

    @Test
    void patientRootFromPatientToStudy() throws Exception {
        assertThat(find("CT1", "-P", "QueryRetrieveLevel=PATIENT", "PatientID=" + patientId, "PatientName",
                "NumberOfPatientRelatedStudies", "NumberOfPatientRelatedInstances")).singleElement()
                .satisfies(patient -> {
                    assertThat(patient.getString(Tags.PatientName)).isEqualTo("QUERY^ANNA");
                    assertThat(patient.getString(Tags.NumberOfPatientRelatedStudies)).isEqualTo("2");
                    assertThat(patient.getString(Tags.NumberOfPatientRelatedInstances)).isEqualTo("8");
                });
        assertThat(find("CT1", "-P", "QueryRetrieveLevel=STUDY", "PatientID=" + patientId, "StudyInstanceUID"))
                .hasSize(2);
    }

    @Test
    void aRelationalQueryIsRefused() throws Exception {
        Dcmtk.Run relational = findscu("CT1", "-P", "QueryRetrieveLevel=STUDY", "StudyInstanceUID");
        assertThat(relational.output()).contains("Received Final Find Response (Error: DataSetDoesNotMatchSOPClass)");
    }

    @Test
    void aPeerWithoutQueryPermissionIsRefused() throws Exception {
        peers.save(new DicomPeer("NOQUERY", "stores only", null, null, "CT", null, Set.of(PeerPermission.STORE),
                true));
        Dcmtk.Run refused = findscu("NOQUERY", "-S", "QueryRetrieveLevel=STUDY", "StudyInstanceUID");
        assertThat(refused.output()).contains("Received Final Find Response (Unknown Status: 0x124)");
        assertThat(refused.output()).doesNotContain(january.studyUid());
    }

    private List<Attributes> find(String callingAeTitle, String... arguments) throws Exception {
        Dcmtk.Run run = findscu(callingAeTitle, arguments);
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Attributes> matches = new ArrayList<>();
        try (Stream<Path> files = Files.list(work.resolve("responses"))) {
            for (Path file : files.sorted().toList()) {
                matches.add(Part10.read(file).dataset());
            }
        }
        return matches;
    }

    private Dcmtk.Run findscu(String callingAeTitle, String... arguments) throws Exception {
        Path responses = work.resolve("responses");
        if (Files.exists(responses)) {
            try (Stream<Path> files = Files.list(responses)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(responses);
        List<String> command = new ArrayList<>(List.of("findscu", "-aet", callingAeTitle, "-aec", "HOUNSFIELD",
                "-v", arguments[0], "-X", "-od", responses.toString()));
        for (int i = 1; i < arguments.length; i++) {
            command.addAll(List.of("-k", arguments[i]));
        }
        command.addAll(List.of("127.0.0.1", String.valueOf(listener.port())));
        return Dcmtk.run(work, command.toArray(String[]::new));
    }
}
