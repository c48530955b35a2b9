package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.image.ImageRenderer;
import io.hounsfield.dicom.image.NotDecodableException;
import io.hounsfield.dicom.image.PixelDataException;
import io.hounsfield.dicom.image.PixelDataFiles;
import io.hounsfield.dicom.image.Rendering;
import io.hounsfield.dicom.image.Viewport;
import io.hounsfield.dicom.image.Window;
import io.hounsfield.dicom.image.WindowFunction;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * A stored frame rendered by the toolkit ({@link ImageRenderer}) as JPEG or PNG, for Retrieve Rendered, thumbnails
 * and WADO-URI. Parameters are parsed here once (window, viewport, quality) and bad ones are 400 with the reason;
 * frames out of range are 404, syntaxes the toolkit cannot decode 406 naming the syntax.
 */
final class RenderedImages {
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final float DEFAULT_QUALITY = 0.9f;

    private RenderedImages() {
    }

    /** Frame {@code frame} (from 1) of {@code file} as {@code mediaType} (JPEG or PNG), written to the response. */
    static void write(StoredFile file, int frame, String mediaType, Rendering rendering, float quality,
            HttpServletResponse response) throws IOException {
        byte[] image = render(file, frame, mediaType, rendering, quality);
        response.setContentType(mediaType);
        response.setContentLength(image.length);
        response.getOutputStream().write(image);
    }

    static byte[] render(StoredFile file, int frame, String mediaType, Rendering rendering, float quality)
            throws IOException {
        ImageRenderer renderer = open(file);
        int frames = renderer.pixelData().frameCount();
        if (frame < 1 || frame > frames) {
            throw new HounsfieldException(Failure.NOT_FOUND, "frame " + frame + " does not exist: the instance has "
                    + frames + (frames == 1 ? " frame" : " frames"));
        }
        return encode(renderer, frame, mediaType, rendering, quality);
    }

    /** The renderer of {@code file}, its pixel data left on disk; 406 with the reason if it has none to render. */
    static ImageRenderer open(StoredFile file) throws IOException {
        try {
            return ImageRenderer.of(PixelDataFiles.read(file.localCopy()));
        } catch (NotDecodableException e) {
            throw notDecodable(e);
        } catch (PixelDataException e) {
            throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "the instance cannot be rendered: "
                    + e.getMessage());
        }
    }

    /** Frame {@code frame} (which exists) rendered and encoded as {@code mediaType}. */
    static byte[] encode(ImageRenderer renderer, int frame, String mediaType, Rendering rendering, float quality)
            throws IOException {
        try {
            return PNG.equals(mediaType) ? renderer.png(frame, rendering) : renderer.jpeg(frame, rendering, quality);
        } catch (NotDecodableException e) {
            throw notDecodable(e);
        } catch (PixelDataException e) {
            throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "frame " + frame + " cannot be rendered: "
                    + e.getMessage());
        }
    }

    private static HounsfieldException notDecodable(NotDecodableException e) {
        return new HounsfieldException(Failure.NOT_ACCEPTABLE, "the instance's pixels are compressed in a way "
                + "that cannot be turned into a picture here (" + e.getMessage() + "); retrieve the instance");
    }

    /** DICOMweb {@code window=center,width[,function]} (PS3.18 §8.3.5.1.3); {@code null} when absent. */
    static Window window(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw invalid("window must be center,width[,function], not " + value);
        }
        WindowFunction function = WindowFunction.LINEAR;
        if (parts.length == 3) {
            function = switch (parts[2].strip().toLowerCase(Locale.ROOT)) {
                case "linear" -> WindowFunction.LINEAR;
                case "linear-exact" -> WindowFunction.LINEAR_EXACT;
                case "sigmoid" -> WindowFunction.SIGMOID;
                default -> throw invalid("the window function must be linear, linear-exact or sigmoid, not "
                        + parts[2].strip());
            };
        }
        return window(parts[0], parts[1], function);
    }

    static Window window(String center, String width, WindowFunction function) {
        try {
            return new Window(number(center, "window center"), number(width, "window width"), function, "");
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** DICOMweb {@code viewport=width,height} (the optional source region is not supported); {@code null} absent. */
    static Viewport viewport(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != 2) {
            throw invalid("viewport must be width,height (a source region is not supported), not " + value);
        }
        return viewport(parts[0], parts[1]);
    }

    static Viewport viewport(String width, String height) {
        try {
            return new Viewport(integer(width, "viewport width"), integer(height, "viewport height"));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** {@code quality} 1..100 as the toolkit's 0..1; the default when absent. */
    static float quality(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_QUALITY;
        }
        int quality = integer(value, "quality");
        if (quality < 1 || quality > 100) {
            throw invalid("quality must be from 1 to 100, not " + quality);
        }
        return quality / 100f;
    }

    static int integer(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a whole number, not " + value.strip());
        }
    }

    private static double number(String value, String name) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a number, not " + value.strip());
        }
    }

    private static HounsfieldException invalid(String reason) {
        return new HounsfieldException(Failure.INVALID_INPUT, reason);
    }
}
