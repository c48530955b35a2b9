package io.hounsfield.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest methods of a JFR recording, from its {@code jdk.ExecutionSample} events (as {@code jfr print --events
 * jdk.ExecutionSample} lists them): by top frame (where the CPU was), and by the first Hounsfield frame on the stack
 * (which of our code caused it). Prints Markdown. Usage: {@code JfrTop RECORDING.jfr [N]}.
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] arguments) throws Exception {
        int limit = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 25;
        Map<String, Integer> byTopFrame = new HashMap<>();
        Map<String, Integer> byOwnFrame = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(arguments[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            byTopFrame.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream().filter(frame -> frame.getMethod().getType().getName().startsWith("io.hounsfield."))
                    .findFirst().ifPresent(frame -> byOwnFrame.merge(name(frame), 1, Integer::sum));
        }
        System.out.printf("# Hottest methods in %s%n%n%d execution samples.%n%n", Path.of(arguments[0]).getFileName(),
                samples);
        print("Top frame (self time)", byTopFrame, samples, limit);
        print("First Hounsfield frame on the stack (inclusive)", byOwnFrame, samples, limit);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.printf("## %s%n%n| samples | %% | method |%n| ---: | ---: | --- |%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> System.out.printf("| %d | %.1f | `%s` |%n", entry.getValue(),
                        100.0 * entry.getValue() / Math.max(1, samples), entry.getKey()));
        System.out.println();
    }
}
