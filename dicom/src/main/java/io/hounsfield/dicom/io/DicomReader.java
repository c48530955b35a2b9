package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.ByteOrderSwap;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.ElementDictionary;
import io.hounsfield.dicom.dict.PrivateDictionary;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a data set encoded in a known transfer syntax from a stream (PS3.5 §7): explicit and implicit VR, either
 * byte order, sequences and items of defined and undefined length (§7.5), UN of undefined length as an implicit VR
 * sequence (§6.2.2), and encapsulated pixel data as fragments (§A.4). It can stop at top-level Pixel Data with the
 * input positioned at the value, or hand pixel data to a {@link PixelDataConsumer}. Anything malformed or over the
 * {@link ReadOptions} limits raises {@link DicomParseException}. Like dcmtk, it tolerates items whose content
 * overruns the length of their item or sequence.
 */
public final class DicomReader {
    private static final System.Logger LOG = System.getLogger(DicomReader.class.getName());
    /**
     * Elements must come in ascending tag order (PS3.5 §7.1); a few out of order are tolerated, but many would make
     * inserting into the sorted {@link Attributes} quadratic.
     */
    private static final int MAX_OUT_OF_ORDER = 256;
    /** Estimated memory of an element beside its value, and of an item, for {@link ReadOptions#maxDatasetMemory}. */
    private static final int ELEMENT_OVERHEAD = 48;
    private static final int ITEM_OVERHEAD = 96;

    private final DicomInput input;
    private final TransferSyntax transferSyntax;
    private final ReadOptions options;
    private boolean explicitVr;
    private ElementHeader pixelData;
    private long elements;
    private long memory;

    /** {@code in} is inflated already if the transfer syntax is deflated; {@link ReadOptions#maxInflatedLength} applies. */
    public DicomReader(InputStream in, TransferSyntax transferSyntax, ReadOptions options) {
        this(new DicomInput(in, 0), transferSyntax, transferSyntax.deflated() ? options.inflating() : options);
    }

