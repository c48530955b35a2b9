package io.hounsfield.dicomweb;

import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.ElementDictionary;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of a QIDO-RS request (PS3.18 §8.3.4): {@code {attributeID}={value}} matching by keyword or
 * tag (§8.3.4.1; a UID list, or Modalities in Study as a list, separated by commas or backslashes),
 * {@code includefield} (§8.3.4.3, {@code all} or attribute IDs, repeated or comma-separated), {@code limit} and
 * {@code offset} (§8.3.4.4), {@code fuzzymatching} (§8.3.4.2); {@code accept} (§8.3.3.1) is the Accept header's
 * ({@link AcceptQueryParameter}). Anything else, or a value that is not one, is a 400.
 */
record QidoParameters(Map<Integer, String[]> matching, Set<Integer> includeFields, boolean includeAll, int limit,
        int offset, boolean fuzzyMatching) {
    /** The most matches one response carries; more are paged with limit and offset. */
    static final int MAX_LIMIT = 1000;
    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");

    static QidoParameters parse(MultiValueMap<String, String> query) {
        Map<Integer, String[]> matching = new LinkedHashMap<>();
        Set<Integer> includeFields = new LinkedHashSet<>();
        boolean includeAll = false;
        int limit = MAX_LIMIT;
        int offset = 0;
        boolean fuzzy = false;
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            switch (name) {
                case "includefield" -> {
                    for (String field : split(values)) {
                        if (field.equals("all")) {
                            includeAll = true;
                        } else {
                            includeFields.add(attribute(field));
                        }
                    }
                }
                case "limit" -> limit = Math.min(number(name, single(name, values), 1), MAX_LIMIT);
                case "offset" -> offset = number(name, single(name, values), 0);
                case "fuzzymatching" -> fuzzy = bool(name, single(name, values));
                case AcceptQueryParameter.NAME -> {
                    // the Accept header's stand-in (§8.3.3.1), already taken as that header
                }
                default -> {
                    int tag = attribute(name);
                    matching.put(tag, values(tag, values));
                }
            }
        }
        return new QidoParameters(matching, includeFields, includeAll, limit, offset, fuzzy);
    }

    /** The tag an attribute ID names: a keyword of PS3.6 or eight hex digits (§8.3.4.1). */
    static int attribute(String id) {
        if (id.contains(".")) {
            throw invalid("matching or including attributes in sequences (" + id + ") is not supported");
        }
        if (TAG.matcher(id).matches()) {
            return Integer.parseUnsignedInt(id, 16);
        }
        int tag = ElementDictionary.tagOf(id);
        if (tag == -1) {
            throw invalid("unknown query parameter or attribute: " + id);
        }
        return tag;
    }

    private static String[] values(int tag, List<String> values) {
        if (ElementDictionary.vrOf(tag) == VR.UI || tag == Tags.ModalitiesInStudy) {
            return split(values).toArray(String[]::new);
        }
        String value = single(ElementDictionary.keywordOf(tag), values);
        return value.isEmpty() ? new String[0] : new String[] {value};
    }

    private static List<String> split(List<String> values) {
        List<String> parts = new ArrayList<>();
        for (String value : values) {
            Arrays.stream(value.split("[,\\\\]")).map(String::strip).filter(part -> !part.isEmpty())
                    .forEach(parts::add);
        }
        return parts;
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw invalid(name + " is given " + values.size() + " times");
        }
        return values.get(0) == null ? "" : values.get(0);
    }

    private static int number(String name, String value, int minimum) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name + " must be a whole number of at least " + minimum + ", not '" + value + "'");
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name + " must be true or false, not '" + value + "'");
        };
    }

    static HounsfieldException invalid(String reason) {
        return new HounsfieldException(Failure.INVALID_INPUT, reason);
    }
}
