package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;
import java.util.ArrayList;
import java.util.List;

/** A VOI LUT of the image's VOI LUT Sequence (PS3.3 §C.11.2.1.1): modality values to the table's output range. */
public final class VoiLut {
    private final LookupTable table;
    private final String explanation;

    private VoiLut(LookupTable table, String explanation) {
        this.table = table;
        this.explanation = explanation;
    }

    /** The VOI LUTs of {@code dataset}, in order. */
    public static List<VoiLut> of(Attributes dataset) throws PixelDataException {
        Sequence sequence = dataset.getSequence(Tags.VOILUTSequence);
        List<VoiLut> luts = new ArrayList<>();
        if (sequence == null) {
            return luts;
        }
        // The input is the modality LUT's output, signed when the stored values are or a rescale makes them so.
        boolean signed = dataset.getInt(Tags.PixelRepresentation, 0) == 1
                || dataset.findDouble(Tags.RescaleIntercept).orElse(0) < 0;
        for (Attributes item : sequence) {
            String explanation = item.getString(Tags.LUTExplanation);
            luts.add(new VoiLut(LookupTable.of(item, Tags.LUTDescriptor, Tags.LUTData, signed),
                    explanation == null ? "" : explanation.strip()));
        }
        return luts;
    }

    public String explanation() {
        return explanation;
    }

    /** The output for modality value {@code x}, scaled to 0..{@code yMax}. */
    double apply(double x, double yMax) {
        return table.lookup(Math.round(x)) * yMax / table.maxOutput();
    }
}
