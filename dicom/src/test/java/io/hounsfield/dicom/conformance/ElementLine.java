package io.hounsfield.dicom.conformance;

import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.ElementDictionary;
import io.hounsfield.dicom.dict.ElementEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One element of a listing (canonical or dcmdump): where it is, its VR and its value as text. */
record ElementLine(String path, String vr, String value) {

    /** The element's own tag, the last 8 hex digits of its path. */
    int tag() {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return (int) Long.parseLong(last.length() > 8 ? last.substring(last.length() - 8) : last, 16);
    }

    /** Whether a round trip leaves this element's value unchanged: not file meta, not a group length. */
    boolean survivesRoundTrip(Set<String> removedPaths) {
        int tag = tag();
        return !path.startsWith("0002") && (tag & 0xFFFF) != 0 && !removedPaths.contains(path);
    }

    /**
     * Whether {@code vrRead}, read back from implicit VR, is what implicit VR can tell for this element: UN, or the
     * dictionary's VR (any alternative of an ambiguous one) (PS3.5 §6.2.2, Annex A).
     */
    boolean implicitMayRead(String vrRead) {
        if (vrRead.equals("UN") || vrRead.equals("??") || vrRead.equals("SQ") && vr.equals("UN")) {
            return true;
        }
        ElementEntry entry = ElementDictionary.lookup(tag());
        if (entry != null) {
            return entry.vrText().contains(vrRead) || vrRead.equals(ElementDictionary.vrOf(tag()).name());
        }
        return (tag() >>> 16 & 1) == 1 && vrRead.length() == 2 && VR.of(vrRead.charAt(0), vrRead.charAt(1)) != null;
    }

    /** dcmdump shows "??" for a VR it cannot tell, which explicit VR then writes as UN. */
    private static boolean sameVr(String got, String want) {
        return got.equals(want) || want.equals("??") && got.equals("UN");
    }

    static Map<String, ElementLine> parseCanonical(String text) {
        Map<String, ElementLine> lines = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" ", 3);
            lines.put(parts[0], new ElementLine(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
        }
        return lines;
    }

    /**
     * Compares two listings element by element; implicit VR may lose VRs as {@link #implicitMayRead} allows, and a UN
     * value whose dictionary VR is SQ is read back from implicit VR as the sequence it holds (PS3.5 §6.2.2).
     */
    static List<String> compare(Map<String, ElementLine> expected, Map<String, ElementLine> actual,
            Set<String> removedPaths, boolean implicit, int[] vrsLost) {
        List<String> differences = new ArrayList<>();
        List<String> becameSequences = new ArrayList<>();
        for (ElementLine want : expected.values()) {
            if (!want.survivesRoundTrip(removedPaths)) {
                continue;
            }
            ElementLine got = actual.get(want.path());
            if (got == null) {
                differences.add("missing " + want);
            } else if (!sameVr(got.vr(), want.vr())) {
                if (implicit && want.implicitMayRead(got.vr())) {
                    vrsLost[0]++;
                    if (got.vr().equals("SQ")) {
                        becameSequences.add(got.path() + "/");
                    }
                } else {
                    differences.add("VR " + got.vr() + " instead of " + want);
                }
            } else if (!got.value().equals(want.value()) && !got.value().equals(want.value().replace(" vm=", "\\00 vm="))) {
                differences.add("value " + got.value() + " instead of " + want);
            }
        }
        for (ElementLine got : actual.values()) {
            boolean inNewSequence = becameSequences.stream().anyMatch(got.path()::startsWith);
            if (got.survivesRoundTrip(removedPaths) && !expected.containsKey(got.path()) && !inNewSequence) {
                differences.add("extra " + got);
            }
        }
        return differences;
    }
}
