package io.hounsfield.dicom.conformance;

/** Compares canonical element listings line by line. */
final class CanonicalDiff {
    private CanonicalDiff() {
    }

    /** The first differing line pair, or {@code null} if equal. */
    static String first(String expected, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        String[] left = expected.split("\n", -1);
        String[] right = actual.split("\n", -1);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String a = i < left.length ? left[i] : "<none>";
            String b = i < right.length ? right[i] : "<none>";
            if (!a.equals(b)) {
                return "line " + (i + 1) + " expected <" + shorten(a) + "> but was <" + shorten(b) + ">";
            }
        }
        return "differs";
    }

    private static String shorten(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
