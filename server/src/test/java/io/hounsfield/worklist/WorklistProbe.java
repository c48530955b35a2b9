package io.hounsfield.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A station's worklist for one day as dcmtk's findscu -W gets it: the accession numbers of its items. */
public final class WorklistProbe {

    private WorklistProbe() {
    }

    /** Queries as {@code aeTitle} for its own items on {@code day}; {@code responses} is emptied first. */
    public static List<String> accessions(Path responses, int port, String aeTitle, LocalDate day) throws Exception {
        Files.createDirectories(responses);
        clear(responses);
        Dcmtk.Run run = Dcmtk.run(responses.getParent(), "findscu", "-W", "-X", "-od", responses.toString(),
                "-aet", aeTitle, "-aec", "HOUNSFIELD", "-k", "AccessionNumber",
                "-k", "(0040,0100)[0].ScheduledStationAETitle=" + aeTitle,
                "-k", "(0040,0100)[0].ScheduledProcedureStepStartDate=" + day.format(DateTimeFormatter.BASIC_ISO_DATE),
                "127.0.0.1", String.valueOf(port));
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> accessions = new ArrayList<>();
        try (Stream<Path> files = Files.list(responses)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                accessions.add(Part10.read(file).dataset().getString(Tags.AccessionNumber));
            }
        }
        return accessions;
    }

    private static void clear(Path responses) throws IOException {
        try (Stream<Path> old = Files.list(responses)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
    }
}
