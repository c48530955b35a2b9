package io.hounsfield.dicom.data;

/**
 * A Person Name (PN) value: up to three component groups (alphabetic, ideographic, phonetic) separated by '=', each
 * of five components separated by '^' (PS3.5 §6.2.1).
 */
public record PersonName(Components alphabetic, Components ideographic, Components phonetic) {

    /** The five components of one group: family, given, middle, prefix and suffix (PS3.5 §6.2.1.1). */
    public record Components(String family, String given, String middle, String prefix, String suffix) {
        public static final Components EMPTY = new Components("", "", "", "", "");

        public Components {
            family = family == null ? "" : family;
            given = given == null ? "" : given;
            middle = middle == null ? "" : middle;
            prefix = prefix == null ? "" : prefix;
            suffix = suffix == null ? "" : suffix;
        }

        static Components parse(String group) {
            String[] parts = group.split("\\^", -1);
            return new Components(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3), part(parts, 4));
        }

        private static String part(String[] parts, int index) {
            return index < parts.length ? parts[index].strip() : "";
        }

        public boolean isEmpty() {
            return (family + given + middle + prefix + suffix).isEmpty();
        }

        /** The group as encoded, without trailing empty components (PS3.5 §6.2.1.1). */
        @Override
        public String toString() {
            String[] parts = {family, given, middle, prefix, suffix};
            int last = parts.length;
            while (last > 0 && parts[last - 1].isEmpty()) {
                last--;
            }
            return String.join("^", java.util.Arrays.copyOf(parts, last));
        }
    }

    public PersonName {
        alphabetic = alphabetic == null ? Components.EMPTY : alphabetic;
        ideographic = ideographic == null ? Components.EMPTY : ideographic;
        phonetic = phonetic == null ? Components.EMPTY : phonetic;
    }

    /** A name with only the alphabetic group. */
    public static PersonName of(String family, String given) {
        return new PersonName(new Components(family, given, "", "", ""), null, null);
    }

    /** Parses one PN value, e.g. {@code Yamada^Tarou=山田^太郎=やまだ^たろう}. */
    public static PersonName parse(String value) {
        String[] groups = value.split("=", -1);
        return new PersonName(
                groups.length > 0 ? Components.parse(groups[0]) : null,
                groups.length > 1 ? Components.parse(groups[1]) : null,
                groups.length > 2 ? Components.parse(groups[2]) : null);
    }

    /** The value as encoded, without trailing empty groups (PS3.5 §6.2.1). */
    @Override
    public String toString() {
        String[] groups = {alphabetic.toString(), ideographic.toString(), phonetic.toString()};
        int last = groups.length;
        while (last > 1 && groups[last - 1].isEmpty()) {
            last--;
        }
        return String.join("=", java.util.Arrays.copyOf(groups, last));
    }
}