    DicomReader(DicomInput input, TransferSyntax transferSyntax, ReadOptions options) {
        this.input = input;
        this.transferSyntax = transferSyntax;
        this.options = options;
        this.explicitVr = transferSyntax.explicitVr();
        input.bigEndian(transferSyntax.bigEndian());
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    /** Bytes read so far. */
    public long position() {
        return input.position();
    }

    /** Reads a whole data set up to the end of the input (or to Pixel Data when stopping there). */
    public Attributes readDataset() throws IOException {
        Attributes dataset = new Attributes();
        readDataset(dataset);
        return dataset;
    }

    /** Reads elements into {@code dataset} up to the end of the input (or to Pixel Data when stopping there). */
    public void readDataset(Attributes dataset) throws IOException {
        readItemContent(dataset, -1, 0);
        if (!transferSyntax.explicitVr()) {
            AmbiguousVrs.resolveImplicit(dataset);
        }
    }

    /** Whether reading stopped at top-level Pixel Data; the input is then positioned at its value. */
    public boolean stoppedAtPixelData() {
        return pixelData != null;
    }

    /** The VR of the Pixel Data reading stopped at, or {@code null}. */
    public VR pixelDataVr() {
        return pixelData == null ? null : pixelData.vr();
    }

    /** The length of the Pixel Data reading stopped at: -1 if undefined (encapsulated), -2 if it did not stop. */
    public long pixelDataLength() {
        if (pixelData == null) {
            return -2;
        }
        return pixelData.undefinedLength() ? -1 : pixelData.length();
    }

    /** The rest of the input from the current position, e.g. the Pixel Data value after a stop. */
    public InputStream remainingInput() {
        return input.remaining();
    }

    /** Reads the elements of {@code group} that come next, e.g. the File Meta Information group 0002 (PS3.10 §7.1). */
    void readGroup(Attributes target, int group) throws IOException {
        while (input.fill(2) >= 2 && nextGroup() == group) {
            ElementHeader header = readHeader(target);
            readValue(target, header, 0);
        }
    }

    private int nextGroup() throws IOException {
        int b0 = input.peek(0);
        int b1 = input.peek(1);
        return input.bigEndian() ? (b0 << 8) | b1 : (b1 << 8) | b0;
    }

    /** Reads item content of {@code length} bytes, or up to an Item Delimitation Item if -1 (PS3.5 §7.5.1). */
    private void readItemContent(Attributes target, long length, int depth) throws IOException {
        long end = length < 0 ? -1 : input.position() + length;
        int previousTag = 0;
        int outOfOrder = 0;
        while (end < 0 || input.position() < end) {
            if ((depth == 0 || end >= 0) && input.atEnd()) {
                if (depth > 0) {
                    LOG.log(System.Logger.Level.WARNING, "input ends within an item of defined length, at offset {0}",
                            input.position());
                }
                return;
            }
            if (depth == 0 && end < 0 && skippedTrailingPadding()) {
                return;
            }
            ElementHeader header = readHeader(target);
            if (header.tag() == Tag.ITEM_DELIMITATION && depth > 0) {
                return;
            }
            if (header.vr() == null) {
                throw new DicomParseException("unexpected item or delimiter in a data set", header.offset(), header.tag());
            }
            if (Integer.compareUnsigned(header.tag(), previousTag) <= 0 && ++outOfOrder > MAX_OUT_OF_ORDER) {
                throw new DicomParseException("more than " + MAX_OUT_OF_ORDER + " elements out of ascending tag order",
                        header.offset(), header.tag());
            }
            previousTag = header.tag();
            count(header, ELEMENT_OVERHEAD);
            if (!readValue(target, header, depth)) {
                return;
            }
        }
        if (input.position() > end) {
            LOG.log(System.Logger.Level.DEBUG, "elements run past the item length, at offset {0}", input.position());
        }
    }

    /** Zero bytes to the end after the top-level data set are ignored, as dcmtk and pydicom do. */
    private boolean skippedTrailingPadding() throws IOException {
        long offset = input.position();
        long skipped = input.skipZeroPadding();
        if (skipped > 0) {
            LOG.log(System.Logger.Level.WARNING, "ignored {0} bytes of zero padding after the data set, at offset {1}",
                    skipped, offset);
        }
        return skipped > 0;
    }

    private ElementHeader readHeader(Attributes target) throws IOException {
        long offset = input.position();
        try {
            return readHeader(target, offset);
        } catch (DicomParseException e) {
            if (e.offset() == offset) {
                throw e;
            }
            throw new DicomParseException("element header cut short: " + e.problem(), offset, e.tag(), e);
        }
    }

    private ElementHeader readHeader(Attributes target, long offset) throws IOException {
        int tag = input.readTag();
        if (Tag.group(tag) == 0xFFFE) {
            return new ElementHeader(tag, null, input.readU32(tag), offset);
        }
        if (!explicitVr) {
            return new ElementHeader(tag, implicitVr(target, tag), input.readU32(tag), offset);
        }
        int first = input.readU8(tag);
        int second = input.readU8(tag);
        VR vr = VR.of(first, second);
        if (vr == null) {
            throw new DicomParseException(String.format("bad VR %02X %02X", first, second), offset, tag);
        }
        if (vr.hasLongLength()) {
            input.readU16(tag);
            return new ElementHeader(tag, vr, input.readU32(tag), offset);
        }
        return new ElementHeader(tag, vr, input.readU16(tag), offset);
    }

    /** The VR of an implicit VR element: from the dictionary, the private dictionary, else UN (PS3.5 §6.2.2). */
    private static VR implicitVr(Attributes target, int tag) {
        if (Tag.isPrivate(tag) && !Tag.isPrivateCreator(tag) && !Tag.isGroupLength(tag)) {
            if ((Tag.element(tag) & 0xFF00) == 0) {
                return VR.UN;
            }
            var entry = PrivateDictionary.lookup(target.getString(Tag.privateCreatorOf(tag)), tag);
            return entry == null ? VR.UN : entry.vr();
        }
        return ElementDictionary.vrOf(tag);
    }

    /** Counts an element or item against the element count and memory limits. */
    private void count(ElementHeader header, long overhead) throws DicomParseException {
        if (++elements > options.maxElements()) {
            throw new DicomParseException("more than " + options.maxElements() + " elements and items",
                    header.offset(), header.tag());
        }
        hold(header, overhead);
    }

    /** Counts {@code bytes} about to be held against the memory limit. */
    private void hold(ElementHeader header, long bytes) throws DicomParseException {
        memory += bytes;
        if (memory > options.maxDatasetMemory()) {
            throw new DicomParseException("elements take more than " + options.maxDatasetMemory() + " bytes of memory", header.offset(), header.tag());
        }
    }

    /** Top-level Pixel Data, Float or Double Float Pixel Data: exempt from the element length and memory limits. */
    private static boolean isPixelData(int tag, int depth) {
        return depth == 0 && (tag == Tag.PIXEL_DATA || tag == FLOAT_PIXEL_DATA || tag == DOUBLE_FLOAT_PIXEL_DATA);
    }

    private static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    private static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;

    /** Reads one element's value into {@code target}; false if reading stops here at Pixel Data. */
    private boolean readValue(Attributes target, ElementHeader header, int depth) throws IOException {
        int tag = header.tag();
        boolean topLevelPixelData = tag == Tag.PIXEL_DATA && depth == 0;
        boolean pixel = isPixelData(tag, depth);
        if (topLevelPixelData && options.stopAtPixelData()) {
            pixelData = header;
            return false;
        }
        if (header.undefinedLength()) {
            if (tag == Tag.PIXEL_DATA || header.vr() == VR.OB || header.vr() == VR.OW) {
                readFragments(target, header, pixel, topLevelPixelData && options.pixelData() != null);
            } else if (header.vr() == VR.SQ || header.vr() == VR.UN) {
                readSequence(target, header, depth);
            } else {
                throw new DicomParseException("undefined length for VR " + header.vr(), header.offset(), tag);
            }
            return true;
        }
        if (header.vr() == VR.SQ) {
            readSequence(target, header, depth);
            return true;
        }
        checkLength(header, pixel);
        if (pixel && options.pixelData() != null) {
            long start = input.position();
            options.pixelData().nativePixelData(target, header.vr(), header.length(), input.bounded(header.length()));
            input.skip(header.length() - (input.position() - start), tag, header.offset());
            return true;
        }
        if (!pixel) {
            hold(header, header.length());
        }
        byte[] value = input.readBytes((int) header.length(), tag, header.offset());
        if (input.bigEndian()) {
            ByteOrderSwap.swap(header.vr(), value, 0, value.length);
        }
        target.setValue(tag, header.vr(), value);
        return true;
    }

    private void checkLength(ElementHeader header, boolean pixel) throws DicomParseException {
        long limit = pixel ? ReadOptions.MAX_VALUE_LENGTH : options.maxElementLength();
        if (header.length() > limit) {
            throw new DicomParseException("value of " + header.length() + " bytes exceeds the limit of " + limit,
                    header.offset(), header.tag());
        }
        if (input.position() + header.length() > options.maxDatasetLength()) {
            throw new DicomParseException("data set exceeds the limit of " + options.maxDatasetLength() + " bytes",
                    header.offset(), header.tag());
        }
    }

    private void readSequence(Attributes target, ElementHeader header, int depth) throws IOException {
        if (depth >= options.maxDepth()) {
            throw new DicomParseException("sequences nest deeper than " + options.maxDepth(), header.offset(), header.tag());
        }
        boolean wasExplicit = explicitVr;
        boolean wasBigEndian = input.bigEndian();
        if (header.vr() == VR.UN) {
            explicitVr = false;
            input.bigEndian(false);
        }
        try {
            readItems(target.newSequence(header.tag()), header, depth);
        } finally {
            explicitVr = wasExplicit;
            input.bigEndian(wasBigEndian);
        }
    }

    private void readItems(Sequence sequence, ElementHeader header, int depth) throws IOException {
        long end = header.undefinedLength() ? -1 : input.position() + header.length();
        while (end < 0 || input.position() < end) {
            if (end >= 0 && input.atEnd()) {
                LOG.log(System.Logger.Level.WARNING, "input ends within a sequence of defined length, at offset {0}",
                        input.position());
                return;
            }
            long offset = input.position();
            int tag = input.readTag();
            long length = input.readU32(tag);
            if (tag == Tag.SEQUENCE_DELIMITATION && end < 0) {
                return;
            }
            if (tag != Tag.ITEM) {
                throw new DicomParseException("expected an item in sequence " + Tag.toString(header.tag()), offset, tag);
            }
            count(new ElementHeader(tag, null, length, offset), ITEM_OVERHEAD);
            readItemContent(sequence.addItem(), length == ElementHeader.UNDEFINED ? -1 : length, depth + 1);
        }
        if (input.position() > end) {
            LOG.log(System.Logger.Level.DEBUG, "items of {0} run past the sequence length, at offset {1}",
                    Tag.toString(header.tag()), input.position());
        }
    }

    /** Reads encapsulated pixel data items up to the Sequence Delimitation Item (PS3.5 §A.4). */
    private void readFragments(Attributes target, ElementHeader header, boolean pixel, boolean toConsumer)
            throws IOException {
        Fragments fragments = new Fragments();
        for (int index = 0; ; index++) {
            long offset = input.position();
            int tag = input.readTag();
            long length = input.readU32(tag);
            if (tag == Tag.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != Tag.ITEM || length == ElementHeader.UNDEFINED) {
                throw new DicomParseException("expected a fragment item of defined length", offset, tag);
            }
            ElementHeader fragment = new ElementHeader(tag, VR.OB, length, offset);
            checkLength(fragment, pixel);
            if (!pixel) {
                hold(fragment, ELEMENT_OVERHEAD + length);
            }
            if (toConsumer) {
                long start = input.position();
                options.pixelData().fragment(target, index, length, input.bounded(length));
                input.skip(length - (input.position() - start), tag, offset);
            } else {
                fragments.add(input.readBytes((int) length, tag, offset));
            }
        }
        if (!toConsumer) {
            target.setValue(header.tag(), header.vr() == VR.OW ? VR.OW : VR.OB, fragments);
        }
    }
}
