package io.hounsfield.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encapsulated pixel data kept as its items: the Basic Offset Table (first item, possibly empty) and the fragments
 * that follow (PS3.5 §A.4). Values are held as read; the VR is OB.
 */
public final class Fragments {
    private final List<byte[]> items = new ArrayList<>();

    /** Appends an item; the first item added is the Basic Offset Table. */
    public Fragments add(byte[] item) {
        items.add(item);
        return this;
    }

    /** The Basic Offset Table, or an empty array if there is none. */
    public byte[] offsetTable() {
        return items.isEmpty() ? new byte[0] : items.get(0);
    }

    /** The fragments after the Basic Offset Table. */
    public List<byte[]> fragments() {
        return items.isEmpty() ? List.of() : Collections.unmodifiableList(items.subList(1, items.size()));
    }

    /** All items, the offset table first. */
    public List<byte[]> items() {
        return Collections.unmodifiableList(items);
    }

    public int size() {
        return items.size();
    }
}
