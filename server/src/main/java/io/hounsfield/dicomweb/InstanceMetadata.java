package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomJson;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.PixelDataConsumer;
import io.hounsfield.dicom.io.ReadOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The metadata of a stored instance for WADO-RS (PS3.18 §10.4.1.1.2): its data set without File Meta Information,
 * in which Pixel Data (streamed past, never held) and binary values longer than {@link #INLINE_LIMIT} bytes, at any
 * depth, are BulkDataURIs (§8.3.5, §F.2.6) of the {@code /bulkdata} resource, named by their path of tags and item
 * numbers ({@link BulkDataPath}).
 */
final class InstanceMetadata {
    /** Binary values up to this length stay inline; longer ones are bulk data. */
    static final int INLINE_LIMIT = 1024;

    private InstanceMetadata() {
    }

    /**
     * The data set as read, bulk data values replaced by markers, with the path of each item (not yet tied to a
     * request's URL). Not changed after it is made.
     */
    record Parsed(Attributes dataset, Map<Attributes, String> paths) {
        /** Its DICOM JSON, the BulkDataURIs' root (scheme, host, {@code /dicom-web}) left for each request. */
        Json json(StoredFile file) {
            String base = DicomWebLinks.under(Json.ROOT).instance(file.studyInstanceUid(), file.seriesInstanceUid(),
                    file.sopInstanceUid()) + "/bulkdata/";
            StringBuilder text = new StringBuilder(8 * 1024);
            new DicomJson((item, tag) -> {
                String path = paths.get(item);
                return path == null ? null : base + path + HexFormat.of().withUpperCase().toHexDigits(tag);
            }).writeObject(dataset, text);
            return Json.of(text.toString());
        }
    }

    /**
     * An instance's DICOM JSON object as text, cut where a BulkDataURI's root goes (PS3.18 §F.2.6: absolute URIs,
     * under the host the request came to), so that a series' metadata is written from memory without being encoded
     * again: what {@link MetadataCache} keeps.
     */
    static final class Json {
        /** Stands for the root while encoding: NUL, escaped by the writer, so no value can end up after this key. */
        static final String ROOT = "\0";
        private static final String URI_START = "\"BulkDataURI\":\"";
        private static final String CUT = URI_START + "\\u0000";

        private final String[] pieces;

        private Json(String[] pieces) {
            this.pieces = pieces;
        }

        static Json of(String text) {
            return new Json(text.split(java.util.regex.Pattern.quote(CUT), -1));
        }

        /** The object, its BulkDataURIs under {@code root} (e.g. {@code http://host/dicom-web}). */
        void write(String root, Writer out) throws IOException {
            out.write(pieces[0]);
            for (int i = 1; i < pieces.length; i++) {
                out.write(URI_START);
                out.write(root);
                out.write(pieces[i]);
            }
        }

        /** About how many bytes it holds, for the cache's budget. */
        long size() {
            long chars = 0;
            for (String piece : pieces) {
                chars += piece.length();
            }
            return chars + 16L * pieces.length;
        }
    }

    /** Parses {@code local}, the local copy of a stored instance. */
    static Parsed parse(Path local) throws IOException {
        PixelDataSeen pixels = new PixelDataSeen();
        Attributes dataset;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(local), 64 * 1024)) {
            dataset = Part10.read(in, ReadOptions.DEFAULT.withPixelData(pixels)).dataset();
        }
        // The value is in the file, not here: the marker only makes the JSON writer give its BulkDataURI.
        if (pixels.encapsulated) {
            dataset.setValue(Tags.PixelData, VR.OB, new Fragments());
        } else if (pixels.vr != null) {
            dataset.setValue(pixels.tag, pixels.vr, new BulkData(local, 0, pixels.length, false));
        }
        Map<Attributes, String> paths = new IdentityHashMap<>();
        markLargeValues(local, dataset, "", paths);
        return new Parsed(dataset, paths);
    }

    private static void markLargeValues(Path local, Attributes dataset, String path,
            Map<Attributes, String> paths) {
        paths.put(dataset, path);
        for (int index = 0; index < dataset.size(); index++) {
            Object value = dataset.valueAt(index);
            int tag = dataset.tagAt(index);
            if (value instanceof Sequence sequence) {
                for (int item = 0; item < sequence.size(); item++) {
                    markLargeValues(local, sequence.get(item), path + String.format("%08X", tag) + "/" + (item + 1)
                            + "/", paths);
                }
            } else if (value instanceof byte[] bytes && bytes.length > INLINE_LIMIT
                    && dataset.vrAt(index).kind() == VR.Kind.BYTES) {
                dataset.setValue(tag, dataset.vrAt(index), new BulkData(local, 0, bytes.length, false));
            }
        }
    }

    /** Notes which pixel data element streamed past, and discards it. */
    private static final class PixelDataSeen implements PixelDataConsumer {
        int tag;
        VR vr;
        long length;
        boolean encapsulated;

        @Override
        public void nativePixelData(Attributes dataset, VR vr, long length, InputStream value) throws IOException {
            value.transferTo(OutputStream.nullOutputStream());
            if (this.vr == null && !encapsulated) {
                this.vr = vr;
                this.length = length;
                this.tag = vr == VR.OF ? Tags.FloatPixelData : vr == VR.OD ? Tags.DoubleFloatPixelData
                        : Tags.PixelData;
            }
        }

        @Override
        public void fragment(Attributes dataset, int index, long length, InputStream value) throws IOException {
            value.transferTo(OutputStream.nullOutputStream());
            encapsulated = true;
        }
    }
}
