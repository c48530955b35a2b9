package io.hounsfield.dicom.data;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A data set (PS3.5 §7): data elements kept in tag order in parallel sorted arrays. Values are {@code byte[]} (as
 * encoded, binary ones little endian), {@link Sequence}, {@link Fragments} or {@link BulkData}. Typed access is in
 * {@link #getString}, {@link #getInts}, {@link #getDate} and friends; private tags in {@link #privateTag}.
 */
public final class Attributes {
    private static final byte[] EMPTY = {};
    private static final int[] NO_TAGS = {};
    private static final VR[] NO_VRS = {};
    private static final Object[] NO_VALUES = {};

    private final Attributes parent;
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private SpecificCharacterSet charset;

    public Attributes() {
        this(null);
    }

    Attributes(Attributes parent) {
        this.parent = parent;
        // Arrays come with the first element: an empty item (of which a sequence may hold millions) stays small.
        this.tags = NO_TAGS;
        this.vrs = NO_VRS;
        this.values = NO_VALUES;
    }

    /** The data set holding the sequence this item belongs to, or {@code null} for a top-level data set. */
    public Attributes parent() {
        return parent;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int tagAt(int index) {
        return tags[checkIndex(index)];
    }

    public VR vrAt(int index) {
        return vrs[checkIndex(index)];
    }

    public Object valueAt(int index) {
        return values[checkIndex(index)];
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    /** The index of {@code tag}, or a negative insertion point as {@link Arrays#binarySearch(int[], int)}. */
    public int indexOf(int tag) {
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            return -size - 1;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int compared = Integer.compareUnsigned(tags[middle], tag);
            if (compared < 0) {
                low = middle + 1;
            } else if (compared > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -low - 1;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** The VR of {@code tag}, or {@code null} if absent. */
    public VR vr(int tag) {
        int index = indexOf(tag);
        return index < 0 ? null : vrs[index];
    }

    /** The raw value of {@code tag}, or {@code null} if absent. */
    public Object value(int tag) {
        int index = indexOf(tag);
        return index < 0 ? null : values[index];
    }

    /** The value bytes of {@code tag}, or {@code null} if absent or not held as bytes. */
    public byte[] bytes(int tag) {
        return value(tag) instanceof byte[] bytes ? bytes : null;
    }

    /** Sets a raw value: {@code byte[]} (binary values little endian), Sequence, Fragments or BulkData. */
    public Attributes setValue(int tag, VR vr, Object value) {
        if (value != null && !(value instanceof byte[] || value instanceof Sequence || value instanceof Fragments
                || value instanceof BulkData)) {
            throw new IllegalArgumentException("unsupported value type " + value.getClass());
        }
        int index = indexOf(tag);
        if (index < 0) {
            index = -index - 1;
            grow();
            System.arraycopy(tags, index, tags, index + 1, size - index);
            System.arraycopy(vrs, index, vrs, index + 1, size - index);
            System.arraycopy(values, index, values, index + 1, size - index);
            size++;
        }
        tags[index] = tag;
        vrs[index] = vr;
        values[index] = value == null ? EMPTY : value;
        if (tag == Tag.SPECIFIC_CHARACTER_SET) {
            charset = null;
        }
        return this;
    }

    private void grow() {
        if (size == tags.length) {
            int capacity = Math.max(4, tags.length * 2);
            tags = Arrays.copyOf(tags, capacity);
            vrs = Arrays.copyOf(vrs, capacity);
            values = Arrays.copyOf(values, capacity);
        }
    }

    public Object remove(int tag) {
        int index = indexOf(tag);
        if (index < 0) {
            return null;
        }
        Object removed = values[index];
        System.arraycopy(tags, index + 1, tags, index, size - index - 1);
        System.arraycopy(vrs, index + 1, vrs, index, size - index - 1);
        System.arraycopy(values, index + 1, values, index, size - index - 1);
        size--;
        values[size] = null;
        if (tag == Tag.SPECIFIC_CHARACTER_SET) {
            charset = null;
        }
        return removed;
    }

    /** Sets the VR of a present element, e.g. to resolve "US or SS" (PS3.5 Annex A). */
    public void setVr(int tag, VR vr) {
        int index = indexOf(tag);
        if (index >= 0) {
            vrs[index] = vr;
        }
    }

    /** The Specific Character Set of this data set, inherited from the enclosing one (PS3.5 §6.1.2.3). */
    public SpecificCharacterSet specificCharacterSet() {
        if (charset == null) {
            byte[] value = bytes(Tag.SPECIFIC_CHARACTER_SET);
            if (value != null) {
                charset = SpecificCharacterSet.of(VR.CS.decodeStrings(value, SpecificCharacterSet.DEFAULT));
            } else {
                charset = parent == null ? SpecificCharacterSet.DEFAULT : parent.specificCharacterSet();
            }
        }
        return charset;
    }

    /** Creates (replacing any) an empty sequence at {@code tag}. */
    public Sequence newSequence(int tag) {
        Sequence sequence = new Sequence(this);
        setValue(tag, VR.SQ, sequence);
        return sequence;
    }

    public Sequence getSequence(int tag) {
        return value(tag) instanceof Sequence sequence ? sequence : null;
    }

    public Fragments getFragments(int tag) {
        return value(tag) instanceof Fragments fragments ? fragments : null;
    }

    public BulkData getBulkData(int tag) {
        return value(tag) instanceof BulkData bulkData ? bulkData : null;
    }

    // Typed values: strings, numbers, dates and names.

    public String[] getStrings(int tag) {
        return AttributeValues.strings(this, tag);
    }

    /** The first value of a string element, or {@code null}. */
    public String getString(int tag) {
        String[] strings = getStrings(tag);
        return strings.length == 0 ? null : strings[0];
    }

    public Attributes setString(int tag, VR vr, String... values) {
        return setValue(tag, vr, vr.encodeStrings(values, specificCharacterSet()));
    }

    /**
     * The values as integers (IS and DS strings parsed, fractions dropped).
     *
     * @throws DicomValueException if a string value is not a number
     */
    public long[] getLongs(int tag) {
        return AttributeValues.longs(this, tag);
    }

    public int[] getInts(int tag) {
        return Arrays.stream(getLongs(tag)).mapToInt(value -> (int) value).toArray();
    }

    /**
     * The first value as an integer, or {@code missing} if there is none.
     *
     * @throws DicomValueException if a string value is not a number
     */
    public int getInt(int tag, int missing) {
        long[] values = getLongs(tag);
        return values.length == 0 ? missing : (int) values[0];
    }

    public Attributes setInts(int tag, VR vr, long... values) {
        if (vr == VR.IS) {
            return setString(tag, vr, Arrays.stream(values).mapToObj(Long::toString).toArray(String[]::new));
        }
        return setValue(tag, vr, vr.encodeIntegers(values));
    }

    /**
     * The values as numbers: binary ones as they are, IS and DS parsed.
     *
     * @throws DicomValueException if a string value is not a number (e.g. {@code "10.50/ 15.00"}); see
     *         {@link #findDouble}
     */
    public double[] getDoubles(int tag) {
        return AttributeValues.doubles(this, tag);
    }

    /**
     * The first value as a number, or {@code missing} if there is none.
     *
     * @throws DicomValueException if a string value is not a number; see {@link #findDouble}
     */
    public double getDouble(int tag, double missing) {
        double[] values = getDoubles(tag);
        return values.length == 0 ? missing : values[0];
    }

    /** The first value as a number; empty if there is none or if the values are not numbers (as real devices write). */
    public OptionalDouble findDouble(int tag) {
        try {
            double[] values = getDoubles(tag);
            return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[0]);
        } catch (DicomValueException e) {
            return OptionalDouble.empty();
        }
    }

    public Attributes setDoubles(int tag, VR vr, double... values) {
        if (vr == VR.DS) {
            return setString(tag, vr, Arrays.stream(values).mapToObj(AttributeValues::formatDecimal).toArray(String[]::new));
        }
        return setValue(tag, vr, vr.encodeFloats(values));
    }

    public java.time.LocalDate getDate(int tag) {
        String value = getString(tag);
        return value == null || value.isEmpty() ? null : DicomDateTime.parseDate(value);
    }

    public Attributes setDate(int tag, java.time.LocalDate date) {
        return setString(tag, VR.DA, DicomDateTime.formatDate(date));
    }

    public java.time.LocalTime getTime(int tag) {
        String value = getString(tag);
        return value == null || value.isEmpty() ? null : DicomDateTime.parseTime(value);
    }

    public Attributes setTime(int tag, java.time.LocalTime time) {
        return setString(tag, VR.TM, DicomDateTime.formatTime(time));
    }

    public DicomDateTime getDateTime(int tag) {
        String value = getString(tag);
        return value == null || value.isEmpty() ? null : DicomDateTime.parse(value);
    }

    public Attributes setDateTime(int tag, DicomDateTime dateTime) {
        return setString(tag, VR.DT, dateTime.toString());
    }

    public PersonName getPersonName(int tag) {
        String value = getString(tag);
        return value == null ? null : PersonName.parse(value);
    }

    public Attributes setPersonName(int tag, PersonName... names) {
        return setString(tag, VR.PN, Arrays.stream(names).map(PersonName::toString).toArray(String[]::new));
    }

    /** The tags of an AT element. */
    public int[] getTags(int tag) {
        return AttributeValues.tags(this, tag);
    }

    // Private data elements (PS3.5 §7.8).

    /**
     * The tag of private element {@code offset} (0x00-0xFF) in the block that {@code creator} reserved in the odd
     * {@code group}; if no block is reserved, reserves the first free one when {@code reserve} or returns -1.
     */
    public int privateTag(int group, String creator, int offset, boolean reserve) {
        return PrivateBlocks.tag(this, group, creator, offset, reserve);
    }

    /** The Private Creator that reserved the block of a private {@code tag}, or {@code null}. */
    public String privateCreatorOf(int tag) {
        return Tag.isPrivate(tag) && !Tag.isPrivateCreator(tag) ? getString(Tag.privateCreatorOf(tag)) : null;
    }

    @Override
    public String toString() {
        return "Attributes[" + size + " elements]";
    }
}
