package io.hounsfield.dicom.tool;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.StorageSopClasses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The storage classes a C-GET proposes to receive (PS3.4 §C.4.3.1: the SCU must offer a context for each SOP class
 * the SCP will send). An association carries at most 128 contexts and the dictionary knows 185 storage classes, so
 * the classes of what the identifier selects are asked first with hierarchical C-FINDs down to the IMAGE level (SOP
 * Class UID as return key); if the peer does not answer those, the most common classes are proposed, then others up
 * to the limit.
 */
final class GetStorageClasses {
    /** Storage contexts that fit beside the C-GET context. */
    static final int MAX = 127;
    private static final List<String> LEVELS = List.of("PATIENT", "STUDY", "SERIES", "IMAGE");
    private static final int IMAGE = 3;
    private static final List<Integer> UNIQUE_KEYS = List.of(Tags.PatientID, Tags.StudyInstanceUID,
            Tags.SeriesInstanceUID, Tags.SOPInstanceUID);
    private static final List<String> COMMON = List.of(Uids.CTImageStorage, Uids.EnhancedCTImageStorage,
            Uids.MRImageStorage, Uids.EnhancedMRImageStorage, Uids.ComputedRadiographyImageStorage,
            Uids.DigitalXRayImageStorageForPresentation, Uids.DigitalXRayImageStorageForProcessing,
            Uids.DigitalMammographyXRayImageStorageForPresentation, Uids.BreastTomosynthesisImageStorage,
            Uids.UltrasoundImageStorage, Uids.UltrasoundMultiFrameImageStorage, Uids.SecondaryCaptureImageStorage,
            Uids.MultiFrameGrayscaleWordSecondaryCaptureImageStorage,
            Uids.MultiFrameTrueColorSecondaryCaptureImageStorage, Uids.XRayAngiographicImageStorage,
            Uids.EnhancedXAImageStorage, Uids.NuclearMedicineImageStorage,
            Uids.PositronEmissionTomographyImageStorage, Uids.VLPhotographicImageStorage, Uids.BasicTextSRStorage,
            Uids.EnhancedSRStorage, Uids.ComprehensiveSRStorage, Uids.Comprehensive3DSRStorage,
            Uids.XRayRadiationDoseSRStorage, Uids.RadiopharmaceuticalRadiationDoseSRStorage,
            Uids.PatientRadiationDoseSRStorage, Uids.KeyObjectSelectionDocumentStorage,
            Uids.GrayscaleSoftcopyPresentationStateStorage, Uids.EncapsulatedPDFStorage, Uids.RTImageStorage,
            Uids.RTDoseStorage, Uids.RTStructureSetStorage, Uids.RTPlanStorage);

    private GetStorageClasses() {
    }

    /**
     * The classes to propose for a C-GET of {@code keys} at {@code level}, asked with {@code findSopClassUid}; never
     * more than {@link #MAX}.
     */
    static List<String> forRetrieve(DicomClient client, String host, int port, String calledAe,
            String findSopClassUid, String level, Attributes keys) {
        Set<String> found = new LinkedHashSet<>();
        try {
            PresentationContexts contexts = new PresentationContexts().add(findSopClassUid,
                    Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian);
            try (Association association = client.connect(host, port, calledAe, contexts)) {
                boolean answered = collect(new Scu(association), findSopClassUid, keys, LEVELS.indexOf(level), found);
                association.release();
                if (!answered) {
                    found.clear();
                }
            }
        } catch (IOException e) {
            found.clear();
        }
        List<String> classes = new ArrayList<>(found);
        if (classes.isEmpty()) {
            return fallback();
        }
        return classes.subList(0, Math.min(MAX, classes.size()));
    }

    /** The most common classes first, then the others of the dictionary, up to {@link #MAX}. */
    static List<String> fallback() {
        Set<String> classes = new LinkedHashSet<>(COMMON);
        for (String sopClassUid : StorageSopClasses.all()) {
            if (classes.size() >= MAX) {
                break;
            }
            classes.add(sopClassUid);
        }
        return List.copyOf(classes);
    }

    /**
     * Walks down from {@code level} (whose unique keys {@code known} holds) to IMAGE, collecting SOP Class UIDs; false
     * if a C-FIND did not succeed.
     */
    private static boolean collect(Scu scu, String findSopClassUid, Attributes known, int level, Set<String> found)
            throws IOException {
        if (level < 0) {
            return false;
        }
        int queryLevel = Math.min(level + 1, IMAGE);
        int uniqueKey = UNIQUE_KEYS.get(queryLevel);
        Attributes query = uniqueKeys(known, queryLevel);
        query.setString(Tags.QueryRetrieveLevel, VR.CS, LEVELS.get(queryLevel));
        if (!query.contains(uniqueKey)) {
            query.setString(uniqueKey, vrOf(queryLevel));
        }
        if (queryLevel == IMAGE) {
            query.setString(Tags.SOPClassUID, VR.UI);
        }
        List<Attributes> matches = new ArrayList<>();
        if (!Status.isSuccess(scu.find(findSopClassUid, query, matches::add))) {
            return false;
        }
        for (Attributes match : matches) {
            if (queryLevel == IMAGE) {
                String sopClassUid = match.getString(Tags.SOPClassUID);
                if (sopClassUid != null) {
                    found.add(sopClassUid.strip());
                }
            } else if (match.getString(uniqueKey) != null) {
                Attributes narrower = uniqueKeys(query, queryLevel);
                narrower.setString(uniqueKey, vrOf(queryLevel), match.getString(uniqueKey));
                if (!collect(scu, findSopClassUid, narrower, queryLevel, found)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The unique keys of levels up to {@code level} that {@code source} has. */
    private static Attributes uniqueKeys(Attributes source, int level) {
        Attributes keys = new Attributes();
        for (int i = 0; i <= level; i++) {
            String value = source.getString(UNIQUE_KEYS.get(i));
            if (value != null && !value.isEmpty()) {
                keys.setString(UNIQUE_KEYS.get(i), vrOf(i), value);
            }
        }
        return keys;
    }

    private static VR vrOf(int level) {
        return level == 0 ? VR.LO : VR.UI;
    }
}
