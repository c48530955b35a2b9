package io.hounsfield.dicomweb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Accept header (RFC 9110 §12.5.1) read leniently, as DICOMweb clients send it: parameter values quoted or not,
 * so that {@code multipart/related; type=application/octet-stream; transfer-syntax=*} (OHIF, where the unquoted
 * slash is not a token) is read like its quoted form. The media ranges come most preferred first (q-value, then
 * order); ranges with q=0 are left out, as are pieces that are no media range at all.
 */
final class AcceptHeader {
    /** One media range: type and subtype in lower case ({@code *} for any), its parameters unquoted, its q-value. */
    record MediaRange(String type, String subtype, Map<String, String> parameters, double quality) {
        /** Whether this range allows {@code type/subtype} (either may be a wildcard here). */
        boolean allows(String wantedType, String wantedSubtype) {
            return (type.equals("*") || type.equals(wantedType))
                    && (subtype.equals("*") || subtype.equals(wantedSubtype));
        }

        /** A parameter's value, or {@code null}; names are case-insensitive. */
        String parameter(String name) {
            return parameters.get(name.toLowerCase(Locale.ROOT));
        }

        boolean isWildcard() {
            return type.equals("*");
        }
    }

    private AcceptHeader() {
    }

    /** The ranges of {@code header}; no header (or a blank one) allows anything: a single {@code * / *}. */
    static List<MediaRange> parse(String header) {
        if (header == null || header.isBlank()) {
            return List.of(new MediaRange("*", "*", Map.of(), 1));
        }
        List<MediaRange> ranges = new ArrayList<>();
        for (String piece : split(header, ',')) {
            MediaRange range = range(piece);
            if (range != null && range.quality() > 0) {
                ranges.add(range);
            }
        }
        ranges.sort(Comparator.comparingDouble(MediaRange::quality).reversed());
        return ranges;
    }

    private static MediaRange range(String piece) {
        List<String> fields = split(piece, ';');
        String[] typeAndSubtype = fields.get(0).strip().toLowerCase(Locale.ROOT).split("/", -1);
        if (typeAndSubtype.length != 2 || typeAndSubtype[0].isEmpty() || typeAndSubtype[1].isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        double quality = 1;
        for (String field : fields.subList(1, fields.size())) {
            int equals = field.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = field.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = unquote(field.substring(equals + 1).strip());
            if (name.equals("q")) {
                quality = quality(value);
            } else {
                parameters.put(name, value);
            }
        }
        return new MediaRange(typeAndSubtype[0], typeAndSubtype[1], Map.copyOf(parameters), quality);
    }

    private static double quality(String value) {
        try {
            double q = Double.parseDouble(value);
            return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }

    /** {@code text} split at {@code separator} outside quoted strings. */
    private static List<String> split(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                piece.append(c);
                c = text.charAt(++i);
            } else if (c == separator && !quoted) {
                pieces.add(piece.toString());
                piece.setLength(0);
                continue;
            }
            piece.append(c);
        }
        pieces.add(piece.toString());
        return pieces;
    }
}
