package io.hounsfield.bench;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.PersonName;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Writes COUNT modality worklist items for today as {@code .wl} files (the folder format of dcmtk's wlmscpfs and
 * Orthanc's worklist plugin), half CT, half DX. Usage: {@code GenerateWorklist OUTDIR COUNT STATION_AE}.
 */
public final class GenerateWorklist {
    private GenerateWorklist() {
    }

    public static void main(String[] arguments) throws Exception {
        Path folder = Files.createDirectories(Path.of(arguments[0]));
        int count = Integer.parseInt(arguments[1]);
        String station = arguments[2];
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
        }
    }
}
