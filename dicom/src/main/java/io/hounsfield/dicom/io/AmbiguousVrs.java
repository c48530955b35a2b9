package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.ElementDictionary;
import io.hounsfield.dicom.dict.ElementEntry;

/**
 * Chooses the VR of elements that the dictionary gives two (PS3.5 Annex A, PS3.3 C.7.6.3, C.11.1): in implicit VR
 * little endian, Pixel Data, Overlay Data and waveform data are OW; "US or SS" follows Pixel Representation (0028,0103),
 * inherited from enclosing data sets; LUT Data (0028,3006) is US only for a one-entry LUT.
 */
final class AmbiguousVrs {
    private static final int PIXEL_REPRESENTATION = 0x00280103;
    private static final int LUT_DESCRIPTOR = 0x00283002;

    private AmbiguousVrs() {
    }

    static void resolveImplicit(Attributes dataset) {
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            Object value = dataset.valueAt(i);
            if (value instanceof Sequence sequence) {
                for (Attributes item : sequence) {
                    resolveImplicit(item);
                }
                continue;
            }
            ElementEntry entry = Tag.isPrivate(tag) ? null : ElementDictionary.lookup(tag);
            if (entry != null && entry.isAmbiguous() && dataset.vrAt(i) == entry.vr()) {
                dataset.setVr(tag, choose(dataset, tag, entry.vrText(), value));
            }
        }
    }

    private static VR choose(Attributes dataset, int tag, String vrText, Object value) {
        if (value instanceof Fragments) {
            return VR.OB;
        }
        if (tag == 0x00283006) {
            long[] descriptor = dataset.getLongs(LUT_DESCRIPTOR);
            return descriptor.length > 0 && descriptor[0] == 1 ? VR.US : VR.OW;
        }
        if (vrText.startsWith("US or SS")) {
            return pixelRepresentation(dataset) == 1 ? VR.SS : VR.US;
        }
        return VR.OW;
    }

    private static int pixelRepresentation(Attributes dataset) {
        for (Attributes level = dataset; level != null; level = level.parent()) {
            if (level.contains(PIXEL_REPRESENTATION)) {
                return level.getInt(PIXEL_REPRESENTATION, 0);
            }
        }
        return 0;
    }
}
