package io.hounsfield.dicom.dict;

import io.hounsfield.dicom.data.VR;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known private data elements by Private Creator (from the generated {@code private.tsv}). An entry for a whole tag
 * matches first; otherwise the tag's block byte is ignored, since a creator's block may be reserved anywhere in
 * (gggg,0010-00FF) (PS3.5 §7.8.1).
 */
public final class PrivateDictionary {
    /** One known private element; {@code tag}/{@code mask} as in {@link ElementEntry}, block bits unmasked. */
    public record PrivateEntry(String creator, int tag, int mask, String vrText, String vm, boolean retired, String name) {
        public VR vr() {
            return VR.ofDictionary(vrText);
        }
    }

    private static final Map<String, List<PrivateEntry>> BY_CREATOR = new HashMap<>(1024);

    static {
        for (String[] row : DictionaryResource.rows("private.tsv", 6)) {
            int[] tagAndMask = ElementEntry.parseMask(row[1]);
            if ((tagAndMask[1] & 0xFF) != 0xFF) {
                continue; // describes the Private Creator element itself, which is always LO
            }
            int mask = tagAndMask[1] == -1 ? -1 : tagAndMask[1] & 0xFFFF00FF;
            PrivateEntry entry = new PrivateEntry(row[0], tagAndMask[0] & mask, mask, row[2], row[3], "R".equals(row[4]), row[5]);
            BY_CREATOR.computeIfAbsent(row[0], creator -> new ArrayList<>()).add(entry);
        }
        BY_CREATOR.values().forEach(entries -> entries.sort(Comparator.comparing(entry -> entry.mask() != -1)));
    }

    private PrivateDictionary() {
    }

    /** The entry for private {@code tag} in a block reserved by {@code creator}, or {@code null}. */
    public static PrivateEntry lookup(String creator, int tag) {
        List<PrivateEntry> entries = creator == null ? null : BY_CREATOR.get(creator.strip());
        if (entries == null) {
            return null;
        }
        for (PrivateEntry entry : entries) {
            if ((tag & entry.mask()) == entry.tag()) {
                return entry;
            }
        }
        return null;
    }
}
