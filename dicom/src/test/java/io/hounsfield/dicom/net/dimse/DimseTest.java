package io.hounsfield.dicom.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.net.pdu.PDataTf;
import io.hounsfield.dicom.net.pdu.PresentationDataValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Command sets, fragmentation, reassembly and the streaming pipe (PS3.7 §6.3, PS3.8 Annex E). */
class DimseTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @Test
    void commandSetsRoundTripWithGroupLength() throws IOException {
        Attributes command = Commands.cStoreRq(7, CT, "1.2.3", "MOVER", 5);
        Attributes decoded = CommandCodec.decode(CommandCodec.encode(command));
        assertThat(Commands.dimseOf(decoded)).isEqualTo(Dimse.C_STORE_RQ);
        assertThat(Commands.messageId(decoded)).isEqualTo(7);
        assertThat(decoded.getString(Tags.MoveOriginatorApplicationEntityTitle)).isEqualTo("MOVER");
        assertThat(decoded.getInt(Tags.CommandGroupLength, -1)).isEqualTo(CommandCodec.encode(command).length - 12);
        Attributes response = Commands.response(decoded, Status.SUCCESS, false);
        assertThat(Commands.dimseOf(response)).isEqualTo(Dimse.C_STORE_RSP);
        assertThat(response.getInt(Tags.MessageIDBeingRespondedTo, -1)).isEqualTo(7);
        assertThat(response.getString(Tags.AffectedSOPInstanceUID)).isEqualTo("1.2.3");
        assertThat(Commands.hasDataSet(response)).isFalse();
    }

    @Test
    void fragmentsRespectThePeersMaximumLength() throws IOException {
        List<int[]> fragments = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (OutputStream out = new PDataOutputStream((id, header, data, offset, length) -> {
            fragments.add(new int[] {header, length});
            all.write(data, offset, length);
        }, 3, false, 1000)) {
            out.write(new byte[2500]);
        }
        assertThat(fragments).allSatisfy(fragment -> assertThat(fragment[1]).isLessThanOrEqualTo(994));
        assertThat(fragments.get(fragments.size() - 1)[0]).isEqualTo(PresentationDataValue.LAST);
        assertThat(fragments.subList(0, fragments.size() - 1)).allSatisfy(fragment -> assertThat(fragment[0]).isZero());
        assertThat(all.size()).isEqualTo(2500);
    }

    @Test
    void assemblerStreamsDataSetsAndRejectsDataWithoutCommand() throws IOException {
        List<Attributes> messages = new ArrayList<>();
        FragmentPipe pipe = new FragmentPipe(4);
        MessageAssembler assembler = new MessageAssembler(new MessageAssembler.Handler() {
            @Override
            public FragmentPipe commandReceived(int contextId, Attributes command) {
                return pipe;
            }

            @Override
            public void messageReceived(int contextId, Attributes command, byte[] dataset) {
                messages.add(command);
            }
        }, 1 << 20);
        byte[] command = CommandCodec.encode(Commands.cStoreRq(1, CT, "1.2.3", null, 0));
        assembler.feed(new PDataTf(List.of(new PresentationDataValue(1, 1, java.util.Arrays.copyOf(command, 10)),
                new PresentationDataValue(1, 3, java.util.Arrays.copyOfRange(command, 10, command.length)),
                new PresentationDataValue(1, 0, new byte[] {1, 2}), new PresentationDataValue(1, 2, new byte[] {3}))));
        assertThat(messages).hasSize(1);
        assertThat(pipe.readAllBytes()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> assembler.feed(new PDataTf(List.of(new PresentationDataValue(1, 2, new byte[4])))))
                .isInstanceOf(MessageAssembler.DimseProtocolException.class);
    }

    @Test
    void pipeIsBoundedAndFailsItsReader() throws Exception {
        FragmentPipe pipe = new FragmentPipe(2);
        pipe.put(new byte[] {1}, false);
        pipe.put(new byte[] {2}, false);
        Thread producer = new Thread(() -> {
            try {
                pipe.put(new byte[] {3}, false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        producer.start();
        producer.join(200);
        assertThat(producer.isAlive()).as("blocked while full").isTrue();
        assertThat(pipe.read()).isEqualTo(1);
        producer.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(producer.isAlive()).isFalse();
        pipe.fail(new IOException("aborted"));
        assertThatThrownBy(pipe::readAllBytes).isInstanceOf(IOException.class);
    }
}
