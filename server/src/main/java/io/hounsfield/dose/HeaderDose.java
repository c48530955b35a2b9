package io.hounsfield.dose;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import java.math.BigDecimal;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Dose values an image carries in its own header, for exams whose modality sends no dose report (PS3.3 §C.8.7.8
 * X-Ray Acquisition Dose module, §C.8.15.3.8 CT Exposure macro, §C.8.2.1 CT Image module; IEC 62494-1 exposure
 * index): values in Hounsfield's units, absent ones {@code null}.
 *
 * @param ctdiVolMGy CTDIvol (0018,9345), the mean over the frames of an enhanced image
 * @param dapGyCm2 Image and Fluoroscopy Area Dose Product (0018,115E), given in dGy·cm²
 * @param entranceDoseMGy Entrance Dose in mGy (0040,8302), else Entrance Dose (0040,0302) given in dGy
 * @param doseRpMGy the entrance dose when its derivation (0040,8303) says it is at the interventional reference
 *        point (IEC_REFERENCE): the reference air kerma
 * @param fluoroTimeS Total Time of Fluoroscopy (0040,0300), in seconds (retired but still written)
 */
record HeaderDose(String modality, Integer acquisitionNumber, Double ctdiVolMGy, Double dapGyCm2,
        Double entranceDoseMGy, Double doseRpMGy, Double exposureIndex, Double targetExposureIndex,
        Double deviationIndex, Double fluoroTimeS) {

    /** Image SOP classes whose headers may carry dose: CT, CR, DX, mammography, XA and RF. */
    static final Set<String> IMAGES = Set.of(Uids.CTImageStorage, Uids.EnhancedCTImageStorage,
            Uids.LegacyConvertedEnhancedCTImageStorage, Uids.ComputedRadiographyImageStorage,
            Uids.DigitalXRayImageStorageForPresentation, Uids.DigitalXRayImageStorageForProcessing,
            Uids.DigitalMammographyXRayImageStorageForPresentation,
            Uids.DigitalMammographyXRayImageStorageForProcessing, Uids.XRayAngiographicImageStorage,
            "1.2.840.10008.5.1.4.1.1.12.1.1", Uids.XRayRadiofluoroscopicImageStorage,
            "1.2.840.10008.5.1.4.1.1.12.2.1");

    /** The header's dose values; {@code null} if it carries none. */
    static HeaderDose read(Attributes image) {
        Double entrance = value(image, Tags.EntranceDoseInmGy, 1.0);
        if (entrance == null) {
            entrance = value(image, Tags.EntranceDose, 100.0);
        }
        String derivation = image.getString(Tags.EntranceDoseDerivation);
        Double doseRp = derivation != null && "IEC_REFERENCE".equals(derivation.strip()) ? entrance : null;
        Integer acquisition = null;
        OptionalDouble number = image.findDouble(Tags.AcquisitionNumber);
        if (number.isPresent()) {
            acquisition = (int) number.getAsDouble();
        }
        String modality = image.getString(Tags.Modality);
        HeaderDose dose = new HeaderDose(modality == null ? null : modality.strip(), acquisition, ctdiVol(image),
                value(image, Tags.ImageAndFluoroscopyAreaDoseProduct, 0.1), entrance, doseRp,
                value(image, Tags.ExposureIndex, 1.0), value(image, Tags.TargetExposureIndex, 1.0),
                signed(image, Tags.DeviationIndex), value(image, Tags.TotalTimeOfFluoroscopy, 1.0));
        return dose.empty() ? null : dose;
    }

    private boolean empty() {
        return ctdiVolMGy == null && dapGyCm2 == null && entranceDoseMGy == null && exposureIndex == null
                && deviationIndex == null && fluoroTimeS == null;
    }

    /** The image's CTDIvol, or the mean of its frames' (shared or per-frame CT Exposure functional group). */
    private static Double ctdiVol(Attributes image) {
        Double own = value(image, Tags.CTDIvol, 1.0);
        if (own != null) {
            return own;
        }
        Double shared = exposure(image.getSequence(Tags.SharedFunctionalGroupsSequence));
        if (shared != null) {
            return shared;
        }
        Sequence frames = image.getSequence(Tags.PerFrameFunctionalGroupsSequence);
        if (frames == null) {
            return null;
        }
        double sum = 0;
        int counted = 0;
        for (Attributes frame : frames) {
            Double value = exposure(frame.getSequence(Tags.CTExposureSequence));
            if (value != null) {
                sum += value;
                counted++;
            }
        }
        return counted == 0 ? null : sum / counted;
    }

    private static Double exposure(Sequence groups) {
        if (groups == null || groups.isEmpty()) {
            return null;
        }
        Attributes first = groups.get(0);
        Sequence exposure = first.getSequence(Tags.CTExposureSequence);
        Attributes item = exposure != null && !exposure.isEmpty() ? exposure.get(0) : first;
        return value(item, Tags.CTDIvol, 1.0);
    }

    /** A finite number, negative ones too (a deviation index below target). */
    private static Double signed(Attributes attributes, int tag) {
        OptionalDouble value = attributes.findDouble(tag);
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? value.getAsDouble() : null;
    }

    /**
     * A non-negative finite number times {@code factor}, in decimal (4.56 dGy·cm² is 0.456 Gy·cm², not
     * 0.45599999999999996); a value that is not a number counts as absent.
     */
    private static Double value(Attributes attributes, int tag, double factor) {
        OptionalDouble value = attributes.findDouble(tag);
        if (value.isEmpty() || !Double.isFinite(value.getAsDouble()) || value.getAsDouble() < 0) {
            return null;
        }
        return BigDecimal.valueOf(value.getAsDouble()).multiply(BigDecimal.valueOf(factor)).doubleValue();
    }
}
