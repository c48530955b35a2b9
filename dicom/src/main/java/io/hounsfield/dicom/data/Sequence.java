package io.hounsfield.dicom.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The items of a sequence of items (SQ) value (PS3.5 §7.5); each item knows this sequence's dataset as parent. */
public final class Sequence implements Iterable<Attributes> {
    private final Attributes parent;
    private final List<Attributes> items = new ArrayList<>();

    Sequence(Attributes parent) {
        this.parent = parent;
    }

    /** Adds a new empty item and returns it. */
    public Attributes addItem() {
        Attributes item = new Attributes(parent);
        items.add(item);
        return item;
    }

    public Attributes get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Attributes> items() {
        return java.util.Collections.unmodifiableList(items);
    }

    @Override
    public Iterator<Attributes> iterator() {
        return items().iterator();
    }
}
