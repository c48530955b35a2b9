package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.ByteOrderSwap;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a data set to a stream in a transfer syntax (PS3.5 §7): explicit or implicit VR, either byte order, deflated
 * (§A.5), sequences with undefined or explicit lengths, values padded to even length with the VR's padding character
 * (§6.2), group lengths as {@link WriteOptions} say. Encapsulated pixel data is written as its items (§A.4).
 */
public final class DicomWriter {
    private final OutputStream out;
    private final TransferSyntax transferSyntax;
    private final WriteOptions options;
    private final EncodedLength lengths;
    private final byte[] header = new byte[12];

    public DicomWriter(OutputStream out, TransferSyntax transferSyntax, WriteOptions options) {
        this.out = out;
        this.transferSyntax = transferSyntax;
        this.options = options;
        this.lengths = new EncodedLength(transferSyntax.explicitVr(), options);
    }

    /** Writes {@code dataset}; when deflated, the deflate stream is finished but {@code out} is left open. */
    public void writeDataset(Attributes dataset) throws IOException {
        if (transferSyntax.deflated()) {
            DeflaterOutputStream deflated = new DeflaterOutputStream(nonClosing(out), new Deflater(Deflater.DEFAULT_COMPRESSION, true), 8192);
            new DicomWriter(deflated, new TransferSyntax(transferSyntax.uid(), true, false, false, false), options).writeDataset(dataset);
            deflated.finish();
            return;
        }
        writeElements(dataset);
        out.flush();
    }

    void writeElements(Attributes dataset) throws IOException {
        int group = -1;
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            if (Tag.isGroupLength(tag)) {
                continue;
            }
            if (Tag.group(tag) != group) {
                group = Tag.group(tag);
                if (lengths.writesGroupLength(dataset, group)) {
                    writeGroupLength(group, lengths.group(dataset, group));
                }
            }
            writeElement(tag, dataset.vrAt(i), dataset.valueAt(i));
        }
    }

    private void writeGroupLength(int group, long length) throws IOException {
        writeHeader(Tag.of(group, 0), VR.UL, 4);
        writeBinary(VR.UL, VR.UL.encodeIntegers(new long[] {length}));
    }

    private void writeElement(int tag, VR vr, Object value) throws IOException {
        if (value instanceof Sequence sequence) {
            writeSequence(tag, sequence);
        } else if (value instanceof Fragments fragments) {
            writeFragments(tag, vr, fragments);
        } else if (value instanceof BulkData bulkData) {
            writeBulkData(tag, vr, bulkData);
        } else {
            byte[] bytes = (byte[]) value;
            writeHeader(tag, vr, EncodedLength.even(bytes.length));
            writeBinary(vr, bytes);
            if ((bytes.length & 1) == 1) {
                out.write(vr.padding());
            }
        }
    }

    private void writeBinary(VR vr, byte[] bytes) throws IOException {
        if (transferSyntax.bigEndian() && vr.unitSize() > 1) {
            byte[] swapped = bytes.clone();
            ByteOrderSwap.swap(vr, swapped, 0, swapped.length);
            out.write(swapped);
        } else {
            out.write(bytes);
        }
    }

    private void writeSequence(int tag, Sequence sequence) throws IOException {
        boolean undefined = options.undefinedLengths();
        writeHeader(tag, VR.SQ, undefined ? ElementHeader.UNDEFINED : lengths.sequenceValue(sequence));
        for (Attributes item : sequence) {
            writeHeader(Tag.ITEM, null, undefined ? ElementHeader.UNDEFINED : lengths.dataset(item));
            writeElements(item);
            if (undefined) {
                writeHeader(Tag.ITEM_DELIMITATION, null, 0);
            }
        }
        if (undefined) {
            writeHeader(Tag.SEQUENCE_DELIMITATION, null, 0);
        }
    }

    private void writeFragments(int tag, VR vr, Fragments fragments) throws IOException {
        writeHeader(tag, vr, ElementHeader.UNDEFINED);
        for (byte[] item : fragments.items()) {
            writeHeader(Tag.ITEM, null, EncodedLength.even(item.length));
            out.write(item);
            if ((item.length & 1) == 1) {
                out.write(0);
            }
        }
        writeHeader(Tag.SEQUENCE_DELIMITATION, null, 0);
    }

    private void writeBulkData(int tag, VR vr, BulkData bulkData) throws IOException {
        writeHeader(tag, vr, EncodedLength.even(bulkData.length()));
        boolean swap = bulkData.bigEndian() != transferSyntax.bigEndian() && vr.unitSize() > 1;
        try (InputStream in = Files.newInputStream(bulkData.file())) {
            in.skipNBytes(bulkData.offset());
            byte[] buffer = new byte[64 * 1024 - (64 * 1024) % 8];
            for (long left = bulkData.length(); left > 0; ) {
                int count = (int) Math.min(left, buffer.length);
                in.readNBytes(buffer, 0, count);
                if (swap) {
                    ByteOrderSwap.swap(vr, buffer, 0, count);
                }
                out.write(buffer, 0, count);
                left -= count;
            }
        }
        if ((bulkData.length() & 1) == 1) {
            out.write(vr.padding());
        }
    }

    /** Writes an element header; {@code vr} is {@code null} for items and delimiters (PS3.5 §7.1, §7.5). */
    private void writeHeader(int tag, VR vr, long length) throws IOException {
        put16(0, Tag.group(tag));
        put16(2, Tag.element(tag));
        if (vr == null || !transferSyntax.explicitVr()) {
            put32(4, length);
            out.write(header, 0, 8);
            return;
        }
        VR written = EncodedLength.writtenVr(vr, length == ElementHeader.UNDEFINED ? 0 : length);
        header[4] = (byte) written.name().charAt(0);
        header[5] = (byte) written.name().charAt(1);
        if (written.hasLongLength()) {
            put16(6, 0);
            put32(8, length);
            out.write(header, 0, 12);
        } else {
            put16(6, (int) length);
            out.write(header, 0, 8);
        }
    }

    private void put16(int offset, int value) {
        boolean big = transferSyntax.bigEndian();
        header[offset + (big ? 1 : 0)] = (byte) value;
        header[offset + (big ? 0 : 1)] = (byte) (value >>> 8);
    }

    private void put32(int offset, long value) {
        boolean big = transferSyntax.bigEndian();
        put16(offset + (big ? 2 : 0), (int) value);
        put16(offset + (big ? 0 : 2), (int) (value >>> 16));
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
