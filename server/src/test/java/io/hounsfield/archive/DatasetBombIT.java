package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.DicomWriter;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.DicomInstance;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.DataDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Data sets built to exhaust memory are refused over C-STORE with 0xC000 (cannot understand) while the server's heap
 * stays bounded, and the association goes on to answer a C-ECHO: a 2 MB deflated data set holding a 2 GiB private
 * element, and 16 MiB of empty sequence items.
 */
@HounsfieldIntegrationTest
class DatasetBombIT {
    private static final int MIB = 1 << 20;
    /** Two GiB less one MiB: a whole number of the MiB blocks the bomb is made of. */
    private static final long TWO_GIB = 2047L * MIB;

    @Autowired
    DicomListener listener;

    @Autowired
    DataDirectory data;

    @Test
    void aDeflateBombIsRefusedPromptlyAndTheNextEchoIsAnswered() throws Exception {
        byte[] bomb = deflatedBomb();
        assertThat(bomb.length).isLessThan(4 << 20);
        try (var inflated = new java.util.zip.InflaterInputStream(new ByteArrayInputStream(bomb),
                new java.util.zip.Inflater(true))) {
            assertThat(inflated.transferTo(java.io.OutputStream.nullOutputStream())).as("inflated size")
                    .isGreaterThan(TWO_GIB);
        }
        String uid = TestStudies.newUid();
        DicomInstance instance = new DicomInstance(Uids.CTImageStorage, uid, Uids.DeflatedExplicitVRLittleEndian,
                () -> new ByteArrayInputStream(bomb));
        assertRefusedWithBoundedHeap(instance, Uids.DeflatedExplicitVRLittleEndian);
    }

    @Test
    void sixteenMebibytesOfEmptyItemsAreRefusedAndTheNextEchoIsAnswered() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header(TestStudies.newUid()));
        out.write(explicitLong(0x7FE11020, "SQ", 0xFFFFFFFFL));
        byte[] item = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0xFFFE)
                .putShort((short) 0xE000).putInt(0).array();
        for (int i = 0; i < (16 << 20) / 8; i++) {
            out.write(item);
        }
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0xFFFE)
                .putShort((short) 0xE0DD).putInt(0).array());
        byte[] dataset = out.toByteArray();
        DicomInstance instance = new DicomInstance(Uids.CTImageStorage, TestStudies.newUid(),
                Uids.ExplicitVRLittleEndian, () -> new ByteArrayInputStream(dataset));
        assertRefusedWithBoundedHeap(instance, Uids.ExplicitVRLittleEndian);
    }

    private void assertRefusedWithBoundedHeap(DicomInstance instance, String transferSyntax) throws Exception {
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        int status;
        try (Association association = connect(transferSyntax)) {
            status = new Scu(association).store(instance);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within 30 s")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(new Scu(association).echo()).isEqualTo(Status.SUCCESS);
            association.release();
        } finally {
            heap.stop();
        }
        assertThat(status).as("C000-class: cannot understand").isEqualTo(0xC000);
        assertThat(heap.growth()).as("heap growth while refusing").isLessThan(768L << 20);
        try (Stream<Path> files = Files.list(data.store().resolve("incoming"))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    private Association connect(String transferSyntax) throws Exception {
        PresentationContexts contexts = new PresentationContexts().addStorage(Uids.CTImageStorage, transferSyntax)
                .add(Uids.Verification, Uids.ImplicitVRLittleEndian);
        return new DicomClient(ApplicationEntity.of("CT1", new ServiceRegistry()))
                .connect("127.0.0.1", listener.port(), "HOUNSFIELD", contexts);
    }

    /**
     * A CT header, a private creator, then a private OB of 2 GiB of zeros: about 2 MB once deflated. Deflating 2 GiB
     * takes long, so one MiB of zeros is deflated after a sync flush and that block (which, after a MiB of zeros,
     * inflates to zeros whatever came before) is repeated.
     */
    private static byte[] deflatedBomb() throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        start.write(header(TestStudies.newUid()));
        start.write(explicitLong(0x7FE11010, "OB", TWO_GIB));
        start.write(new byte[MIB]);
        deflated.write(deflate(deflater, start.toByteArray(), false));
        byte[] zeros = deflate(deflater, new byte[MIB], false);
        for (int block = 1; block < TWO_GIB / MIB; block++) {
            deflated.write(zeros);
        }
        deflated.write(deflate(deflater, new byte[0], true));
        return deflated.toByteArray();
    }

    /** Deflates {@code input} and flushes to a byte boundary, or finishes the stream if {@code last}. */
    private static byte[] deflate(Deflater deflater, byte[] input, boolean last) {
        deflater.setInput(input);
        if (last) {
            deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int count = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
            out.write(buffer, 0, count);
            if (last ? deflater.finished() : count < buffer.length) {
                return out.toByteArray();
            }
        }
    }

    /** A CT image's attributes without pixel data, and the private creator of group 7FE1 for what follows. */
    private static byte[] header(String sopInstanceUid) throws IOException {
        Attributes dataset = TestStudies.image(TestStudies.Study.of("BOMB-1", "BOMB^BEA", "BOMBACC1", "20250701"),
                TestStudies.newUid(), 1, 1);
        dataset.setString(Tags.SOPInstanceUID, VR.UI, sopInstanceUid);
        dataset.remove(Tags.PixelData);
        dataset.setString(0x7FE10010, VR.LO, "BOMB");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.DEFAULT.withGroupLengths(WriteOptions.GroupLengths.OMIT)).writeDataset(dataset);
        return out.toByteArray();
    }

    private static byte[] explicitLong(int tag, String vr, long length) {
        return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (tag >>> 16))
                .putShort((short) tag).put(vr.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putShort((short) 0)
                .putInt((int) length).array();
    }

    /** The most heap in use above where it started, sampled every 5 ms. */
    private static final class HeapWatch {
        private final long baseline;
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread sampler;

        private HeapWatch() {
            var memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            baseline = memory.getHeapMemoryUsage().getUsed();
            sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.join();
        }

        long growth() {
            return peak.get() - baseline;
        }
    }
}
