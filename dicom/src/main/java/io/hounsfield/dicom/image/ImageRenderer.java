package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.TransferSyntax;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/**
 * Renders the frames of one image for display (PS3.4 §N.2 greyscale pipeline): stored values through the modality
 * LUT, the VOI window or LUT, and the presentation (MONOCHROME1 and Presentation LUT Shape INVERSE invert) to
 * 8-bit grey; colour images to 8-bit RGB. Optionally scaled to a viewport.
 */
public final class ImageRenderer {
    private final Attributes dataset;
    private final PixelData pixels;

    private ImageRenderer(Attributes dataset, PixelData pixels) {
        this.dataset = dataset;
        this.pixels = pixels;
    }

    public static ImageRenderer of(DicomFile file) throws IOException {
        return of(file.dataset(), file.transferSyntax());
    }

    public static ImageRenderer of(Attributes dataset, TransferSyntax syntax) throws IOException {
        return new ImageRenderer(dataset, PixelData.of(dataset, syntax));
    }

    public PixelData pixelData() {
        return pixels;
    }

    /** The modality LUT of frame {@code frameNumber} (enhanced images may rescale each frame differently). */
    public ModalityLut modalityLut(int frameNumber) throws PixelDataException {
        return pixels.description().monochrome() ? ModalityLut.of(FrameAttributes.of(dataset, frameNumber))
                : ModalityLut.identity();
    }

    /** The windows stored for frame {@code frameNumber}, for a viewer's presets; empty for colour images. */
    public List<Window> presets(int frameNumber) {
        return pixels.description().monochrome() ? Window.presets(FrameAttributes.of(dataset, frameNumber))
                : List.of();
    }

    /**
     * The window used for frame {@code frameNumber} when none is asked for: the first stored one, else one over
     * the modality values of {@code raster} (that frame decoded).
     */
    public Window defaultWindow(int frameNumber, Raster raster) throws PixelDataException {
        List<Window> presets = presets(frameNumber);
        if (!presets.isEmpty()) {
            return presets.get(0);
        }
        ModalityLut modalityLut = modalityLut(frameNumber);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < raster.length(); i += raster.samplesPerPixel()) {
            double value = modalityLut.apply(raster.value(i));
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return Window.covering(min, max);
    }

    /** Frame {@code frameNumber} (from 1) rendered. */
    public BufferedImage render(int frameNumber, Rendering rendering) throws IOException {
        return render(frameNumber, pixels.decode(frameNumber), rendering);
    }

    /** Frame {@code frameNumber}, decoded already as {@code raster}, rendered. */
    public BufferedImage render(int frameNumber, Raster raster, Rendering rendering) throws PixelDataException {
        BufferedImage image = raster.samplesPerPixel() == 1 && !raster.photometric().equals("PALETTE COLOR")
                ? grey(FrameAttributes.of(dataset, frameNumber), frameNumber, raster, rendering)
                : colour(ColourConversion.toRgb(raster, dataset), rendering.invert());
        return rendering.viewport() == null ? image : scaled(image, rendering.viewport());
    }

    public byte[] png(int frameNumber, Rendering rendering) throws IOException {
        return ImageEncoder.png(render(frameNumber, rendering));
    }

    /** JPEG of the rendered frame at {@code quality} from 0 (smallest) to 1 (best). */
    public byte[] jpeg(int frameNumber, Rendering rendering, float quality) throws IOException {
        return ImageEncoder.jpeg(render(frameNumber, rendering), quality);
    }

    private BufferedImage grey(Attributes frame, int frameNumber, Raster raster, Rendering rendering)
            throws PixelDataException {
        ModalityLut modalityLut = ModalityLut.of(frame);
        Window window = rendering.window();
        List<VoiLut> voiLuts = VoiLut.of(frame);
        VoiLut voiLut = window == null && Window.presets(frame).isEmpty() && !voiLuts.isEmpty() ? voiLuts.get(0)
                : null;
        if (window == null && voiLut == null) {
            window = defaultWindow(frameNumber, raster);
        }
        boolean invert = raster.photometric().equals("MONOCHROME1")
                ^ "INVERSE".equals(strip(frame.getString(Tags.PresentationLUTShape))) ^ rendering.invert();
        long[] range = raster.range();
        int[] table = null;
        if (range[1] - range[0] < 1 << 16) {
            table = new int[(int) (range[1] - range[0] + 1)];
            for (int i = 0; i < table.length; i++) {
                table[i] = grey(modalityLut, range[0] + i, window, voiLut, invert);
            }
        }
        BufferedImage image = new BufferedImage(raster.columns(), raster.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < out.length; i++) {
            long stored = raster.value(i);
            out[i] = (byte) (table != null ? table[(int) (stored - range[0])]
                    : grey(modalityLut, stored, window, voiLut, invert));
        }
        return image;
    }

    private static int grey(ModalityLut modalityLut, long stored, Window window, VoiLut voiLut, boolean invert) {
        double modality = modalityLut.apply(stored);
        double y = voiLut != null ? voiLut.apply(modality, 255) : window.apply(modality, 0, 255);
        int grey = (int) Math.max(0, Math.min(255, Math.round(y)));
        return invert ? 255 - grey : grey;
    }

    private static BufferedImage colour(Raster rgb, boolean invert) {
        int shift = Math.max(0, rgb.bitsStored() - 8);
        BufferedImage image = new BufferedImage(rgb.columns(), rgb.rows(), BufferedImage.TYPE_INT_RGB);
        int[] out = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < out.length; p++) {
            int r = (int) (rgb.value(3 * p) >>> shift) & 0xFF;
            int g = (int) (rgb.value(3 * p + 1) >>> shift) & 0xFF;
            int b = (int) (rgb.value(3 * p + 2) >>> shift) & 0xFF;
            int pixel = r << 16 | g << 8 | b;
            out[p] = invert ? ~pixel & 0xFFFFFF : pixel;
        }
        return image;
    }

    private static BufferedImage scaled(BufferedImage image, Viewport viewport) {
        int[] size = viewport.fit(image.getWidth(), image.getHeight());
        if (size[0] == image.getWidth() && size[1] == image.getHeight()) {
            return image;
        }
        BufferedImage scaled = new BufferedImage(size[0], size[1], image.getType());
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, size[0], size[1], null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
