package io.hounsfield.workstation;

import io.hounsfield.catalog.Procedure;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.Sex;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * Whether a pregnancy screen applies (DOMAIN.md SAF-10, SAF-13): a patient who may be pregnant — female,
 * or sex not known — aged 12 to 50, for an exam with ionizing radiation whose beam reaches the abdomen or
 * pelvis. Chest, extremity, head and neck exams, mammography and CT outside the abdomen and pelvis need none.
 * A patient whose identity is pending (trauma, unidentified; SAF-40) cannot be excluded whatever sex was
 * entered, and neither can one of unknown age (issue 12).
 */
final class PregnancyRule {

    private static final Set<String> IONIZING = Set.of("CT", "DX", "CR", "RF", "XA", "MG");
    private static final Set<String> PELVIC_BEAM = Set.of("ABDOMEN", "PELVIS", "ABDOMENPELVIS", "LSPINE", "HIP",
            "WHOLEBODY", "KIDNEY", "LIVER", "STOMACH");
    private static final int YOUNGEST = 12;
    private static final int OLDEST = 50;

    private PregnancyRule() {}

    static boolean applies(Patient patient, Procedure procedure, LocalDate today) {
        Sex sex = patient.demographics().sex();
        boolean excludedBySex = sex == Sex.M && !patient.temporary();
        if (excludedBySex || !IONIZING.contains(procedure.modality()) || !PELVIC_BEAM.contains(procedure.bodyPart())) {
            return false;
        }
        LocalDate born = patient.demographics().birthDate();
        if (born == null || patient.temporary()) {
            return true;
        }
        int age = Period.between(born, today).getYears();
        return age >= YOUNGEST && age <= OLDEST;
    }
}
