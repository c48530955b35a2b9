package io.hounsfield.archive.commands;

import io.hounsfield.archive.store.StoreVerification;
import io.hounsfield.system.Command;
import io.hounsfield.system.Count;
import java.io.PrintStream;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar hounsfield.jar verify}: checks the image store against the index and lists what disagrees, by
 * kind. Exit code 0 when store and index agree, 1 otherwise.
 */
@Component
class VerifyCommand implements Command {
    private static final int SHOWN_PER_KIND = 20;
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final StoreVerification verification;

    VerifyCommand(StoreVerification verification) {
        this.verification = verification;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String usage() {
        return "verify       check the image store against the index (changes nothing)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws Exception {
        long[] lastReport = {System.nanoTime()};
        StoreVerification.Report report = verification.verify(checked -> {
            if (System.nanoTime() - lastReport[0] > PROGRESS_EVERY_NANOS) {
                lastReport[0] = System.nanoTime();
                out.printf("%,d index rows checked%n", checked);
            }
        });
        out.printf("%,d index rows and %,d instance files checked: %s.%n", report.rowsChecked(), report.filesChecked(),
                report.problems().isEmpty() ? "store and index agree" : Count.of(report.problems().size(), "problem", "problems"));
        GroupedLines.print(out, report.problems().stream().collect(Collectors.groupingBy(
                problem -> problem.kind().description, TreeMap::new, Collectors.mapping(problem -> problem.file()
                        + (problem.detail() == null ? "" : " (" + problem.detail() + ")"), Collectors.toList()))),
                SHOWN_PER_KIND);
        return report.problems().isEmpty() ? 0 : 1;
    }
}
