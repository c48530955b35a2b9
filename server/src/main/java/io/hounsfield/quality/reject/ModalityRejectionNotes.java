package io.hounsfield.quality.reject;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rejection note a modality sent (IHE IOCM "Rejection Note Stored"): a Key Object Selection Document whose title
 * is one of CID 7010's rejection reasons, and the instances it references in its evidence.
 */
public final class ModalityRejectionNotes {

    /** CID 7010 document titles that reject the instances they reference. */
    private static final Map<String, String> TITLES = Map.of(
            "113001", "Rejected for Quality Reasons",
            "113037", "Rejected for Patient Safety Reasons",
            "113038", "Incorrect Modality Worklist Entry",
            "113039", "Data Retention Policy Expired");

    /** One referenced instance, with the note's title as its reason. */
    public record Referenced(String studyUid, String seriesUid, String sopInstanceUid, String titleCode,
            String title) {
    }

    private ModalityRejectionNotes() {
    }

    /** The instances {@code dataset} rejects; empty when it is not a rejection note. */
    public static List<Referenced> rejected(Attributes dataset) {
        if (!Uids.KeyObjectSelectionDocumentStorage.equals(dataset.getString(Tags.SOPClassUID))) {
            return List.of();
        }
        Sequence title = dataset.getSequence(Tags.ConceptNameCodeSequence);
        if (title == null || title.isEmpty() || !"DCM".equals(title.get(0).getString(Tags.CodingSchemeDesignator))
                || !TITLES.containsKey(title.get(0).getString(Tags.CodeValue))) {
            return List.of();
        }
        String code = title.get(0).getString(Tags.CodeValue);
        List<Referenced> referenced = new ArrayList<>();
        for (Attributes study : items(dataset, Tags.CurrentRequestedProcedureEvidenceSequence)) {
            for (Attributes series : items(study, Tags.ReferencedSeriesSequence)) {
                for (Attributes instance : items(series, Tags.ReferencedSOPSequence)) {
                    referenced.add(new Referenced(study.getString(Tags.StudyInstanceUID),
                            series.getString(Tags.SeriesInstanceUID), instance.getString(Tags.ReferencedSOPInstanceUID),
                            code, TITLES.get(code)));
                }
            }
        }
        return referenced;
    }

    private static List<Attributes> items(Attributes parent, int tag) {
        Sequence sequence = parent.getSequence(tag);
        return sequence == null ? List.of() : sequence.items();
    }
}
