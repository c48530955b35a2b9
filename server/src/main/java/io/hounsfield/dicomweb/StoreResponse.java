package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoreResult;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.system.Failure;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * The Store Instances Response Module (PS3.18 §10.5.3, Table 10.5.3-3): Retrieve URL of the study when all stored
 * instances are of one, Referenced SOP Sequence for the stored instances (with their Retrieve URL, except
 * quarantined ones, which cannot be retrieved; a Warning Reason where the catalogue's warning applies), Failed SOP
 * Sequence with each Failure Reason. The status is 200 when all were stored without warning, 202 when some were and
 * others failed or have a warning, 409 when none was (§10.5.3.1).
 */
final class StoreResponse {
    private StoreResponse() {
    }

    static HttpStatus status(List<StoreResult> results) {
        long failed = results.stream().filter(StoreResult::failed).count();
        if (failed == 0) {
            return results.stream().anyMatch(result -> warning(result) != null) ? HttpStatus.ACCEPTED : HttpStatus.OK;
        }
        return failed == results.size() ? HttpStatus.CONFLICT : HttpStatus.ACCEPTED;
    }

    static Attributes of(List<StoreResult> results, String studyUid, DicomWebLinks links) {
        Attributes response = new Attributes();
        response.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        List<String> studies = results.stream().filter(result -> !result.failed())
                .map(StoreResult::studyInstanceUid).filter(Objects::nonNull).distinct().toList();
        String study = studyUid != null ? studyUid : studies.size() == 1 ? studies.get(0) : null;
        if (study != null) {
            response.setString(Tags.RetrieveURL, VR.UR, links.study(study));
        }
        Sequence failed = null;
        Sequence referenced = null;
        for (StoreResult result : results) {
            if (result.failed()) {
                failed = failed == null ? response.newSequence(Tags.FailedSOPSequence) : failed;
                Attributes item = reference(failed.addItem(), result);
                item.setInts(Tags.FailureReason, VR.US, result.failureReason());
            } else {
                referenced = referenced == null ? response.newSequence(Tags.ReferencedSOPSequence) : referenced;
                Attributes item = reference(referenced.addItem(), result);
                Failure warning = warning(result);
                if (warning != null) {
                    item.setInts(Tags.WarningReason, VR.US, warning.dimseStatus());
                }
                if (result.outcome() != StoreResult.Outcome.QUARANTINED) {
                    item.setString(Tags.RetrieveURL, VR.UR, links.instance(result.studyInstanceUid(),
                            result.seriesInstanceUid(), result.sopInstanceUid()));
                }
            }
        }
        return response;
    }

    /** The warning of a stored instance (PS3.18 Table 10.5.3-3 Warning Reason), else {@code null}. */
    private static Failure warning(StoreResult result) {
        return result.outcome() == StoreResult.Outcome.KEPT_DIFFERING ? Failure.DIFFERING_RESEND : null;
    }

    private static Attributes reference(Attributes item, StoreResult result) {
        item.setString(Tags.ReferencedSOPClassUID, VR.UI, result.sopClassUid() == null ? "" : result.sopClassUid());
        item.setString(Tags.ReferencedSOPInstanceUID, VR.UI,
                result.sopInstanceUid() == null ? "" : result.sopInstanceUid());
        return item;
    }
}
