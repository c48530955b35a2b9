package io.hounsfield.dicom.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns dcmdump's output into element lines keyed by nesting path, ignoring what legitimately changes when a data set
 * is re-encoded: lengths, delimitation items, and whether sequences and items had explicit or undefined length.
 */
final class DcmdumpListing {
    private static final Pattern LINE = Pattern.compile(
            "^( *)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\S\\S) (.*?) *# *\\S+, *(\\d+) .*$");

    private DcmdumpListing() {
    }

    static Map<String, ElementLine> parse(String output) {
        Map<String, ElementLine> lines = new LinkedHashMap<>();
        String[] parents = new String[64];
        int[] itemCounts = new int[64];
        boolean inDataSet = false;
        for (String line : output.split("\n")) {
            if (line.startsWith("# Dicom-Data-Set")) {
                inDataSet = true;
            }
            Matcher matcher = LINE.matcher(line);
            if (!inDataSet || !matcher.matches()) {
                continue;
            }
            int depth = Math.min(matcher.group(1).length() / 2, 63);
            String tag = (matcher.group(2) + matcher.group(3)).toUpperCase();
            if (tag.startsWith("FFFEE0")) {
                if (tag.equals("FFFEE000") && depth > 0 && parents[depth - 1] != null) {
                    parents[depth] = parents[depth - 1] + "/" + itemCounts[depth - 1]++ + "/";
                }
                continue;
            }
            String path = (depth > 0 && parents[depth - 1] != null ? parents[depth - 1] : "") + tag;
            String value = matcher.group(5).replaceAll("\\((Sequence|Item) with (explicit|undefined) length", "($1")
                    + " vm=" + matcher.group(6);
            lines.put(path, new ElementLine(path, matcher.group(4), value));
            parents[depth] = path;
            itemCounts[depth] = 0;
        }
        return lines;
    }
}
