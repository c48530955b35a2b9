package io.hounsfield.archive.ingest;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.io.DicomReader;
import io.hounsfield.dicom.io.PixelDataConsumer;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.system.DataDirectory;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Streams a C-STORE data set into a temporary DICOM file (PS3.10 §7.1) while parsing it, so that a data set that is
 * truncated or malformed is noticed before anything is kept (PS3.4 §B.2.3), and pixel data never sits in memory.
 * The file is not fsync'ed here: the store makes it durable (or sends it away) once it is to be kept, so that a
 * duplicate that is discarded costs no disk flush. On any failure it is deleted. The data set limits ({@link ReadOptions})
 * bound what a hostile data set can make the parse hold: a deflate bomb or millions of items end in
 * {@link io.hounsfield.dicom.io.DicomParseException}.
 */
final class Receiver {

    private Receiver() {
    }

    static ReceivedInstance receive(IncomingInstance incoming, Path temporaryFile, ReadOptions limits)
            throws IOException {
        boolean done = false;
        try (FileChannel channel = FileChannel.open(temporaryFile,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), DataDirectory.ownerOnlyFile())) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
            incoming.writeFileStart(out);
            Attributes header = parse(incoming.transferSyntaxUid(), new Tee(incoming.dataset(), out), limits);
            out.flush();
            done = true;
            return new ReceivedInstance(temporaryFile, header, channel.size());
        } finally {
            if (!done) {
                Files.deleteIfExists(temporaryFile);
            }
        }
    }

    private static Attributes parse(String transferSyntaxUid, Tee tee, ReadOptions limits) throws IOException {
        TransferSyntax syntax = TransferSyntax.of(transferSyntaxUid);
        InputStream encoded = syntax.deflated() ? new InflaterInputStream(tee, new Inflater(true)) : tee;
        Attributes header = new DicomReader(encoded, syntax, limits.withPixelData(PixelDataConsumer.DISCARD))
                .readDataset();
        tee.transferTo(OutputStream.nullOutputStream());
        return header;
    }

    /** Copies every byte read (or skipped) to {@code copy}. */
    private static final class Tee extends FilterInputStream {
        private final OutputStream copy;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int value = in.read();
            if (value >= 0) {
                copy.write(value);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = in.read(buffer, offset, length);
            if (count > 0) {
                copy.write(buffer, offset, count);
            }
            return count;
        }

        @Override
        public long skip(long count) throws IOException {
            byte[] buffer = new byte[(int) Math.min(count, 8192)];
            long skipped = 0;
            while (skipped < count) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
