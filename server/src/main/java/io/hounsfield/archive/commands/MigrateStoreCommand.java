package io.hounsfield.archive.commands;

import io.hounsfield.archive.store.StoreMigration;
import io.hounsfield.system.Command;
import io.hounsfield.system.ProgressBar;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar hounsfield.jar migrate-store}: moves the files of a store made with the older layout
 * ({@code <study>/<series>/<instance>.dcm}) to the current one, with a progress line. Safe to interrupt and run again.
 */
@Component
class MigrateStoreCommand implements Command {
    private final StoreMigration migration;

    MigrateStoreCommand(StoreMigration migration) {
        this.migration = migration;
    }

    @Override
    public String name() {
        return "migrate-store";
    }

    @Override
    public String usage() {
        return "migrate-store  move the files of an older store to the current layout (the server must be stopped)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws Exception {
        int total = migration.remaining();
        if (total == 0) {
            out.println("The store already has the current layout: nothing to move.");
            return 0;
        }
        out.printf("Moving %,d instance files to the current layout%n", total);
        ProgressBar progress = new ProgressBar(out, System.console() != null);
        long startedAt = System.nanoTime();
        int moved = migration.migrate(count -> progress.show(() -> {
            double fraction = (double) count / total;
            return String.format("%,d/%,d files %s ETA %s", count, total, ProgressBar.bar(fraction),
                    ProgressBar.eta(Duration.ofNanos(System.nanoTime() - startedAt), fraction));
        }, count == total));
        out.printf("Done in %s: %,d files moved.%n", ProgressBar.clock(Duration.ofNanos(System.nanoTime() - startedAt)),
                moved);
        return 0;
    }
}
