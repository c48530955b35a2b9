package io.hounsfield.dicom.dict;

import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public data elements of PS3.6 §6-8 (from the generated {@code elements.tsv}), looked up by tag or keyword.
 * Group lengths (gggg,0000) are UL and unknown private tags UN.
 */
public final class ElementDictionary {
    private static final Map<Integer, ElementEntry> BY_TAG = new HashMap<>(8192);
    private static final Map<String, ElementEntry> BY_KEYWORD = new HashMap<>(8192);
    private static final List<ElementEntry> REPEATING = new ArrayList<>();
    private static final ElementEntry GROUP_LENGTH = new ElementEntry(0, 0xFFFF, "UL", "1", false, "GroupLength", "Group Length");

    static {
        for (String[] row : DictionaryResource.rows("elements.tsv", 6)) {
            int[] tagAndMask = ElementEntry.parseMask(row[0]);
            ElementEntry entry = new ElementEntry(tagAndMask[0], tagAndMask[1], row[1], row[2], "R".equals(row[3]), row[4], row[5]);
            if (tagAndMask[1] == -1) {
                BY_TAG.put(entry.tag(), entry);
            } else {
                REPEATING.add(entry);
            }
            if (!entry.keyword().isEmpty()) {
                BY_KEYWORD.putIfAbsent(entry.keyword(), entry);
            }
        }
    }

    private ElementDictionary() {
    }

    /** The entry of {@code tag}, or {@code null} if the dictionary does not know it. */
    public static ElementEntry lookup(int tag) {
        ElementEntry entry = BY_TAG.get(tag);
        if (entry != null) {
            return entry;
        }
        if (Tag.isGroupLength(tag)) {
            return GROUP_LENGTH;
        }
        for (ElementEntry repeating : REPEATING) {
            if (repeating.matches(tag)) {
                return repeating;
            }
        }
        return null;
    }

    /** The VR of {@code tag}: the dictionary's, LO for Private Creators, else UN (PS3.5 §6.2.2). */
    public static VR vrOf(int tag) {
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        ElementEntry entry = lookup(tag);
        return entry == null ? VR.UN : entry.vr();
    }

    /** The keyword of {@code tag}, or the empty string. */
    public static String keywordOf(int tag) {
        ElementEntry entry = lookup(tag);
        return entry == null ? "" : entry.keyword();
    }

    /** The tag with {@code keyword}, or -1. */
    public static int tagOf(String keyword) {
        ElementEntry entry = BY_KEYWORD.get(keyword);
        return entry == null ? -1 : entry.tag();
    }

    public static int size() {
        return BY_TAG.size() + REPEATING.size();
    }
}
