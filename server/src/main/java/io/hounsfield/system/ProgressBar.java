package io.hounsfield.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A command's progress line: redrawn in place a few times a second on a terminal, written every few seconds into a
 * file or pipe, and always once at the end; with the parts such lines are made of (a bar, the time left).
 */
public final class ProgressBar {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final long redrawNanos;
    private long drawnAt = System.nanoTime();

    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.redrawNanos = (terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5)).toNanos();
    }

    /** Shows {@code line} if it is time to, or if it is the {@code last}. */
    public synchronized void show(Supplier<String> line, boolean last) {
        long now = System.nanoTime();
        if (now - drawnAt >= redrawNanos || last) {
            drawnAt = now;
            out.print((terminal ? "\r" : "") + line.get() + (terminal && !last ? "" : System.lineSeparator()));
            out.flush();
        }
    }

    /** E.g. {@code  45% [===========             ]}. */
    public static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        return String.format("%3d%% [%s%s]", Math.round(fraction * 100), "=".repeat(filled), " ".repeat(WIDTH - filled));
    }

    /** The time left when {@code fraction} is done after {@code elapsed}, as a clock; {@code -:--} before a start. */
    public static String eta(Duration elapsed, double fraction) {
        double seconds = elapsed.toNanos() / 1e9;
        return fraction > 0 && fraction < 1 ? clock(Duration.ofSeconds(Math.round(seconds / fraction - seconds)))
                : "-:--";
    }

    public static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
