package io.hounsfield.bench;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.PersonName;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing a 512x512 16-bit CT image file (about 512 KiB of pixel data behind a typical header), header-only (stop at
 * Pixel Data) and in full. Run: {@code java -jar bench/target/benchmarks.jar DicomParseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DicomParseBenchmark {
    @Param({"1.2.840.10008.1.2.1", "1.2.840.10008.1.2"})
    public String transferSyntax;

    private byte[] file;

    @Setup
    public void createCtFile() throws IOException {
        Attributes dataset = ctHeader();
        byte[] pixels = new byte[512 * 512 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            int value = (i / 2 % 512 + i / 1024) % 4096 - 1024;
            pixels[i] = (byte) value;
            pixels[i + 1] = (byte) (value >> 8);
        }
        dataset.setValue(Tag.PIXEL_DATA, VR.OW, pixels);
        TransferSyntax syntax = TransferSyntax.of(transferSyntax);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length + 4096);
        Part10.write(out, Part10.fileMetaFor(dataset, syntax, null), dataset, syntax, WriteOptions.DEFAULT);
        file = out.toByteArray();
    }

    static Attributes ctHeader() {
        Attributes dataset = new Attributes();
        dataset.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        dataset.setString(Tags.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        dataset.setString(Tags.SOPClassUID, VR.UI, Uids.CTImageStorage);
        dataset.setString(Tags.SOPInstanceUID, VR.UI, "2.25.1234567890123456789012345678901234");
        dataset.setDate(Tags.StudyDate, LocalDate.of(2024, 1, 31));
        dataset.setTime(Tags.StudyTime, LocalTime.of(12, 30));
        dataset.setString(Tags.AccessionNumber, VR.SH, "A123456");
        dataset.setString(Tags.Modality, VR.CS, "CT");
        dataset.setString(Tags.Manufacturer, VR.LO, "Hounsfield Benchmarks");
        dataset.setPersonName(Tags.PatientName, PersonName.of("Doe", "Jane"));
        dataset.setString(Tags.PatientID, VR.LO, "P0001");
        dataset.setDate(Tags.PatientBirthDate, LocalDate.of(1970, 5, 17));
        dataset.setString(Tags.PatientSex, VR.CS, "F");
        dataset.setDoubles(Tags.SliceThickness, VR.DS, 1.25);
        dataset.setDoubles(Tags.KVP, VR.DS, 120);
        dataset.setString(Tags.StudyInstanceUID, VR.UI, "2.25.111");
        dataset.setString(Tags.SeriesInstanceUID, VR.UI, "2.25.222");
        dataset.setInts(Tags.InstanceNumber, VR.IS, 42);
        dataset.setDoubles(Tags.ImagePositionPatient, VR.DS, -250, -250, 120.5);
        dataset.setDoubles(Tags.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
        dataset.setInts(Tags.SamplesPerPixel, VR.US, 1);
        dataset.setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        dataset.setInts(Tags.Rows, VR.US, 512);
        dataset.setInts(Tags.Columns, VR.US, 512);
        dataset.setDoubles(Tags.PixelSpacing, VR.DS, 0.9765625, 0.9765625);
        dataset.setInts(Tags.BitsAllocated, VR.US, 16);
        dataset.setInts(Tags.BitsStored, VR.US, 12);
        dataset.setInts(Tags.HighBit, VR.US, 11);
        dataset.setInts(Tags.PixelRepresentation, VR.US, 1);
        dataset.setDoubles(Tags.WindowCenter, VR.DS, 40);
        dataset.setDoubles(Tags.WindowWidth, VR.DS, 400);
        dataset.setDoubles(Tags.RescaleIntercept, VR.DS, -1024);
        dataset.setDoubles(Tags.RescaleSlope, VR.DS, 1);
        Attributes item = dataset.newSequence(Tags.ReferencedStudySequence).addItem();
        item.setString(Tags.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.3.1.2.3.1");
        item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, "2.25.333");
        return dataset;
    }

    @Benchmark
    public Attributes headerOnly() throws IOException {
        Part10.Opened opened = Part10.open(new ByteArrayInputStream(file), ReadOptions.DEFAULT.withStopAtPixelData(true));
        return opened.reader().readDataset();
    }

    @Benchmark
    public DicomFile full() throws IOException {
        return Part10.read(new ByteArrayInputStream(file), ReadOptions.DEFAULT);
    }
}
