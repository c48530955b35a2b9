package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The DICOM File Format (PS3.10 §7): 128-byte preamble, "DICM", File Meta Information in explicit VR little endian,
 * then the data set in the transfer syntax that (0002,0010) names. Reading also accepts files without preamble or
 * without File Meta Information, guessing the transfer syntax from the first element; like dcmtk, a transfer syntax
 * named in the File Meta Information is trusted.
 */
public final class Part10 {
    /** Implementation Class UID of Hounsfield (PS3.7 §D.3.3.2). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.191257143859591356004541641948829440284";
    /** Implementation Version Name of Hounsfield. */
    public static final String IMPLEMENTATION_VERSION_NAME = "HOUNSFIELD_01";

    static final int FILE_META_GROUP = 0x0002;
    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;

    private Part10() {
    }

    /** A file opened up to its data set: the caller reads the data set with {@code reader}, e.g. header-only. */
    public record Opened(Attributes fileMeta, TransferSyntax transferSyntax, DicomReader reader) {
    }

    public static DicomFile read(Path file) throws IOException {
        return read(file, ReadOptions.DEFAULT);
    }

    public static DicomFile read(Path file, ReadOptions options) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, options);
        }
    }

    /** Reads a whole file from a stream (which is not closed). */
    public static DicomFile read(InputStream in, ReadOptions options) throws IOException {
        Opened opened = open(in, options);
        Attributes dataset = opened.reader().readDataset();
        return new DicomFile(opened.fileMeta(), dataset, opened.transferSyntax());
    }

    /** Reads the preamble and File Meta Information and returns a reader positioned at the data set. */
    public static Opened open(InputStream in, ReadOptions options) throws IOException {
        DicomInput input = new DicomInput(in, 0);
        if (input.fill(132) >= 132 && input.peek(128) == 'D' && input.peek(129) == 'I' && input.peek(130) == 'C'
                && input.peek(131) == 'M') {
            input.skip(132, 0);
        }
        Attributes fileMeta = new Attributes();
        if (input.fill(6) >= 6 && input.peek(0) == FILE_META_GROUP && input.peek(1) == 0) {
            TransferSyntax metaSyntax = EncodingGuess.looksExplicit(input)
                    ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
            new DicomReader(input, metaSyntax, options).readGroup(fileMeta, FILE_META_GROUP);
        }
        String uid = fileMeta.getString(Tag.TRANSFER_SYNTAX_UID);
        TransferSyntax syntax = uid == null || uid.isEmpty() ? EncodingGuess.guess(input) : TransferSyntax.of(uid);
        if (syntax.deflated()) {
            InputStream inflated = new InflaterInputStream(input.remaining(), new Inflater(true), 8192);
            return new Opened(fileMeta, syntax, new DicomReader(new DicomInput(inflated, 0),
                    new TransferSyntax(syntax.uid(), true, false, false, syntax.encapsulated()), options.inflating()));
        }
        return new Opened(fileMeta, syntax, new DicomReader(input, syntax, options));
    }

    /** Writes {@code dataset} as a file in {@code transferSyntax}, with File Meta Information made for it. */
    public static void write(Path file, Attributes dataset, TransferSyntax transferSyntax) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            write(out, fileMetaFor(dataset, transferSyntax, null), dataset, transferSyntax, WriteOptions.DEFAULT);
        }
    }

    /** Writes preamble, "DICM", {@code fileMeta} (group length recalculated) and the data set (PS3.10 §7.1). */
    public static void write(OutputStream out, Attributes fileMeta, Attributes dataset, TransferSyntax transferSyntax,
            WriteOptions options) throws IOException {
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        Attributes meta = new Attributes();
        for (int i = 0; i < fileMeta.size(); i++) {
            if (Tag.group(fileMeta.tagAt(i)) == FILE_META_GROUP) {
                meta.setValue(fileMeta.tagAt(i), fileMeta.vrAt(i), fileMeta.valueAt(i));
            }
        }
        meta.setString(Tag.TRANSFER_SYNTAX_UID, VR.UI, transferSyntax.uid());
        meta.setValue(Tag.of(FILE_META_GROUP, 0), VR.UL, new byte[4]);
        new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT.withGroupLengths(
                WriteOptions.GroupLengths.RECALCULATE)).writeElements(meta);
        Attributes body = hasGroup(dataset, FILE_META_GROUP) ? withoutGroup(dataset, FILE_META_GROUP) : dataset;
        new DicomWriter(out, transferSyntax, options).writeDataset(body);
        out.flush();
    }

    /** File Meta Information for {@code dataset} (PS3.10 §7.1), keeping {@code previous} source/private elements. */
    public static Attributes fileMetaFor(Attributes dataset, TransferSyntax transferSyntax, Attributes previous) {
        Attributes meta = new Attributes();
        if (previous != null) {
            for (int i = 0; i < previous.size(); i++) {
                meta.setValue(previous.tagAt(i), previous.vrAt(i), previous.valueAt(i));
            }
        }
        meta.setValue(Tag.of(FILE_META_GROUP, 0x0001), VR.OB, new byte[] {0, 1});
        copyUid(dataset, SOP_CLASS_UID, meta, 0x00020002);
        copyUid(dataset, SOP_INSTANCE_UID, meta, 0x00020003);
        meta.setString(Tag.TRANSFER_SYNTAX_UID, VR.UI, transferSyntax.uid());
        meta.setString(0x00020012, VR.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(0x00020013, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return meta;
    }

    private static void copyUid(Attributes dataset, int from, Attributes meta, int to) {
        String uid = dataset.getString(from);
        if (uid != null && !meta.contains(to)) {
            meta.setString(to, VR.UI, uid);
        }
    }

    private static boolean hasGroup(Attributes dataset, int group) {
        for (int i = 0; i < dataset.size() && Tag.group(dataset.tagAt(i)) <= group; i++) {
            if (Tag.group(dataset.tagAt(i)) == group) {
                return true;
            }
        }
        return false;
    }

    private static Attributes withoutGroup(Attributes dataset, int group) {
        Attributes copy = new Attributes();
        for (int i = 0; i < dataset.size(); i++) {
            if (Tag.group(dataset.tagAt(i)) != group) {
                copy.setValue(dataset.tagAt(i), dataset.vrAt(i), dataset.valueAt(i));
            }
        }
        return copy;
    }
}
