package io.hounsfield.dose;

import java.time.Instant;

/**
 * One study's dose in a line, as the patient's history and the physicist's distributions compare them: the exam's
 * highest CTDIvol and SSDE, its totals, and the protocol and room it was done with (the exam's procedure and
 * modality, or what the images say when no exam matches).
 *
 * @param adult whether the patient was 18 or older (reference levels are for adults); unknown counts as adult
 * @param partial whether a report used was only partly readable
 */
public record DoseSummary(String studyInstanceUid, Long examId, Long patientId, String accessionNumber, String protocolCode,
        String protocol, String bodyPart, String room, String modality, boolean adult, Instant performedAt,
        Double ctdiVolMGy, Double dlpTotalMGyCm, Double ssdeMGy, Double dapTotalGyCm2, Double doseRpTotalMGy,
        Double fluoroTimeTotalS, boolean partial) {

    /** The value of a level's metric, or {@code null}. */
    public Double value(String metric) {
        return switch (metric) {
            case "CTDIVOL" -> ctdiVolMGy;
            case "DLP" -> dlpTotalMGyCm;
            case "SSDE" -> ssdeMGy;
            case "DAP" -> dapTotalGyCm2;
            case "DOSE_RP" -> doseRpTotalMGy;
            case "FLUORO_TIME" -> fluoroTimeTotalS;
            default -> null;
        };
    }
}
