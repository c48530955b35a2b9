package io.hounsfield.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.net.dimse.FragmentPipe;
import io.hounsfield.dicom.net.dimse.MessageAssembler;
import io.hounsfield.dicom.net.pdu.PDataTf;
import io.hounsfield.dicom.net.pdu.Pdu;
import io.hounsfield.dicom.net.pdu.PduDecoder;
import io.hounsfield.dicom.net.pdu.PduEncoder;
import io.hounsfield.dicom.net.pdu.PduReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Fuzzes the PDU decoder (PS3.8 §9.3) as it reads from a connection: any input must give PDUs or an IOException
 * (PduFormatException, or EOFException for a truncated PDU); never another exception, an OutOfMemoryError or a hang.
 * Every PDU decoded must encode and decode again, and P-DATA-TF values go through DIMSE message assembly, where only
 * IOExceptions are allowed too. Regression inputs live in PduDecoderFuzzTestInputs/.
 */
class PduDecoderFuzzTest {
    private static final MessageAssembler.Handler IGNORE = new MessageAssembler.Handler() {
        @Override
        public FragmentPipe commandReceived(int contextId, Attributes command) {
            return null;
        }

        @Override
        public void messageReceived(int contextId, Attributes command, byte[] dataset) {
            // nothing
        }
    };

    @FuzzTest(maxDuration = "10m")
    void readPdu(byte[] input) throws IOException {
        PduReader reader = new PduReader(new ByteArrayInputStream(input), 16384, 64 * 1024);
        MessageAssembler assembler = new MessageAssembler(IGNORE, 1 << 20);
        try {
            for (Pdu pdu = reader.read(); pdu != null; pdu = reader.read()) {
                byte[] encoded = PduEncoder.encode(pdu);
                PduDecoder.decode(encoded[0], Arrays.copyOfRange(encoded, 6, encoded.length));
                if (pdu instanceof PDataTf data) {
                    assembler.feed(data);
                }
            }
        } catch (IOException expected) {
            // PduFormatException, EOFException, DicomParseException, DimseProtocolException
        }
    }
}
