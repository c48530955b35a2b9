package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;

/** Colour rasters to RGB: YBR_FULL (PS3.3 §C.7.6.3.1.2) and PALETTE COLOR through the palette (§C.7.6.3.1.5-6). */
public final class ColourConversion {
    private ColourConversion() {
    }

    /**
     * The RGB values of {@code raster}: RGB as is, YBR_FULL converted (8-bit), PALETTE COLOR looked up in the
     * palette of {@code dataset} (the raster's bits become the palette's entry bits).
     */
    public static Raster toRgb(Raster raster, Attributes dataset) throws PixelDataException {
        return switch (raster.photometric()) {
            case "RGB" -> raster;
            case "YBR_FULL" -> ybrFullToRgb(raster);
            case "PALETTE COLOR" -> palette(raster, dataset);
            default -> throw new PixelDataException("a " + raster.photometric() + " image has no RGB form here");
        };
    }

    private static Raster ybrFullToRgb(Raster raster) {
        int max = (1 << raster.bitsStored()) - 1;
        double half = (max + 1) / 2.0;
        int[] in = raster.samples();
        int[] out = new int[in.length];
        for (int i = 0; i < in.length; i += 3) {
            double y = in[i];
            double cb = in[i + 1] - half;
            double cr = in[i + 2] - half;
            out[i] = clamp(y + 1.402 * cr, max);
            out[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr, max);
            out[i + 2] = clamp(y + 1.772 * cb, max);
        }
        return new Raster(raster.rows(), raster.columns(), 3, raster.bitsStored(), false, "RGB", out);
    }

    private static Raster palette(Raster raster, Attributes dataset) throws PixelDataException {
        if (dataset.bytes(Tags.RedPaletteColorLookupTableData) == null
                && dataset.contains(Tags.SegmentedRedPaletteColorLookupTableData)) {
            throw new PixelDataException("segmented palettes are not expanded here");
        }
        boolean signed = raster.signed();
        LookupTable red = LookupTable.of(dataset.getInts(Tags.RedPaletteColorLookupTableDescriptor),
                dataset.bytes(Tags.RedPaletteColorLookupTableData), signed);
        LookupTable green = LookupTable.of(dataset.getInts(Tags.GreenPaletteColorLookupTableDescriptor),
                dataset.bytes(Tags.GreenPaletteColorLookupTableData), signed);
        LookupTable blue = LookupTable.of(dataset.getInts(Tags.BluePaletteColorLookupTableDescriptor),
                dataset.bytes(Tags.BluePaletteColorLookupTableData), signed);
        int[] out = new int[raster.rows() * raster.columns() * 3];
        for (int p = 0; p < raster.rows() * raster.columns(); p++) {
            long index = raster.value(p * raster.samplesPerPixel());
            out[3 * p] = red.lookup(index);
            out[3 * p + 1] = green.lookup(index);
            out[3 * p + 2] = blue.lookup(index);
        }
        return new Raster(raster.rows(), raster.columns(), 3, red.bits(), false, "RGB", out);
    }

    private static int clamp(double value, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(value)));
    }
}
