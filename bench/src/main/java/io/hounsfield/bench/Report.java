package io.hounsfield.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Turns the {@code METRIC<TAB>SYSTEM<TAB>VALUE} lines of a {@code bench/run} into a Markdown table (on standard
 * output, one column per system and the Hounsfield/Orthanc ratio) and a PNG bar chart, each metric's bars scaled to
 * its largest value. Usage: {@code Report RESULTS_TSV CHART_PNG}.
 */
public final class Report {
    private static final List<String> SYSTEMS = List.of("Hounsfield", "Orthanc", "dcmtk", "storescp", "raw disk");
    private static final Color[] COLORS = {new Color(0xD9480F), new Color(0x1971C2), new Color(0x2F9E44),
        new Color(0x868E96), new Color(0x5F3DC4)};
    private static final int LABEL_WIDTH = 470;
    private static final int BAR_WIDTH = 520;
    private static final int BAR_HEIGHT = 13;

    private Report() {
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(arguments[0]))) {
            String[] cells = line.split("\t", 3);
            rows.computeIfAbsent(cells[0], key -> new LinkedHashMap<>()).put(cells[1], cells[2]);
        }
        List<String> systems = SYSTEMS.stream()
                .filter(system -> rows.values().stream().anyMatch(row -> row.containsKey(system))).toList();
        printTable(rows, systems);
        ImageIO.write(chart(rows, systems), "png", new File(arguments[1]));
    }

    private static void printTable(Map<String, Map<String, String>> rows, List<String> systems) {
        System.out.println("| what | " + String.join(" | ", systems) + " | Hounsfield ÷ Orthanc |");
        System.out.println("| --- |" + " ---: |".repeat(systems.size() + 1));
        rows.forEach((metric, row) -> {
            StringBuilder line = new StringBuilder("| " + metric + " |");
            systems.forEach(system -> line.append(' ').append(row.getOrDefault(system, "—")).append(" |"));
            Double hounsfield = number(row.get("Hounsfield"));
            Double orthanc = number(row.get("Orthanc"));
            line.append(hounsfield == null || orthanc == null || orthanc == 0 ? " — |"
                    : String.format(" %.2f |", hounsfield / orthanc));
            System.out.println(line);
        });
    }

    private static BufferedImage chart(Map<String, Map<String, String>> rows, List<String> systems) {
        List<String> metrics = new ArrayList<>();
        rows.forEach((metric, row) -> {
            if (systems.stream().filter(system -> number(row.get(system)) != null).count() >= 2) {
                metrics.add(metric);
            }
        });
        int rowHeight = systems.size() * (BAR_HEIGHT + 2) + 12;
        BufferedImage image = new BufferedImage(LABEL_WIDTH + BAR_WIDTH + 90, 50 + metrics.size() * rowHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        legend(graphics, systems);
        int top = 40;
        for (String metric : metrics) {
            drawMetric(graphics, metric, rows.get(metric), systems, top);
            top += rowHeight;
        }
        graphics.dispose();
        return image;
    }

    private static void legend(Graphics2D graphics, List<String> systems) {
        int x = 10;
        for (String system : systems) {
            graphics.setColor(COLORS[SYSTEMS.indexOf(system)]);
            graphics.fillRect(x, 12, 12, 12);
            graphics.setColor(Color.BLACK);
            graphics.drawString(system, x + 16, 22);
            x += 30 + graphics.getFontMetrics().stringWidth(system);
        }
        graphics.drawString("each metric scaled to its largest value (/s: higher is better; ms, s: lower is better)",
                x + 20, 22);
    }

    private static void drawMetric(Graphics2D graphics, String metric, Map<String, String> row, List<String> systems,
            int top) {
        double max = systems.stream().map(system -> number(row.get(system))).filter(value -> value != null)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        graphics.setColor(Color.BLACK);
        graphics.drawString(metric, 10, top + BAR_HEIGHT);
        int y = top;
        for (String system : systems) {
            Double value = number(row.get(system));
            if (value != null) {
                int length = (int) Math.max(1, BAR_WIDTH * value / (max == 0 ? 1 : max));
                graphics.setColor(COLORS[SYSTEMS.indexOf(system)]);
                graphics.fillRect(LABEL_WIDTH, y, length, BAR_HEIGHT);
                graphics.setColor(Color.DARK_GRAY);
                graphics.drawString(row.get(system), LABEL_WIDTH + length + 4, y + BAR_HEIGHT - 2);
            }
            y += BAR_HEIGHT + 2;
        }
        graphics.setColor(new Color(0xDEE2E6));
        graphics.setStroke(new BasicStroke(1));
        graphics.drawLine(10, y + 5, LABEL_WIDTH + BAR_WIDTH + 80, y + 5);
    }

    private static Double number(String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
