package io.hounsfield.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest methods of a JFR recording: CPU from its {@code jdk.ExecutionSample} events (as {@code jfr print
 * --events jdk.ExecutionSample} lists them) by top frame and by the first Hounsfield frame on the stack; and the time
 * spent waiting in Hounsfield code (fsync, file and socket I/O such as database calls, parking, monitors; not idle
 * threads, nor associations waiting for their peer) by event type and first Hounsfield frame. Prints
 * Markdown. Usage: {@code JfrTop RECORDING.jfr [N]}.
 */
public final class JfrTop {
    private static final Set<String> WAITS = Set.of("jdk.FileForce", "jdk.FileRead", "jdk.FileWrite",
            "jdk.SocketRead", "jdk.SocketWrite", "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait");
    /** An association waiting for its peer's next PDU: idle, not work. */
    private static final String IDLE_READ = "io.hounsfield.dicom.net.pdu.PduReader.read";

    private final Map<String, Double> byTopFrame = new HashMap<>();
    private final Map<String, Double> byOwnFrame = new HashMap<>();
    private final Map<String, Double> waitByType = new HashMap<>();
    private final Map<String, Double> waitByOwnFrame = new HashMap<>();
    private int samples;

    private JfrTop() {
    }

    public static void main(String[] arguments) throws Exception {
        int limit = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 25;
        JfrTop top = new JfrTop();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(arguments[0]))) {
            top.add(event);
        }
        System.out.printf("# Hottest methods in %s%n%n%d execution samples (one per 10-20 ms of a running Java thread).%n%n",
                Path.of(arguments[0]).getFileName(), top.samples);
        print("CPU: top frame (self)", "samples", top.byTopFrame, top.samples, limit);
        print("CPU: first Hounsfield frame on the stack (inclusive)", "samples", top.byOwnFrame, top.samples, limit);
        double waited = top.waitByType.values().stream().mapToDouble(Double::doubleValue).sum();
        print("Waiting: by event type", "ms", top.waitByType, waited, limit);
        print("Waiting: by first Hounsfield frame on the stack", "ms", top.waitByOwnFrame, waited, limit);
    }

    private void add(RecordedEvent event) {
        String type = event.getEventType().getName();
        if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
            return;
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        String own = frames.stream().filter(frame -> frame.getMethod().getType().getName().startsWith("io.hounsfield."))
                .findFirst().map(JfrTop::name).orElse("(no Hounsfield frame)");
        if (type.equals("jdk.ExecutionSample")) {
            samples++;
            byTopFrame.merge(name(frames.get(0)), 1.0, Double::sum);
            byOwnFrame.merge(own, 1.0, Double::sum);
        } else if (WAITS.contains(type) && !own.startsWith("(") && !own.equals(IDLE_READ)) {
            double millis = event.getDuration().toNanos() / 1e6;
            waitByType.merge(type, millis, Double::sum);
            waitByOwnFrame.merge(own + " (" + type.substring(4) + ")", millis, Double::sum);
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, String unit, Map<String, Double> counts, double total, int limit) {
        System.out.printf("## %s%n%n| %s | %% | where |%n| ---: | ---: | --- |%n", title, unit);
        counts.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> System.out.printf("| %.0f | %.1f | `%s` |%n", entry.getValue(),
                        100.0 * entry.getValue() / Math.max(1, total), entry.getKey()));
        System.out.println();
    }
}
