package io.hounsfield.dicom.image;

/**
 * How to render a frame: the window (none: the image's first stored window, else its first VOI LUT, else the range
 * of its pixel values), whether to invert the greys on top of what the image asks, and an optional viewport.
 */
public record Rendering(Window window, boolean invert, Viewport viewport) {
    private static final Rendering DEFAULT = new Rendering(null, false, null);

    public static Rendering defaults() {
        return DEFAULT;
    }

    public Rendering withWindow(Window value) {
        return new Rendering(value, invert, viewport);
    }

    public Rendering withInvert(boolean value) {
        return new Rendering(window, value, viewport);
    }

    public Rendering withViewport(Viewport value) {
        return new Rendering(window, invert, value);
    }
}
