package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;

/**
 * The attributes that render one frame of an enhanced multi-frame image (PS3.3 §C.7.6.16): the data set's own,
 * overlaid by the Pixel Value Transformation and Frame VOI LUT macros of the Shared, then the frame's Per-frame
 * Functional Groups. Images without functional groups are returned as they are.
 */
final class FrameAttributes {
    private static final int[] MACROS = {Tags.PixelValueTransformationSequence, Tags.FrameVOILUTSequence};

    private FrameAttributes() {
    }

    static Attributes of(Attributes dataset, int frameNumber) {
        Sequence shared = dataset.getSequence(Tags.SharedFunctionalGroupsSequence);
        Sequence perFrame = dataset.getSequence(Tags.PerFrameFunctionalGroupsSequence);
        if ((shared == null || shared.isEmpty()) && (perFrame == null || perFrame.isEmpty())) {
            return dataset;
        }
        Attributes view = new Attributes();
        for (int i = 0; i < dataset.size(); i++) {
            view.setValue(dataset.tagAt(i), dataset.vrAt(i), dataset.valueAt(i));
        }
        if (shared != null && !shared.isEmpty()) {
            overlay(view, shared.get(0));
        }
        if (perFrame != null && frameNumber >= 1 && frameNumber <= perFrame.size()) {
            overlay(view, perFrame.get(frameNumber - 1));
        }
        return view;
    }

    private static void overlay(Attributes view, Attributes group) {
        for (int macro : MACROS) {
            Sequence sequence = group.getSequence(macro);
            if (sequence == null || sequence.isEmpty()) {
                continue;
            }
            Attributes item = sequence.get(0);
            for (int i = 0; i < item.size(); i++) {
                view.setValue(item.tagAt(i), item.vrAt(i), item.valueAt(i));
            }
        }
    }
}
