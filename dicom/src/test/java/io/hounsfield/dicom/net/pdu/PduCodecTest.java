package io.hounsfield.dicom.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.net.pdu.UserInformation.AsyncOperationsWindow;
import io.hounsfield.dicom.net.pdu.UserInformation.CommonExtendedNegotiation;
import io.hounsfield.dicom.net.pdu.UserInformation.ExtendedNegotiation;
import io.hounsfield.dicom.net.pdu.UserInformation.RoleSelection;
import io.hounsfield.dicom.net.pdu.UserInformation.UserIdentityAc;
import io.hounsfield.dicom.net.pdu.UserInformation.UserIdentityRq;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trip of every PDU and item through PduEncoder, PduReader and PduDecoder (PS3.8 §9.3). */
class PduCodecTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    static UserInformation fullUserInformation() {
        return new UserInformation(16384, "1.2.3.4", "TEST_1", new AsyncOperationsWindow(3, 2),
                List.of(new RoleSelection(CT, false, true)),
                List.of(new ExtendedNegotiation(CT, new byte[] {1, 0, 1})),
                List.of(new CommonExtendedNegotiation(CT, "1.2.840.10008.4.2", List.of("1.2.3", "1.2.4"))),
                new UserIdentityRq(2, true, "user".getBytes(StandardCharsets.UTF_8), "secret".getBytes(StandardCharsets.UTF_8)),
                null);
    }

    private static Pdu roundTrip(Pdu pdu) throws IOException {
        byte[] encoded = PduEncoder.encode(pdu);
        Pdu decoded = new PduReader(new ByteArrayInputStream(encoded), 16384, 1 << 20).read();
        assertThat(PduEncoder.encode(decoded)).isEqualTo(encoded);
        return decoded;
    }

    @Test
    void associateRqWithEveryItem() throws IOException {
        AAssociateRq rq = new AAssociateRq(1, "HOUNSFIELD", "CT1", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, CT, List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2")),
                        new PresentationContextRq(3, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2"))),
                fullUserInformation());
        assertThat(roundTrip(rq)).isEqualTo(rq);
    }

    @Test
    void associateAcWithUserIdentityResponse() throws IOException {
        UserInformation info = new UserInformation(0, "1.2.3.4", null, null, List.of(new RoleSelection(CT, false, true)),
                List.of(), List.of(), null, new UserIdentityAc(new byte[] {9, 8}));
        AAssociateAc ac = new AAssociateAc(1, "HOUNSFIELD", "CT1", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextAc(1, 0, "1.2.840.10008.1.2.1"), new PresentationContextAc(3, 3, null)),
                info);
        assertThat(roundTrip(ac)).isEqualTo(ac);
    }

    @Test
    void simplePdus() throws IOException {
        assertThat(roundTrip(new AAssociateRj(1, 1, 3))).isEqualTo(new AAssociateRj(1, 1, 3));
        assertThat(roundTrip(new AReleaseRq())).isEqualTo(new AReleaseRq());
        assertThat(roundTrip(new AReleaseRp())).isEqualTo(new AReleaseRp());
        assertThat(roundTrip(new AAbort(2, 6))).isEqualTo(new AAbort(2, 6));
        PDataTf data = new PDataTf(List.of(new PresentationDataValue(1, 3, new byte[] {1, 2, 3, 4}),
                new PresentationDataValue(1, 0, new byte[10])));
        assertThat(roundTrip(data)).isEqualTo(data);
    }

    @Test
    void aeTitlesArePaddedAndStripped() throws IOException {
        byte[] encoded = PduEncoder.encode(new AAssociateRq(1, "A", "B", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(), null));
        assertThat(new String(encoded, 10, 16, StandardCharsets.US_ASCII)).isEqualTo("A               ");
        assertThat(((AAssociateRq) roundTrip(PduDecoder.decode(1, java.util.Arrays.copyOfRange(encoded, 6,
                encoded.length)))).callingAeTitle()).isEqualTo("B");
    }

    @Test
    void lengthPastTheMaximumIsRejectedBeforeReading() {
        byte[] header = {4, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        PduReader reader = new PduReader(new ByteArrayInputStream(header), 16384, 1 << 20);
        assertThatThrownBy(reader::read).isInstanceOf(PduFormatException.class).hasMessageContaining("exceeds");
        assertThat(reader.state()).isEqualTo(PduReader.State.BAD_MESSAGE);
    }

    @Test
    void unknownTypeAndTruncatedItemsAreFormatErrors() {
        assertThatThrownBy(() -> new PduReader(new ByteArrayInputStream(new byte[] {9, 0, 0, 0, 0, 0}), 100, 100).read())
                .isInstanceOf(PduFormatException.class);
        assertThatThrownBy(() -> PduDecoder.decode(Pdu.P_DATA_TF, new byte[] {0, 0, 0, 9, 1, 3}))
                .isInstanceOf(PduFormatException.class);
        assertThatThrownBy(() -> PduDecoder.decode(Pdu.A_ASSOCIATE_RQ, new byte[20]))
                .isInstanceOf(PduFormatException.class);
    }

    @Test
    void cleanEndOfStreamIsNull() throws IOException {
        assertThat(new PduReader(new ByteArrayInputStream(new byte[0]), 100, 100).read()).isNull();
    }
}
