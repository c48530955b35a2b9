package io.hounsfield.system;

import java.time.Duration;

/** The parts of a command's progress line: a bar, and the time left at the pace so far. */
public final class ProgressBar {
    private static final int WIDTH = 24;

    private ProgressBar() {
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
