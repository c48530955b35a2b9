package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.DemoDayExams;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.exam.ExamService;
import io.hounsfield.scp.DicomListener;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * QIDO-RS and WADO-RS over real HTTP against studies stored with dcmtk's storescu, one of them quarantined; the
 * JSON checked by us and by pydicom.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DicomWebIT {
    static final String DICOM = "multipart/related; type=\"application/dicom\"";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DicomListener listener;

    @Autowired
    Clock clock;

    @Autowired
    ExamService exams;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path work;

    private final String patientId = "DW-" + System.nanoTime();
    private final String family = "W" + new Random().ints(6, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private TestStudies.Study january;
    private TestStudies.Study february;
    private TestStudies.Study quarantined;
    private final Map<String, Path> sent = new HashMap<>();
    private DicomWebClient client;

    @BeforeAll
    void storeStudies() throws Exception {
        client = new DicomWebClient(port);
        january = TestStudies.Study.of(patientId, family + "^ANNA", "DWACC1", "20250115");
        february = new TestStudies.Study(TestStudies.newUid(), patientId, family + "^ANNA", "DWACC2", "20250210",
                "MR");
        String accession = DemoDayExams.withAccession(exams, clock).get(0).accessionNumber();
        quarantined = TestStudies.Study.of(patientId, family + "^ANNA", accession, "20250120");
        Path folder = work.resolve("studies");
        List<Path> files = new ArrayList<>();
        files.addAll(TestStudies.write(folder, january, 2, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        files.addAll(TestStudies.write(folder, february, 1, 1, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        files.addAll(TestStudies.write(folder, quarantined, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        for (Path file : files) {
            sent.put(Part10.read(file).dataset().getString(Tags.SOPInstanceUID), file);
        }
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
    }

    private JsonNode search(String path) throws Exception {
        HttpResponse<byte[]> response = client.get(path, "tech", "application/dicom+json");
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/dicom+json");
        return JSON.readTree(response.body());
    }

    private static List<String> values(JsonNode matches, String tag) {
        List<String> values = new ArrayList<>();
        matches.forEach(match -> values.add(match.path(tag).path("Value").path(0).asString()));
        return values;
    }

    /** Issue 16: without hounsfield.dicomweb.cors-origins no page of another origin may read DICOMweb. */
    @Test
    void corsIsOffUnlessConfigured() throws Exception {
        HttpResponse<byte[]> response = client.get("/studies?limit=1", "tech", "application/dicom+json",
                "https://viewer.example.org");
        assertThat(response.statusCode()).isIn(200, 204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    /** Issue 13.8: a search by name left its audit row without the patient it showed. */
    @Test
    void theAuditRowOfASearchByNameNamesThePatientItReturned() throws Exception {
        assertThat(values(search("/studies?PatientName=" + family + "*&includefield=00100020"), "00100020"))
                .contains(patientId);

        long event = jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'ARCHIVE_QUERIED' AND actor = 'tech'")
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT patient_id FROM audit_patient_seen WHERE event_id = ?").param(event)
                .query(String.class).list()).containsExactly(patientId);
        assertThat(jdbc.sql("SELECT patient_id FROM audit_event WHERE id = ?").param(event).query(String.class)
                .single()).isEqualTo(patientId);
    }

    @Test
    void studiesAreFoundByPatientIdDateRangeWildcardNameModalityAndUidList() throws Exception {
        assertThat(values(search("/studies?PatientID=" + patientId), "0020000D"))
                .containsExactlyInAnyOrder(january.studyUid(), february.studyUid());
        assertThat(values(search("/studies?00100020=" + patientId + "&StudyDate=20250101-20250131"), "0020000D"))
                .containsExactly(january.studyUid());
        assertThat(values(search("/studies?PatientName=" + family.toLowerCase() + "%5Ean*"), "0020000D"))
                .containsExactlyInAnyOrder(january.studyUid(), february.studyUid());
        assertThat(values(search("/studies?ModalitiesInStudy=MR&PatientID=" + patientId), "0020000D"))
                .containsExactly(february.studyUid());
        assertThat(values(search("/studies?StudyInstanceUID=" + january.studyUid() + "," + quarantined.studyUid()),
                "0020000D")).containsExactly(january.studyUid());
    }

    /** Issue 16: time ranges were matched as text, so no range ever matched. */
    @Test
    void timeRangesMatchWithOpenEndsAndReducedPrecision() throws Exception {
        String studies = "/studies?PatientID=" + patientId + "&StudyTime=";
        assertThat(values(search(studies + "100000-103000"), "0020000D"))
                .containsExactlyInAnyOrder(january.studyUid(), february.studyUid());
        assertThat(values(search(studies + "1015-"), "0020000D")).hasSize(2);
        assertThat(values(search(studies + "-10"), "0020000D")).hasSize(2);
        assertThat(values(search(studies + "10:15:00-10:15:00.000001"), "0020000D")).hasSize(2);
        assertThat(client.get(studies + "090000-100000", "tech", null).statusCode()).isEqualTo(204);
        assertThat(client.get(studies + "-101459.99", "tech", null).statusCode()).isEqualTo(204);
        assertThat(client.get(studies + "1016-", "tech", null).statusCode()).isEqualTo(204);
        assertThat(client.get(studies + "25-x", "tech", null).statusCode()).isEqualTo(400);
        assertThat(values(search("/series?PatientID=" + patientId + "&SeriesTime=1017-1017&SeriesDate=20250210"),
                "0020000E")).hasSize(1);
    }

    /** Issue 16: OHIF needs an image's size and frames, and a series' date, from QIDO-RS. */
    @Test
    void instancesCarryTheirSizeAndFramesAndSeriesTheirDate() throws Exception {
        JsonNode instances = search("/studies/" + january.studyUid() + "/instances");
        assertThat(instances).hasSize(4).allSatisfy(instance -> {
            assertThat(instance.path("00280010").path("Value").path(0).intValue()).isEqualTo(16);
            assertThat(instance.path("00280011").path("Value").path(0).intValue()).isEqualTo(16);
            assertThat(instance.path("00280100").path("Value").path(0).intValue()).isEqualTo(16);
            assertThat(instance.path("00280008").path("vr").asString()).isEqualTo("IS");
            assertThat(instance.path("00280008").has("Value")).isFalse();
        });
        JsonNode series = search("/studies/" + january.studyUid() + "/series").get(0);
        assertThat(series.path("00080021").path("Value").path(0).asString()).isEqualTo("20250115");
        assertThat(series.path("00080031").path("Value").path(0).asString()).isEqualTo("101700");
    }

    @Test
    void aStudyCarriesTheRequiredAttributesAndIncludeFields() throws Exception {
        JsonNode study = search("/studies?StudyInstanceUID=" + january.studyUid()).get(0);
        assertThat(study.path("00100010").path("Value").path(0).path("Alphabetic").asString())
                .isEqualTo(family + "^ANNA");
        assertThat(study.path("00201208").path("Value").path(0).isNumber()).isTrue();
        assertThat(study.path("00201208").path("Value").path(0).intValue()).isEqualTo(4);
        assertThat(study.path("00081190").path("Value").path(0).asString())
                .isEqualTo("http://127.0.0.1:" + port + "/dicom-web/studies/" + january.studyUid());
        assertThat(study.path("00080056").path("Value").path(0).asString()).isEqualTo("ONLINE");
        assertThat(study.has("00081030")).isFalse();

        JsonNode included = search("/studies?StudyInstanceUID=" + january.studyUid()
                + "&includefield=StudyDescription,00100030").get(0);
        assertThat(included.path("00081030").path("Value").path(0).asString()).isEqualTo("CT HEAD");
        assertThat(included.path("00100030").path("Value").path(0).asString()).isEqualTo("19700101");
        JsonNode all = search("/studies?StudyInstanceUID=" + january.studyUid() + "&includefield=all").get(0);
        assertThat(all.has("00081030")).isTrue();
    }

    @Test
    void seriesAndInstancesArePagedWithLimitAndOffset() throws Exception {
        HttpResponse<byte[]> first = client.get("/series?PatientID=" + patientId + "&limit=2", "tech", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Warning")).hasValueSatisfying(
                warning -> assertThat(warning).startsWith("299 ").contains(QidoSearch.MORE_RESULTS));
        List<String> series = new ArrayList<>(values(JSON.readTree(first.body()), "0020000E"));
        HttpResponse<byte[]> rest = client.get("/series?PatientID=" + patientId + "&limit=2&offset=2", "tech", null);
        assertThat(rest.headers().firstValue("Warning")).isEmpty();
        series.addAll(values(JSON.readTree(rest.body()), "0020000E"));
        assertThat(series).hasSize(3).doesNotHaveDuplicates();
        assertThat(client.get("/series?PatientID=" + patientId + "&offset=3", "tech", null).statusCode())
                .isEqualTo(204);

        assertThat(search("/studies/" + january.studyUid() + "/series")).hasSize(2);
        assertThat(values(search("/instances?PatientID=" + patientId), "00080018"))
                .hasSize(5).doesNotContainAnyElementsOf(List.of(quarantinedInstance()));
        String seriesUid = values(search("/studies/" + january.studyUid() + "/series?SeriesNumber=2"), "0020000E")
                .get(0);
        JsonNode instances = search("/studies/" + january.studyUid() + "/series/" + seriesUid + "/instances");
        assertThat(instances).hasSize(2);
        assertThat(instances.get(0).path("00081190").path("Value").path(0).asString())
                .endsWith("/series/" + seriesUid + "/instances/" + instances.get(0).path("00080018")
                        .path("Value").path(0).asString());
        assertThat(client.get("/studies/" + quarantined.studyUid() + "/instances", "tech", null).statusCode())
                .isEqualTo(204);
    }

    private String quarantinedInstance() {
        return sent.entrySet().stream().filter(entry -> readStudy(entry.getValue()).equals(quarantined.studyUid()))
                .findFirst().orElseThrow().getKey();
    }

    @Test
    void badParametersAre400AndFuzzyMatchingIsAWarning() throws Exception {
        for (String query : List.of("StudyDate=2025x", "limit=-1", "offset=x", "NoSuchKeyword=1",
                "fuzzymatching=maybe", "includefield=Nonsense", "PatientID=a&PatientID=b")) {
            HttpResponse<byte[]> response = client.get("/studies?" + query, "tech", null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(new String(response.body())).as(query).contains("\"detail\"");
        }
        HttpResponse<byte[]> fuzzy = client.get("/studies?fuzzymatching=true&PatientID=" + patientId, "tech", null);
        assertThat(fuzzy.statusCode()).isEqualTo(200);
        assertThat(fuzzy.headers().allValues("Warning")).anySatisfy(
                warning -> assertThat(warning).contains(QidoSearch.NO_FUZZY_MATCHING));
        assertThat(client.get("/studies", "tech", "application/dicom+xml").statusCode()).isEqualTo(406);
    }

    @Test
    void wadoReturnsTheFilesAsSentAndTheirMetadata() throws Exception {
        HttpResponse<byte[]> study = client.get("/studies/" + january.studyUid(), "tech", DICOM);
        assertThat(study.statusCode()).isEqualTo(200);
        assertThat(study.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/related; type=\"application/dicom\"; boundary=");
        List<byte[]> parts = DicomWebClient.parts(study);
        assertThat(parts).hasSize(4);
        for (byte[] part : parts) {
            Path received = Files.write(work.resolve("received.dcm"), part);
            String sopInstanceUid = Part10.read(received).dataset().getString(Tags.SOPInstanceUID);
            assertThat(TestStudies.datasetBytes(received)).as(sopInstanceUid)
                    .isEqualTo(TestStudies.datasetBytes(sent.get(sopInstanceUid)));
        }
        String seriesUid = Part10.read(sent.values().stream().filter(file -> readStudy(file)
                .equals(january.studyUid())).findFirst().orElseThrow()).dataset().getString(Tags.SeriesInstanceUID);
        assertThat(DicomWebClient.parts(client.get("/studies/" + january.studyUid() + "/series/" + seriesUid,
                "tech", null))).hasSize(2);
        assertThat(client.get("/studies/" + quarantined.studyUid(), "tech", DICOM).statusCode()).isEqualTo(404);
        assertThat(client.get("/studies/1.2.3.4", "tech", DICOM).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> metadata = client.get("/studies/" + january.studyUid() + "/metadata", "tech", null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode instances = JSON.readTree(metadata.body());
        assertThat(instances).hasSize(4).allSatisfy(instance -> {
            assertThat(instance.path("7FE00010").path("BulkDataURI").asString()).contains("/bulkdata/7FE00010");
            assertThat(instance.path("00280010").path("Value").path(0).intValue()).isEqualTo(16);
        });
    }

    /** Issue 16: an asked transfer syntax was ignored and the stored one sent instead. */
    @Test
    void anAskedTransferSyntaxIsMetOrRefused() throws Exception {
        String study = "/studies/" + january.studyUid();
        assertThat(client.get(study, "tech", "multipart/related; type=application/dicom; transfer-syntax=*")
                .statusCode()).isEqualTo(200);
        assertThat(client.get(study, "tech", DICOM + "; transfer-syntax=1.2.840.10008.1.2.1").statusCode())
                .isEqualTo(200);
        HttpResponse<byte[]> refused = client.get(study, "tech", DICOM + "; transfer-syntax=1.2.840.10008.1.2");
        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("1.2.840.10008.1.2.1");
        // The title was the catalogue's enum name (NOT_ACCEPTABLE); RFC 9457 §3.1.3 wants words for people.
        assertThat(JSON.readTree(refused.body()).path("title").asString()).isEqualTo("Cannot answer in the form asked");
        assertThat(client.get(study, "tech", DICOM + "; transfer-syntax=1.2.840.10008.1.2, " + DICOM + ";q=0.5")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void wadoUriSendsTheStoredFileAndExplainsWhatItCannotSend() throws Exception {
        String sopInstanceUid = sent.keySet().stream().filter(uid -> readStudy(sent.get(uid))
                .equals(february.studyUid())).findFirst().orElseThrow();
        Path file = sent.get(sopInstanceUid);
        String seriesUid = Part10.read(file).dataset().getString(Tags.SeriesInstanceUID);
        String query = "/wado?requestType=WADO&studyUID=" + february.studyUid() + "&seriesUID=" + seriesUid
                + "&objectUID=" + sopInstanceUid;
        HttpResponse<byte[]> dicom = client.get(query + "&contentType=application%2Fdicom", "radiologist", null);
        assertThat(dicom.statusCode()).isEqualTo(200);
        assertThat(dicom.headers().firstValue("Content-Type")).hasValue("application/dicom");
        Path received = Files.write(work.resolve("wado-uri.dcm"), dicom.body());
        assertThat(Part10.read(received).dataset().getString(Tags.SOPInstanceUID)).isEqualTo(sopInstanceUid);
        HttpResponse<byte[]> rs = client.get("/studies/" + february.studyUid() + "/series/" + seriesUid
                + "/instances/" + sopInstanceUid, "tech", DICOM);
        assertThat(dicom.body()).isEqualTo(DicomWebClient.parts(rs).get(0));
        String stored = Part10.read(received).transferSyntax().uid();
        String other = stored.equals("1.2.840.10008.1.2") ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2";
        assertThat(client.get(query + "&contentType=application%2Fdicom&transferSyntax=" + stored, "tech",
                null).statusCode()).isEqualTo(200);
        assertWadoProblem(client.get(query + "&contentType=application%2Fdicom&transferSyntax=" + other,
                "tech", null), 406, "not converted");
        assertWadoProblem(client.get(query + "&contentType=image%2Fgif", "tech", null), 406, "image/gif");
        assertWadoProblem(client.get(query.replace("requestType=WADO", "requestType=X"), "tech", null), 400,
                "requestType");
        assertWadoProblem(client.get(query.replaceAll("&objectUID=.*", ""), "tech", null), 400, "objectUID");
        assertWadoProblem(client.get(query.replaceAll("objectUID=.*", "objectUID=1.2.3"), "tech", null), 404,
                "no instance 1.2.3");
        assertThat(client.get(query, null, null).statusCode()).isEqualTo(401);
        assertThat(client.get(query, "student", null).statusCode()).isEqualTo(403);
        long audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE 'WADO-URI%' AND object_id = ?")
                .param(february.studyUid()).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(2);
    }

    private static void assertWadoProblem(HttpResponse<byte[]> response, int status, String reason)
            throws Exception {
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(reason);
        assertThat(JSON.readTree(response.body()).path("title").asString()).isNotBlank().doesNotContain("_");
    }

    private static String readStudy(Path file) {
        try {
            return Part10.read(file).dataset().getString(Tags.StudyInstanceUID);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pydicomReadsOurJson() throws Exception {
        Path studies = Files.write(work.resolve("studies.json"),
                client.get("/studies?PatientID=" + patientId + "&includefield=all", "tech", null).body());
        Path metadata = Files.write(work.resolve("metadata.json"),
                client.get("/studies/" + february.studyUid() + "/metadata", "tech", null).body());
        String script = """
                import json, sys
                from pydicom.dataset import Dataset
                for name in sys.argv[1:]:
                    for item in json.load(open(name)):
                        ds = Dataset.from_json(item, lambda tag, vr, uri: b'')
                        print(ds.PatientName, ds.StudyDate, ds.get('NumberOfStudyRelatedInstances'), ds.Modality
                              if 'Modality' in ds else ds.ModalitiesInStudy, ds.get('Rows'))
                """;
        Dcmtk.Run run = Dcmtk.run(work, "/usr/bin/python3", "-c", script, studies.toString(), metadata.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().toList()).containsExactlyInAnyOrder(
                family + "^ANNA 20250210 1 MR None", family + "^ANNA 20250115 4 CT None",
                family + "^ANNA 20250210 None MR 16");
    }

    @Test
    void aLoginAndAClinicalRoleAreNeeded() throws Exception {
        assertThat(client.get("/studies", null, null).statusCode()).isEqualTo(401);
        assertThat(client.get("/studies/" + january.studyUid(), null, DICOM).statusCode()).isEqualTo(401);
        assertThat(client.get("/studies?PatientID=x", "nobody", null).statusCode()).isEqualTo(401);
        assertThat(client.get("/studies?PatientID=" + patientId, "student", null).statusCode()).isEqualTo(403);
        assertThat(client.get("/studies?PatientID=" + patientId, "admin", null).statusCode()).isEqualTo(403);
        assertThat(client.get("/studies?PatientID=" + patientId, "radiologist", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/studies?PatientID=" + patientId, "lead", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/studies/" + january.studyUid(), "physicist", DICOM).statusCode()).isEqualTo(200);
    }
}
