package io.hounsfield.dicom.image;

/** The VOI LUT Function of a window (PS3.3 §C.11.2.1.2-3). */
public enum WindowFunction {
    LINEAR, LINEAR_EXACT, SIGMOID;

    /** The function named by VOI LUT Function (0028,1056); LINEAR when absent or unknown. */
    public static WindowFunction named(String value) {
        if (value != null) {
            for (WindowFunction function : values()) {
                if (function.name().equals(value.strip())) {
                    return function;
                }
            }
        }
        return LINEAR;
    }
}
