package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * A window of modality values shown as the grey range (PS3.3 §C.11.2.1.2), e.g. centre 40, width 400 for CT soft
 * tissue.
 *
 * @param explanation the stored Window Center & Width Explanation, or empty
 */
public record Window(double center, double width, WindowFunction function, String explanation) {
    public Window {
        if (!(width > 0) || Double.isNaN(center) || Double.isInfinite(center) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("a window needs a finite centre and a width above 0, not " + center
                    + "/" + width);
        }
        if (function == WindowFunction.LINEAR && width < 1) {
            throw new IllegalArgumentException("a LINEAR window needs a width of at least 1, not " + width);
        }
        explanation = explanation == null ? "" : explanation;
    }

    public Window(double center, double width) {
        this(center, width, WindowFunction.LINEAR, "");
    }

    /** The windows stored in the image (Window Center and Width, with their explanations and function). */
    public static List<Window> presets(Attributes dataset) {
        List<Window> windows = new ArrayList<>();
        double[] centers;
        double[] widths;
        try {
            centers = dataset.getDoubles(Tags.WindowCenter);
            widths = dataset.getDoubles(Tags.WindowWidth);
        } catch (IllegalArgumentException e) {
            return windows; // numbers that are not numbers: no usable presets
        }
        String[] explanations = dataset.getStrings(Tags.WindowCenterWidthExplanation);
        WindowFunction function = WindowFunction.named(dataset.getString(Tags.VOILUTFunction));
        for (int i = 0; i < Math.min(centers.length, widths.length); i++) {
            try {
                windows.add(new Window(centers[i], widths[i], function,
                        i < explanations.length ? explanations[i].strip() : ""));
            } catch (IllegalArgumentException e) {
                // a stored window of width 0 is unusable; the others still are
            }
        }
        return windows;
    }

    /** A window over the whole range of modality values from {@code min} to {@code max}. */
    public static Window covering(double min, double max) {
        // LINEAR maps x <= center - 0.5 - (width - 1) / 2 to black and x > center - 0.5 + (width - 1) / 2 to white
        return new Window(min + (max - min + 1) / 2.0, Math.max(1, max - min + 1), WindowFunction.LINEAR, "");
    }

    /** The output for modality value {@code x} between {@code yMin} and {@code yMax} (not rounded). */
    public double apply(double x, double yMin, double yMax) {
        double range = yMax - yMin;
        return switch (function) {
            case LINEAR -> {
                double c = center - 0.5;
                double w = width - 1;
                if (x <= c - w / 2) {
                    yield yMin;
                } else if (x > c + w / 2) {
                    yield yMax;
                }
                yield ((x - c) / w + 0.5) * range + yMin;
            }
            case LINEAR_EXACT -> {
                if (x <= center - width / 2) {
                    yield yMin;
                } else if (x > center + width / 2) {
                    yield yMax;
                }
                yield ((x - center) / width + 0.5) * range + yMin;
            }
            case SIGMOID -> range / (1 + Math.exp(-4 * (x - center) / width)) + yMin;
        };
    }
}
