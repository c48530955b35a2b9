package io.hounsfield.bench;

import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.net.pdu.AAssociateRq;
import io.hounsfield.dicom.net.pdu.Pdu;
import io.hounsfield.dicom.net.pdu.PduEncoder;
import io.hounsfield.dicom.net.pdu.PduReader;
import io.hounsfield.dicom.net.pdu.PduWriter;
import io.hounsfield.dicom.net.pdu.PresentationContextRq;
import io.hounsfield.dicom.net.pdu.PresentationDataValue;
import io.hounsfield.dicom.net.pdu.UserInformation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The PDU codec of the upper layer (PS3.8 §9.3): one 512x512 CT data set (512 KiB) cut into P-DATA-TF PDUs of the
 * Maximum Length, written with {@link PduWriter} and read back with {@link PduReader}; and an A-ASSOCIATE-RQ with
 * 100 presentation contexts encoded and decoded. Run: {@code java -jar bench/target/benchmarks.jar PduCodecBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PduCodecBenchmark {
    private static final int DATASET_LENGTH = 512 * 512 * 2;

    @Param({"16384", "65536"})
    public int maxPduLength;

    private final byte[] dataset = new byte[DATASET_LENGTH];
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(DATASET_LENGTH + 4096);
    private byte[] encodedPData;
    private AAssociateRq associateRq;
    private byte[] encodedAssociateRq;

    @Setup
    public void encode() throws IOException {
        for (int i = 0; i < dataset.length; i++) {
            dataset[i] = (byte) (i * 31);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(DATASET_LENGTH + 4096);
        writeDataset(new PduWriter(out));
        encodedPData = out.toByteArray();
        List<PresentationContextRq> contexts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            contexts.add(new PresentationContextRq(1 + 2 * i, "1.2.840.10008.5.1.4.1.1." + i,
                    List.of(Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian)));
        }
        associateRq = new AAssociateRq(1, "HOUNSFIELD", "CT1", AAssociateRq.DICOM_APPLICATION_CONTEXT, contexts,
                UserInformation.of(maxPduLength, Part10.IMPLEMENTATION_CLASS_UID, Part10.IMPLEMENTATION_VERSION_NAME));
        encodedAssociateRq = PduEncoder.encode(associateRq);
    }

    /** One data set as P-DATA-TF PDUs, the last fragment flagged (PS3.8 Annex E.2). */
    private void writeDataset(PduWriter writer) throws IOException {
        int fragment = maxPduLength - 6;
        for (int offset = 0; offset < dataset.length; offset += fragment) {
            int length = Math.min(fragment, dataset.length - offset);
            int header = offset + length == dataset.length ? PresentationDataValue.LAST : 0;
            writer.writePData(1, header, dataset, offset, length);
        }
    }

    /** Into a reused buffer, so the bytes are copied as into a socket's send buffer. */
    @Benchmark
    public int writePData() throws IOException {
        sink.reset();
        writeDataset(new PduWriter(sink));
        return sink.size();
    }

    @Benchmark
    public void readPData(Blackhole blackhole) throws IOException {
        PduReader reader = new PduReader(new ByteArrayInputStream(encodedPData), maxPduLength,
                PduReader.DEFAULT_MAX_ASSOCIATION_PDU_LENGTH);
        for (Pdu pdu = reader.read(); pdu != null; pdu = reader.read()) {
            blackhole.consume(pdu);
        }
    }

    @Benchmark
    public byte[] encodeAssociateRq() {
        return PduEncoder.encode(associateRq);
    }

    @Benchmark
    public Pdu decodeAssociateRq() throws IOException {
        return new PduReader(new ByteArrayInputStream(encodedAssociateRq), 0,
                PduReader.DEFAULT_MAX_ASSOCIATION_PDU_LENGTH).read();
    }
}
