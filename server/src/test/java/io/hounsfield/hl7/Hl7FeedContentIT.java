package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.Laterality;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.scp.DicomListener;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14 points 3, 4 and 5: what real feeds put where. Raw MLLP bytes as a sending system writes them (no HAPI on
 * the sending side), and dcmtk's findscu -W as the modality that must find the order. The test configuration maps
 * LEGACYRIS to authority HOSP, OLDADT at facility NORTH to NORTHHOSP, and procedure RFHSG to station RF9.
 */
@HounsfieldIntegrationTest
class Hl7FeedContentIT {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    MllpListener mllp;

    @Autowired
    DicomListener dicom;

    @Autowired
    PatientService patients;

    @Autowired
    OrderService orders;

    @Autowired
    ExamService exams;

    @TempDir
    Path responses;

    private final String today;

    Hl7FeedContentIT(@Autowired Clock clock) {
        today = LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    // Point 3: patient identifiers without an assigning authority

    @Test
    void anAdmissionWithoutAuthorityTakesTheSendersDefaultAuthority() throws Exception {
        String mrn = number("MRN");

        String ack = send(msh("LEGACYRIS", "HOSP", "ADT^A04", "2.3") + "EVN|A04|" + today + "0700\r"
                + "PID|1||" + mrn + "||Nakamura^Hiro||19700101|M\r");

        assertThat(ack).contains("MSA|AA|");
        assertThat(patients.find(new PatientIdentifier("HOSP", mrn))).hasValueSatisfying(
                patient -> assertThat(patient.demographics().familyName()).isEqualTo("Nakamura"));
    }

    @Test
    void aFacilityOfASenderHasItsOwnDefaultAuthority() throws Exception {
        String mrn = number("MRN");

        assertThat(send(msh("OLDADT", "NORTH", "ADT^A08", "2.3") + "EVN|A08|" + today + "0700\r"
                + "PID|1||" + mrn + "^^^^MR||Berg^Lena||19650202|F\r")).contains("MSA|AA|");

        assertThat(patients.find(new PatientIdentifier("NORTHHOSP", mrn))).isPresent();
    }

    @Test
    void anOrderAndAMergeWithoutAuthorityAreApplied() throws Exception {
        String survivor = number("MRN");
        String prior = number("MRN");
        String placer = number("ORD");
        assertThat(send(orm("LEGACYRIS", "NW", survivor, placer, "CTHEAD^CT head", ""))).contains("MSA|AA|");
        assertThat(send(msh("LEGACYRIS", "HOSP", "ADT^A04", "2.3") + "EVN|A04|" + today + "0700\r"
                + "PID|1||" + prior + "||Okafor^Chidi||19570612|M\r")).contains("MSA|AA|");

        String ack = send(msh("LEGACYRIS", "HOSP", "ADT^A40", "2.3") + "EVN|A40|" + today + "0900\r"
                + "PID|1||" + survivor + "||Okafor^Chidi||19570612|M\r"
                + "MRG|" + prior + "\r");

        assertThat(ack).contains("MSA|AA|");
        Patient merged = patients.find(new PatientIdentifier("HOSP", survivor)).orElseThrow();
        assertThat(orders.find("RIS", placer)).hasValueSatisfying(order -> assertThat(order.patientId())
                .isEqualTo(merged.id()));
        assertThat(patients.find(new PatientIdentifier("HOSP", prior))).hasValueSatisfying(
                found -> assertThat(found.id()).isEqualTo(merged.id()));
    }

    @Test
    void aSenderWithoutDefaultAuthorityIsRefusedWithTheFieldAndCode() throws Exception {
        String mrn = number("MRN");

        String ack = send(msh("CLINIC9", "EAST", "ADT^A04", "2.5") + "EVN|A04|" + today + "0700\r"
                + "PID|1||" + mrn + "||Nakamura^Hiro||19700101|M\r");

        assertThat(ack).contains("MSA|AE|");
        String err = segment(ack, "ERR");
        assertThat(err.split("\\|")[2]).as("ERR-2 error location").startsWith("PID^1^3");
        assertThat(err.split("\\|")[3]).as("ERR-3 error code").startsWith("101");
        assertThat(err).contains("assigning authority");
        assertThat(patients.find(new PatientIdentifier("HOSP", mrn))).isEmpty();
    }

    // Point 4: procedure code, side and the order filler's ids

    @Test
    void theLocalCodeSentAsTheAlternateIdentifierIsOrdered() throws Exception {
        String placer = number("ORD");

        String ack = send(orm("RIS", "NW", number("MRN"), placer, "73560^X-ray knee^C4^XRKNEE^XR knee^99LOCAL", "L"));

        assertThat(ack).contains("MSA|AA|");
        assertThat(exam(placer).procedureCode()).isEqualTo("XRKNEE");
        assertThat(exam(placer).laterality()).isEqualTo(Laterality.L);
    }

    @Test
    void aVersion23SenderGivesTheSideInTheSpecimenSourceOrAsACodeModifier() throws Exception {
        String siteModifier = number("ORD");
        String sourceName = number("ORD");
        String codeModifier = number("ORD");

        assertThat(send(orm23(siteModifier, "XRKNEE^XR knee", "^^^KNEE^R"))).contains("MSA|AA|");
        assertThat(send(orm23(sourceName, "XRWRIST^XR wrist", "LEFT"))).contains("MSA|AA|");
        assertThat(send(orm23(codeModifier, "73560-RT^XR knee^C4^XRKNEE-RT^XR knee right^99LOCAL", "")))
                .contains("MSA|AA|");

        assertThat(exam(siteModifier).laterality()).isEqualTo(Laterality.R);
        assertThat(exam(sourceName).laterality()).isEqualTo(Laterality.L);
        assertThat(exam(codeModifier).procedureCode()).isEqualTo("XRKNEE");
        assertThat(exam(codeModifier).laterality()).isEqualTo(Laterality.R);
    }

    @Test
    void aVersion23OrderChangeWithTheSideInTheSpecimenSourceIsApplied() throws Exception {
        String placer = number("ORD");
        assertThat(send(orm23(placer, "XRKNEE^XR knee", "^^^KNEE^L"))).contains("MSA|AA|");

        String ack = send(orm23(placer, "73560^X-ray knee^C4^XRKNEE^XR knee^99LOCAL", "^^^KNEE^R")
                .replace("ORC|NW|", "ORC|XO|"));

        assertThat(ack).contains("MSA|AA|");
        assertThat(exam(placer).laterality()).isEqualTo(Laterality.R);
        assertThat(orders.find("RIS", placer).orElseThrow().laterality()).isEqualTo(Laterality.R);
    }

    @Test
    void anOmiOrderChangeToTheAlternateCodeWithASideModifierIsApplied() throws Exception {
        String placer = number("ORD");
        assertThat(send(omi(placer, "XRKNEE^XR knee", "IPC|||||DX||DX ROOM 2|RADIOLOGY|DX1\r")
                .replace("^XR knee\r", "^XR knee" + "|".repeat(42) + "L\r"))).contains("MSA|AA|");
        assertThat(exam(placer).laterality()).isEqualTo(Laterality.L);

        String ack = send(omi(placer, "73564^X-ray knee^C4^XRKNEE-RT^XR knee right^99LOCAL", "")
                .replace("ORC|NW|", "ORC|XO|"));

        assertThat(ack).contains("MSA|AA|");
        assertThat(exam(placer).laterality()).isEqualTo(Laterality.R);
        assertThat(exam(placer).procedureCode()).isEqualTo("XRKNEE");
    }

    @Test
    void theStudyUidOfAZdsSegmentIsTheExamsStudyUid() throws Exception {
        String placer = number("ORD");
        String uid = "1.2.826.0.1.3680043.2.1125.7." + placer.substring(3);

        String ack = send(orm("RIS", "NW", number("MRN"), placer, "CTHEAD^CT head", "")
                + "ZDS|" + uid + "^RIS^Application^DICOM\r");

        assertThat(ack).contains("MSA|AA|");
        assertThat(exam(placer).studyInstanceUid()).isEqualTo(uid);
    }

    @Test
    void theOrderFillersRequestedProcedureAndStepIdsReachTheModality() throws Exception {
        String placer = number("ORD");
        String accession = number("A");
        assertThat(send(omi(placer, "CTHEAD^CT head", "IPC|" + accession + "|RP" + placer.substring(3, 9)
                + "|1.2.826.0.1.3680043.2.1125.8." + placer.substring(3) + "|SPS" + placer.substring(3, 9)
                + "|CT||CT ROOM 1|RADIOLOGY|CT1\r"))).contains("MSA|AA|");

        Attributes item = worklistItem("CT1", accession, "-k", "(0040,0100)[0].Modality=CT");

        assertThat(item.getString(Tags.RequestedProcedureID)).isEqualTo("RP" + placer.substring(3, 9));
        assertThat(item.getSequence(Tags.ScheduledProcedureStepSequence).get(0)
                .getString(Tags.ScheduledProcedureStepID)).isEqualTo("SPS" + placer.substring(3, 9));
    }

    // Point 5: orders without a room

    @Test
    void aVersion23OrderWithoutRoomIsOnTheWorklistOfTheFirstRoomOfItsModality() throws Exception {
        String placer = number("ORD");
        assertThat(send(orm("RIS", "NW", number("MRN"), placer, "CTHEAD^CT head", ""))).contains("MSA|AA|");

        Attributes item = worklistItem("CT1", exam(placer).accessionNumber(),
                "-k", "(0040,0100)[0].ScheduledStationAETitle=CT1");

        assertThat(item.getSequence(Tags.ScheduledProcedureStepSequence).get(0)
                .getString(Tags.ScheduledStationAETitle)).isEqualTo("CT1");
    }

    @Test
    void anOmiWithoutIpc9TakesTheConfiguredStationOfItsProcedure() throws Exception {
        String placer = number("ORD");

        assertThat(send(omi(placer, "RFHSG^Hysterosalpingogram", ""))).contains("MSA|AA|");

        assertThat(exam(placer).stationAeTitle()).isEqualTo("RF9");
    }

    @Test
    void anOrderForAModalityWithNoRoomHasAnEmptyStationNotTheTextNull() throws Exception {
        String placer = number("ORD");
        assertThat(send(orm("RIS", "NW", number("MRN"), placer, "RFUGI^Upper GI", ""))).contains("MSA|AA|");
        assertThat(exam(placer).stationAeTitle()).isNull();

        Attributes item = worklistItem("CT1", exam(placer).accessionNumber(), "-k", "(0040,0100)[0].Modality=RF");

        assertThat(item.getSequence(Tags.ScheduledProcedureStepSequence).get(0)
                .getString(Tags.ScheduledStationAETitle)).isNullOrEmpty();
    }

    private Exam exam(String placer) {
        return orders.exams(orders.find("RIS", placer).orElseThrow()).get(0);
    }

    /** The worklist item with {@code accession} that findscu -W, calling as {@code aeTitle}, is given. */
    private Attributes worklistItem(String aeTitle, String accession, String... keys) throws Exception {
        List<String> command = new ArrayList<>(List.of("findscu", "-W", "-X", "-od", responses.toString(),
                "-aet", aeTitle, "-aec", "HOUNSFIELD", "-k", "AccessionNumber=" + accession,
                "-k", "RequestedProcedureID", "-k", "StudyInstanceUID",
                "-k", "(0040,0100)[0].ScheduledStationAETitle", "-k", "(0040,0100)[0].Modality",
                "-k", "(0040,0100)[0].ScheduledProcedureStepID",
                "-k", "(0040,0100)[0].ScheduledProcedureStepStartDate=" + today));
        command.addAll(List.of(keys));
        command.addAll(List.of("127.0.0.1", String.valueOf(dicom.port())));
        Dcmtk.Run run = Dcmtk.run(responses, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Attributes> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(responses)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                found.add(Part10.read(file).dataset());
            }
        }
        assertThat(found).as(run.output()).hasSize(1);
        return found.get(0);
    }

