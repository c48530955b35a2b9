package io.hounsfield.dose;

import java.util.List;

/**
 * What one dose object (an X-Ray Radiation Dose SR, PS3.16 TID 10011 or TID 10001) said, in fixed units: mGy for
 * CTDIvol and the dose at the reference point (air kerma, Ka,r), mGy·cm for DLP, Gy·cm² for the dose area product,
 * seconds for fluoroscopy time. Absent values are {@code null}; the lists hold the values the report gives, in
 * document order, one per CT acquisition (TID 10013) or irradiation event (TID 10003).
 *
 * @param template "TID10011" (CT), "TID10001" (projection X-ray and fluoroscopy), or {@code null} if not told
 * @param irradiationEvents how many CT acquisitions or irradiation events the report holds
 * @param partial whether part of the report could not be read; {@code problems} says what, in plain words
 */
public record DoseReport(String sopInstanceUid, String template, int irradiationEvents, List<Double> ctdiVolMGy,
        List<Double> dlpMGyCm, Double dlpTotalMGyCm, Double dapTotalGyCm2, Double doseRpTotalMGy,
        List<Double> eventDapGyCm2, List<Double> eventDoseRpMGy, Double fluoroTimeTotalS, boolean partial,
        List<String> problems) {

    static DoseReport of(String sopInstanceUid, ReadDose read) {
        List<ReadDose.Irradiation> events = read.events();
        return new DoseReport(sopInstanceUid, read.template(), events.size(),
                events.stream().map(ReadDose.Irradiation::ctdiVolMGy).filter(value -> value != null).toList(),
                events.stream().map(ReadDose.Irradiation::dlpMGyCm).filter(value -> value != null).toList(),
                read.dlpTotalMGyCm(), read.dapTotalGyCm2(), read.doseRpTotalMGy(),
                events.stream().map(ReadDose.Irradiation::dapGyCm2).filter(value -> value != null).toList(),
                events.stream().map(ReadDose.Irradiation::doseRpMGy).filter(value -> value != null).toList(),
                read.fluoroTimeTotalS(), read.partial(), read.problems());
    }
}
