package io.hounsfield.equipment.web;

import io.hounsfield.equipment.Uptime;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Uptime per unit as horizontal bars in an SVG (no inline styles: the CSP forbids them). */
record UptimeChart(List<Bar> bars, int height) {

    static final int WIDTH = 400;
    static final int ROW = 24;
    static final int LABEL = 110;

    /** One unit's bar; {@code up} its green length, {@code y} its row. */
    record Bar(String name, double percent, double up, int y, String text, String downtime) {
    }

    static UptimeChart of(List<Uptime> uptimes) {
        List<Bar> bars = IntStream.range(0, uptimes.size()).mapToObj(i -> bar(uptimes.get(i), i)).toList();
        return new UptimeChart(bars, Math.max(ROW, bars.size() * ROW));
    }

    private static Bar bar(Uptime uptime, int index) {
        double percent = uptime.percent();
        long minutes = uptime.down().toMinutes();
        String downtime = minutes == 0 ? "no downtime" : minutes < 60 ? minutes + " min down"
                : String.format(Locale.ROOT, "%d h %02d min down", minutes / 60, minutes % 60);
        return new Bar(uptime.name(), percent, WIDTH * percent / 100, index * ROW,
                String.format(Locale.ROOT, "%.1f %%", Math.floor(percent * 10) / 10), downtime);
    }

    public int width() {
        return LABEL + WIDTH + 150;
    }

    public int label() {
        return LABEL;
    }

    public int barWidth() {
        return WIDTH;
    }
}
