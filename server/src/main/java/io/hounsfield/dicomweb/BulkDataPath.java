package io.hounsfield.dicomweb;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a bulk data value is in a data set, as the BulkDataURIs of {@link InstanceMetadata} name it: eight hex digits
 * of a tag, preceded for a nested value by the sequence's tag and the item number from 1 of each level, separated
 * by slashes ({@code 00089215/1/7FE00010}).
 */
record BulkDataPath(List<Integer> sequences, List<Integer> items, int tag) {

    static BulkDataPath parse(String path) {
        String[] segments = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
        if (segments.length % 2 == 0) {
            throw invalid(path);
        }
        List<Integer> sequences = new ArrayList<>();
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i + 1 < segments.length; i += 2) {
            sequences.add(tag(segments[i], path));
            if (!segments[i + 1].matches("[1-9][0-9]{0,8}")) {
                throw invalid(path);
            }
            items.add(Integer.parseInt(segments[i + 1]));
        }
        return new BulkDataPath(sequences, items, tag(segments[segments.length - 1], path));
    }

    boolean isTopLevel() {
        return sequences.isEmpty();
    }

    /** The item holding the value in {@code dataset}, or {@code null} if a sequence or item is not there. */
    Attributes itemIn(Attributes dataset) {
        Attributes current = dataset;
        for (int level = 0; level < sequences.size(); level++) {
            Sequence sequence = current.getSequence(sequences.get(level));
            if (sequence == null || items.get(level) > sequence.size()) {
                return null;
            }
            current = sequence.get(items.get(level) - 1);
        }
        return current;
    }

    private static int tag(String segment, String path) {
        if (!segment.matches("[0-9A-Fa-f]{8}")) {
            throw invalid(path);
        }
        return Integer.parseUnsignedInt(segment, 16);
    }

    private static HounsfieldException invalid(String path) {
        return new HounsfieldException(Failure.INVALID_INPUT, "not a bulk data path of this archive: " + path);
    }
}
