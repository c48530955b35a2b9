package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;

/**
 * Stored values to modality units, e.g. Hounsfield units (PS3.3 §C.11.1): the Modality LUT Sequence if present,
 * else Rescale Slope and Intercept (identity when absent).
 */
public final class ModalityLut {
    private static final ModalityLut IDENTITY = new ModalityLut(1, 0, null);

    private final double slope;
    private final double intercept;
    private final LookupTable table;

    private ModalityLut(double slope, double intercept, LookupTable table) {
        this.slope = slope;
        this.intercept = intercept;
        this.table = table;
    }

    public static ModalityLut identity() {
        return IDENTITY;
    }

    public static ModalityLut rescale(double slope, double intercept) {
        return new ModalityLut(slope, intercept, null);
    }

    /** The modality LUT of {@code dataset}; colour images have none. */
    public static ModalityLut of(Attributes dataset) throws PixelDataException {
        Sequence sequence = dataset.getSequence(Tags.ModalityLUTSequence);
        boolean signed = dataset.getInt(Tags.PixelRepresentation, 0) == 1;
        if (sequence != null && !sequence.isEmpty()) {
            return new ModalityLut(1, 0,
                    LookupTable.of(sequence.get(0), Tags.LUTDescriptor, Tags.LUTData, signed));
        }
        double slope = dataset.findDouble(Tags.RescaleSlope).orElse(1);
        double intercept = dataset.findDouble(Tags.RescaleIntercept).orElse(0);
        return new ModalityLut(slope == 0 ? 1 : slope, intercept, null);
    }

    public double apply(long stored) {
        return table != null ? table.lookup(stored) : stored * slope + intercept;
    }

    public boolean isIdentity() {
        return table == null && slope == 1 && intercept == 0;
    }
}
