package io.hounsfield.dose;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One content item of an SR document (PS3.3 §C.17.3, SR Document Content module): its concept name, value type,
 * value and children. The document's data set is itself the root item. Reading never throws on what a device wrote
 * wrong; it answers empty instead and the caller says what was missing.
 */
record ContentItem(Attributes attributes) {

    /** A coded concept (PS3.3 §8.8), matched on code value and coding scheme, never on the meaning. */
    record Code(String value, String scheme) {
        static Code dcm(String value) {
            return new Code(value, "DCM");
        }

        static Code sct(String value) {
            return new Code(value, "SCT");
        }
    }

    /** A NUM item's value with its UCUM unit code (PS3.3 §C.18.1); {@code number} empty if it is not a number. */
    record Measurement(Optional<BigDecimal> number, String unit, String raw) {
    }

    Optional<Code> concept() {
        return code(Tags.ConceptNameCodeSequence);
    }

    boolean is(Code code) {
        return concept().filter(code::equals).isPresent();
    }

    String valueType() {
        String type = attributes.getString(Tags.ValueType);
        return type == null ? "" : type.strip();
    }

    List<ContentItem> children() {
        Sequence content = attributes.getSequence(Tags.ContentSequence);
        List<ContentItem> children = new ArrayList<>();
        if (content != null) {
            for (Attributes item : content) {
                children.add(new ContentItem(item));
            }
        }
        return children;
    }

    /** The first child with this concept, in document order. */
    Optional<ContentItem> child(Code code) {
        return children().stream().filter(child -> child.is(code)).findFirst();
    }

    /**
     * The items with this concept at any depth below this one, in document order; the children of a match are not
     * searched (a container is not found inside another of its kind).
     */
    List<ContentItem> descendants(Code code) {
        List<ContentItem> found = new ArrayList<>();
        for (ContentItem child : children()) {
            if (child.is(code)) {
                found.add(child);
            } else {
                found.addAll(child.descendants(code));
            }
        }
        return found;
    }

    /** The first item with this concept below this one, depth first. */
    Optional<ContentItem> descendant(Code code) {
        List<ContentItem> found = descendants(code);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The value of a CODE item. */
    Optional<Code> codeValue() {
        return code(Tags.ConceptCodeSequence);
    }

    /** The value of a UIDREF item. */
    Optional<String> uid() {
        return text(Tags.UID);
    }

    /** The value of a TEXT item. */
    Optional<String> textValue() {
        return text(Tags.TextValue);
    }

    /** The value of a NUM item; empty when it has no Measured Value Sequence item. */
    Optional<Measurement> measurement() {
        Sequence measured = attributes.getSequence(Tags.MeasuredValueSequence);
        if (measured == null || measured.isEmpty()) {
            return Optional.empty();
        }
        Attributes value = measured.get(0);
        String raw = safeString(value, Tags.NumericValue);
        Optional<BigDecimal> number = Optional.empty();
        if (raw != null && !raw.isBlank()) {
            try {
                number = Optional.of(new BigDecimal(raw.strip()));
            } catch (NumberFormatException notANumber) {
                number = Optional.empty();
            }
        }
        Sequence units = value.getSequence(Tags.MeasurementUnitsCodeSequence);
        String unit = null;
        if (units != null && !units.isEmpty()) {
            unit = safeString(units.get(0), Tags.CodeValue);
            if (unit == null || unit.isBlank()) {
                unit = safeString(units.get(0), Tags.CodeMeaning);
            }
        }
        return Optional.of(new Measurement(number, unit == null ? null : unit.strip(), raw));
    }

    private Optional<Code> code(int sequenceTag) {
        Sequence sequence = attributes.getSequence(sequenceTag);
        if (sequence == null || sequence.isEmpty()) {
            return Optional.empty();
        }
        Attributes item = sequence.get(0);
        String value = safeString(item, Tags.CodeValue);
        String scheme = safeString(item, Tags.CodingSchemeDesignator);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Code(value.strip(), scheme == null ? "" : scheme.strip()));
    }

    private Optional<String> text(int tag) {
        String value = safeString(attributes, tag);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String safeString(Attributes attributes, int tag) {
        try {
            return attributes.getString(tag);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
