package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.scp.DicomListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The acceptance round trip of issue 14: HL7 in over raw MLLP, the modality worklist out through dcmtk's
 * {@code findscu -W}. The worklist answer's name is read per its own Specific Character Set, whichever the server
 * chose to answer in.
 */
@HounsfieldIntegrationTest
class Hl7WorklistRoundTripIT {

    @Autowired
    MllpListener hl7;

    @Autowired
    DicomListener dicom;

    @TempDir
    Path responses;

    private final String today;

    Hl7WorklistRoundTripIT(@Autowired Clock clock) {
        today = LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO_IR 100", "ISO_IR 192"})
    void accentedNamesSentInLatin1ComeOutOfTheWorklistIntact(String queryCharacterSet) throws Exception {
        String mrn = "RT" + System.nanoTime();
        String placer = "RTO" + System.nanoTime();
        try (RawMllp connection = new RawMllp(hl7.port())) {
            assertAccepted(connection.exchange(adt(mrn).getBytes(StandardCharsets.ISO_8859_1)));
            assertAccepted(connection.exchange(omi(mrn, placer, "NW").getBytes(StandardCharsets.ISO_8859_1)));
        }

        List<Attributes> worklist = findscu(queryCharacterSet, mrn);

        assertThat(worklist).hasSize(1);
        Attributes answer = worklist.get(0);
        assertThat(answer.getString(Tags.SpecificCharacterSet)).isIn("ISO_IR 100", "ISO_IR 192");
        assertThat(answer.getString(Tags.PatientName)).isEqualTo("Lef\u00e8vre^H\u00e9l\u00e8ne");
    }

    @Test
    void twentyOrdersAndCancelsPipelinedOnOneConnectionLeaveNothingOnTheWorklist() throws Exception {
        String mrn = "RTP" + System.nanoTime();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(RawMllp.frame(adt(mrn).getBytes(StandardCharsets.ISO_8859_1)));
        for (int pair = 0; pair < 20; pair++) {
            String placer = "RTP" + pair + "-" + System.nanoTime();
            all.write(RawMllp.frame(omi(mrn, placer, "NW").getBytes(StandardCharsets.ISO_8859_1)));
            all.write(RawMllp.frame(omi(mrn, placer, "CA").getBytes(StandardCharsets.ISO_8859_1)));
        }
        try (RawMllp connection = new RawMllp(hl7.port())) {
            connection.writeRaw(all.toByteArray());
            for (int i = 0; i < 41; i++) {
                assertAccepted(connection.receive());
            }
        }

        assertThat(findscu("ISO_IR 192", mrn)).isEmpty();
    }

    private static void assertAccepted(byte[] answer) throws Exception {
        var ack = Hl7WireIT.parse(answer, StandardCharsets.ISO_8859_1);
        assertThat(ack.get("/MSA-1")).as(ack.get("/MSA-3")).isEqualTo("AA");
    }

    private String adt(String mrn) {
        return "MSH|^~\\&|ADT|HOSP|HOUNSFIELD|RAD|" + today + "0700||ADT^A01^ADT_A01|A" + System.nanoTime()
                + "|P|2.5||||||8859/1\r"
                + "EVN|A01|" + today + "0700\r"
                + "PID|1||" + mrn + "^^^HOSP^MR||Lef\u00e8vre^H\u00e9l\u00e8ne||19700101|F\r"
                + "PV1|1|O\r";
    }

    private String omi(String mrn, String placer, String control) {
        return "MSH|^~\\&|RIS|HOSP|HOUNSFIELD|RAD|" + today + "0800||OMI^O23^OMI_O23|O" + System.nanoTime()
                + "|P|2.5.1||||||8859/1\r"
                + "PID|1||" + mrn + "^^^HOSP^MR||Lef\u00e8vre^H\u00e9l\u00e8ne||19700101|F\r"
                + "PV1|1|O\r"
                + "ORC|" + control + "|" + placer + "^RIS|||SC\r"
                + "TQ1|1||||||" + today + "0930||R\r"
                + "OBR|1|" + placer + "^RIS||XRCHEST2^Chest X-ray\r";
    }

    private List<Attributes> findscu(String characterSet, String mrn) throws Exception {
        Path out = Files.createTempDirectory(responses, "rsp");
        Dcmtk.Run run = Dcmtk.run(responses, "findscu", "-W", "-X", "-od", out.toString(),
                "-aet", "DX1", "-aec", "HOUNSFIELD",
                "-k", "SpecificCharacterSet=" + characterSet, "-k", "PatientName", "-k", "PatientID=" + mrn,
                "-k", "AccessionNumber", "-k", "(0040,0100)[0].Modality",
                "127.0.0.1", String.valueOf(dicom.port()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Attributes> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                found.add(Part10.read(file).dataset());
            }
        }
        return found;
    }
}
