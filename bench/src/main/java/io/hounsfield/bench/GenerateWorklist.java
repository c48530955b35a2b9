package io.hounsfield.bench;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.PersonName;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Writes COUNT modality worklist items for today as {@code .wl} files (the folder format of dcmtk's wlmscpfs and
 * Orthanc's worklist plugin), half CT, half DX, and the same items as HL7 v2.5.1 orders (OMI^O23, one message a
 * line in {@code orders.hl7} beside the folder) for Hounsfield, which takes its worklist from orders.
 * Usage: {@code GenerateWorklist OUTDIR COUNT STATION_AE}.
 */
public final class GenerateWorklist {
    private GenerateWorklist() {
    }

    public static void main(String[] arguments) throws Exception {
        Path folder = Files.createDirectories(Path.of(arguments[0]));
        int count = Integer.parseInt(arguments[1]);
        String station = arguments[2];
        StringBuilder orders = new StringBuilder();
        for (int number = 1; number <= count; number++) {
            Attributes item = new Attributes();
            item.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
            item.setString(Tags.AccessionNumber, VR.SH, "WL" + number);
            item.setPersonName(Tags.PatientName, PersonName.of("Worklist", "Patient" + number));
            item.setString(Tags.PatientID, VR.LO, "WLP" + number);
            item.setDate(Tags.PatientBirthDate, LocalDate.of(1950 + number % 50, 1 + number % 12, 1 + number % 28));
            item.setString(Tags.PatientSex, VR.CS, number % 2 == 0 ? "F" : "M");
            item.setString(Tags.StudyInstanceUID, VR.UI, BenchUids.next());
            item.setString(Tags.RequestedProcedureID, VR.SH, "RP" + number);
            item.setString(Tags.RequestedProcedureDescription, VR.LO, "Benchmark procedure");
            Attributes step = item.newSequence(Tags.ScheduledProcedureStepSequence).addItem();
            step.setString(Tags.ScheduledStationAETitle, VR.AE, station);
            step.setDate(Tags.ScheduledProcedureStepStartDate, LocalDate.now());
            step.setTime(Tags.ScheduledProcedureStepStartTime, LocalTime.of(7, 0).plusMinutes(number * 5L % 600));
            step.setString(Tags.Modality, VR.CS, number % 2 == 0 ? "DX" : "CT");
            step.setString(Tags.ScheduledProcedureStepDescription, VR.LO, "Benchmark step");
            step.setString(Tags.ScheduledProcedureStepID, VR.SH, "SPS" + number);
            Part10.write(folder.resolve(String.format("item%05d.wl", number)), item,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            orders.append(order(item, step)).append('\n');
        }
        Files.writeString(folder.resolveSibling("orders.hl7"), orders, StandardCharsets.ISO_8859_1);
    }

    /** The item as an order: patient in PID, the DICOM identifiers and the station in IPC, the start in TQ1. */
    private static String order(Attributes item, Attributes step) {
        String accession = item.getString(Tags.AccessionNumber);
        String start = step.getString(Tags.ScheduledProcedureStepStartDate)
                + step.getString(Tags.ScheduledProcedureStepStartTime).substring(0, 4);
        String procedure = step.getString(Tags.Modality).equals("CT") ? "CTHEAD^CT head" : "XRCHEST2^Chest X-ray";
        return String.join("\r",
                "MSH|^~\\&|BENCH|HOSP|HOUNSFIELD|RAD|" + start + "||OMI^O23^OMI_O23|" + accession + "|P|2.5.1|||||"
                        + "|8859/1",
                "PID|1||" + item.getString(Tags.PatientID) + "^^^HOSP^MR||"
                        + item.getString(Tags.PatientName) + "||"
                        + item.getString(Tags.PatientBirthDate) + "|" + item.getString(Tags.PatientSex),
                "ORC|NW|" + accession + "^BENCH|||SC",
                "TQ1|1||||||" + start,
                "OBR|1|" + accession + "^BENCH||" + procedure,
                "IPC|" + accession + "|" + item.getString(Tags.RequestedProcedureID) + "|"
                        + item.getString(Tags.StudyInstanceUID) + "|" + step.getString(Tags.ScheduledProcedureStepID)
                        + "|" + step.getString(Tags.Modality) + "||||" + step.getString(Tags.ScheduledStationAETitle))
                + "\r";
    }
}
