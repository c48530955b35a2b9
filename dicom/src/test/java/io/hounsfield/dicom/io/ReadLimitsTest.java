package io.hounsfield.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile input is refused with {@link DicomParseException} before it takes memory: a value over the element limit
 * (pixel data excepted), a deflate bomb, too many elements or items, too much memory in all.
 */
class ReadLimitsTest {
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int PRIVATE_BLOB = 0x00091010;

    private static Attributes read(InputStream in, TransferSyntax syntax, ReadOptions options) throws IOException {
        return new DicomReader(in, syntax, options).readDataset();
    }

    private static Attributes read(Bytes bytes, ReadOptions options) throws IOException {
        return read(bytes.stream(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, options);
    }

    @Test
    void aPrivateElementOfTwoGibibytesIsRefusedByTheDefaultsBeforeItsValueIsRead() {
        Bytes header = Bytes.littleEndian().shortElement(0x00090010, "LO", "BOMB").longHeader(PRIVATE_BLOB, "OB",
                0x7FFF0000L);
        InputStream endlessZeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        assertThatThrownBy(() -> read(new SequenceInputStream(header.stream(), endlessZeros),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT))
                .isInstanceOfSatisfying(DicomParseException.class, e -> {
                    assertThat(e.tag()).isEqualTo(PRIVATE_BLOB);
                    assertThat(e.problem()).contains("exceeds the limit of " + (64 << 20));
                });
    }

    @Test
    void pixelDataIsNotBoundByTheElementLimitButNestedPixelDataIs() throws IOException {
        ReadOptions small = ReadOptions.DEFAULT.withMaxElementLength(16);
        Bytes topLevel = Bytes.littleEndian().longHeader(Tags.PixelData, "OW", 64).raw(new byte[64]);
        assertThat(read(topLevel, small).bytes(Tags.PixelData)).hasSize(64);
        Bytes nested = Bytes.littleEndian().longHeader(Tags.IconImageSequence, "SQ", UNDEFINED)
                .tag(0xFFFEE000).u32(UNDEFINED).longHeader(Tags.PixelData, "OW", 64).raw(new byte[64])
                .tag(0xFFFEE00D).u32(0).tag(0xFFFEE0DD).u32(0);
        assertThatThrownBy(() -> read(nested, small)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("exceeds the limit of 16");
    }

    @Test
    void aDeflateBombIsRefusedAtTheInflatedLimit() throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (var out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION, true))) {
            out.write(Bytes.littleEndian().longHeader(Tags.PixelData, "OB", 32 << 20).bytes());
            out.write(new byte[32 << 20]);
        }
        assertThat(deflated.size()).isLessThan(64 << 10);
        ReadOptions options = ReadOptions.DEFAULT.withMaxInflatedLength(8 << 20)
                .withPixelData(PixelDataConsumer.DISCARD);
        assertThatThrownBy(() -> read(new java.util.zip.InflaterInputStream(
                new ByteArrayInputStream(deflated.toByteArray()), new java.util.zip.Inflater(true)),
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, options))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("limit of " + (8 << 20) + " bytes");
        Attributes plain = read(new ByteArrayInputStream(Bytes.littleEndian().longHeader(Tags.PixelData, "OB",
                32 << 20).raw(new byte[32 << 20]).bytes()), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, options);
        assertThat(plain.contains(Tags.PixelData)).as("the inflated limit is for deflated input only").isFalse();
    }

    @Test
    void millionsOfEmptyItemsAreRefusedAtTheElementCountWithoutExhaustingTheHeap() {
        int items = 2 << 20;
        byte[] item = Bytes.littleEndian().tag(0xFFFEE000).u32(0).bytes();
        InputStream sequence = new SequenceInputStream(
                Bytes.littleEndian().longHeader(Tags.ReferencedImageSequence, "SQ", UNDEFINED).stream(),
                new InputStream() {
                    private final long total = (long) items * item.length;
                    private long done;

                    @Override
                    public int read() {
                        return done < total ? item[(int) (done++ % item.length)] & 0xFF : -1;
                    }
                });
        var heap = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = heap.getHeapMemoryUsage().getUsed();
        assertThatThrownBy(() -> read(sequence, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT
                .withMaxElements(100_000))).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("more than 100000 elements and items");
        assertThat(heap.getHeapMemoryUsage().getUsed() - before).isLessThan(256L << 20);
    }

    @Test
    void theMemoryLimitCountsValuesAndOverheadOfEveryElement() {
        Bytes many = Bytes.littleEndian();
        for (int i = 0; i < 100; i++) {
            many.tag(0x00091000 + 0x10 + i).ascii("OB").u16(0).u32(1000).raw(new byte[1000]);
        }
        assertThatThrownBy(() -> read(many, ReadOptions.DEFAULT.withMaxDatasetMemory(50_000)))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("more than 50000 bytes of memory");
    }

    @Test
    void theDefaultsReadAnEnhancedMultiframeHeader() throws IOException {
        // 3000 frames of per-frame functional groups, each an item of three sequences of one item with a value.
        Bytes groups = Bytes.littleEndian().longHeader(Tags.PerFrameFunctionalGroupsSequence, "SQ", UNDEFINED);
        for (int frame = 0; frame < 3000; frame++) {
            groups.tag(0xFFFEE000).u32(UNDEFINED);
            for (int tag : new int[] {Tags.FrameContentSequence, Tags.PlanePositionSequence,
                    Tags.PlaneOrientationSequence}) {
                groups.longHeader(tag, "SQ", UNDEFINED).tag(0xFFFEE000).u32(UNDEFINED)
                        .shortElement(Tags.ImagePositionPatient, "DS", "-125.0\\-125.0\\" + frame + ".5 ")
                        .tag(0xFFFEE00D).u32(0).tag(0xFFFEE0DD).u32(0);
            }
            groups.tag(0xFFFEE00D).u32(0);
        }
        groups.tag(0xFFFEE0DD).u32(0).longHeader(Tags.PixelData, "OW", 1 << 20).raw(new byte[1 << 20]);
        Attributes dataset = read(groups, ReadOptions.DEFAULT);
        assertThat(dataset.getSequence(Tags.PerFrameFunctionalGroupsSequence).size()).isEqualTo(3000);
    }
}
