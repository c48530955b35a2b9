package io.hounsfield.dicom.dict;

import java.util.HashMap;
import java.util.Map;

/** The UIDs defined by the standard (PS3.6 Annex A), from the generated {@code uids.tsv}. */
public final class UidDictionary {
    /** One registered UID: its type ("SOP Class", "Transfer Syntax", "Well-known SOP Instance", ...), keyword and name. */
    public record UidEntry(String uid, String type, boolean retired, String keyword, String name) {
    }

    private static final Map<String, UidEntry> BY_UID = new HashMap<>(1024);
    private static final Map<String, UidEntry> BY_KEYWORD = new HashMap<>(1024);

    static {
        for (String[] row : DictionaryResource.rows("uids.tsv", 5)) {
            UidEntry entry = new UidEntry(row[0], row[1], "R".equals(row[2]), row[3], row[4]);
            BY_UID.put(entry.uid(), entry);
            if (!entry.keyword().isEmpty()) {
                BY_KEYWORD.putIfAbsent(entry.keyword(), entry);
            }
        }
    }

    private UidDictionary() {
    }

    /** The entry of {@code uid}, or {@code null}. */
    public static UidEntry lookup(String uid) {
        return uid == null ? null : BY_UID.get(uid.strip());
    }

    public static UidEntry byKeyword(String keyword) {
        return BY_KEYWORD.get(keyword);
    }

    /** The name of {@code uid}, or the UID itself if unknown. */
    public static String nameOf(String uid) {
        UidEntry entry = lookup(uid);
        return entry == null ? uid : entry.name();
    }

    public static int size() {
        return BY_UID.size();
    }
}
