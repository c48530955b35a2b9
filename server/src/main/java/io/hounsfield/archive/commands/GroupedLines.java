package io.hounsfield.archive.commands;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** What a command reports by group: a heading with its count, the first few lines, and how many more there are. */
final class GroupedLines {
    private GroupedLines() {
    }

    static void print(PrintStream out, Map<String, List<String>> groups, int shownPerGroup) {
        groups.forEach((heading, lines) -> {
            out.printf("%s: %,d%n", heading, lines.size());
            lines.stream().limit(shownPerGroup).forEach(line -> out.println("    " + line));
            if (lines.size() > shownPerGroup) {
                out.printf("    ... and %,d more%n", lines.size() - shownPerGroup);
            }
        });
    }
}