    private String msh(String application, String facility, String type, String version) {
        return "MSH|^~\\&|" + application + "|" + facility + "|HOUNSFIELD|RAD|" + today + "0800||" + type + "|"
                + number("MSG") + "|P|" + version + "\r";
    }

    /** ORM^O01 v2.3 as a legacy placer sends it: no IPC, the side (if any) in OBR-46. */
    private String orm(String application, String control, String mrn, String placer, String service, String side) {
        String[] obr = new String[47];
        Arrays.fill(obr, "");
        obr[0] = "OBR";
        obr[1] = "1";
        obr[2] = placer + "^RIS";
        obr[4] = service;
        obr[46] = side;
        return msh(application, "HOSP", "ORM^O01", "2.3")
                + "PID|1||" + mrn + (application.equals("RIS") ? "^^^HOSP^MR" : "") + "||Okafor^Chidi||19570612|M\r"
                + "ORC|" + control + "|" + placer + "^RIS|||||^^^" + today + "1030^^R\r"
                + String.join("|", obr) + "\r";
    }

    /** ORM^O01 v2.3 with the side in OBR-15 (specimen source), where v2.3 senders put it; no OBR-46. */
    private String orm23(String placer, String service, String specimenSource) {
        String[] obr = new String[16];
        Arrays.fill(obr, "");
        obr[0] = "OBR";
        obr[1] = "1";
        obr[2] = placer + "^RIS";
        obr[4] = service;
        obr[15] = specimenSource;
        return msh("RIS", "HOSP", "ORM^O01", "2.3")
                + "PID|1||MRN" + placer.substring(3) + "^^^HOSP^MR||Okafor^Chidi||19570612|M\r"
                + "ORC|NW|" + placer + "^RIS|||||^^^" + today + "1030^^R\r"
                + String.join("|", obr) + "\r";
    }

    private String omi(String placer, String service, String ipc) {
        return msh("RIS", "HOSP", "OMI^O23^OMI_O23", "2.5.1")
                + "PID|1||MRN" + placer.substring(3) + "^^^HOSP^MR||Rivera^Ana||19840307|F\r"
                + "PV1|1|O\r"
                + "ORC|NW|" + placer + "^RIS|||SC\r"
                + "TQ1|1||||||" + today + "0930||R\r"
                + "OBR|1|" + placer + "^RIS||" + service + "\r"
                + ipc;
    }

    /** Sends the message in an MLLP frame over a plain socket and returns the framed answer. */
    private String send(String message) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", mllp.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(0x0b);
            out.write(message.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0x1c, 0x0d});
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != 0x1c; b = in.read()) {
                if (b != 0x0b) {
                    answer.write(b);
                }
            }
            return answer.toString(StandardCharsets.US_ASCII);
        }
    }

    private static String segment(String message, String name) {
        return Arrays.stream(message.split("\r")).filter(line -> line.startsWith(name + "|")).findFirst().orElse("");
    }

    private static String number(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + NUMBERS.incrementAndGet();
    }
}
