package io.hounsfield.staff.learning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ARRT clinical competency requirement sets a student can be held to, versioned: a student is held to the set in
 * force when they finish the programme. Counts from ARRT <i>Radiography Didactic and Clinical Competency
 * Requirements</i> (the current set, as programme handbooks of 2022 quote it; the 2012 set asked 6, 31 and 15 of
 * 35): 10 mandatory general patient-care activities, 36 mandatory
 * imaging procedures, 15 electives of which at least one from the head section and two from the fluoroscopy
 * section. The items listed are a seed taken from that document's lists, not all of them; a programme adds its own.
 */
public final class StudentRequirements {

    enum Kind { PATIENT_CARE, MANDATORY, ELECTIVE }

    record Requirement(String code, String name, Kind kind, String section) {}

    /**
     * @param minimums electives needed per section, beyond the total elective count
     */
    record RequirementSet(String code, String name, String source, int patientCare, int mandatory, int electives,
            Map<String, Integer> minimums, List<Requirement> items) {

        Optional<Requirement> item(String code) {
            return items.stream().filter(item -> item.code().equals(code)).findFirst();
        }
    }

    public static final String RADIOGRAPHY_2022 = "ARRT-R-2022";

    private static final RequirementSet RADIOGRAPHY = new RequirementSet(RADIOGRAPHY_2022,
            "ARRT Radiography (current requirements)",
            "ARRT Radiography Didactic and Clinical Competency Requirements, current set (as quoted in 2022)",
            10, 36, 15, Map.of("Head", 1, "Fluoroscopy", 2), List.of(
                    care("CPR", "CPR/BLS certified"),
                    care("VITALS-BP", "Vital signs: blood pressure"),
                    care("VITALS-TEMP", "Vital signs: temperature"),
                    care("VITALS-PULSE", "Vital signs: pulse"),
                    care("VITALS-RESP", "Vital signs: respiration"),
                    care("VITALS-SPO2", "Vital signs: pulse oximetry"),
                    care("STERILE", "Sterile and medical aseptic technique"),
                    care("VENIPUNCTURE", "Venipuncture"),
                    care("TRANSFER", "Assisted patient transfer"),
                    care("EQUIPMENT", "Care of patient medical equipment"),
                    mandatory("CHEST-ROUTINE", "Chest routine", "Chest and thorax"),
                    mandatory("CHEST-WHEELCHAIR", "Chest AP, wheelchair or stretcher", "Chest and thorax"),
                    mandatory("RIBS", "Ribs", "Chest and thorax"),
                    mandatory("HAND", "Hand", "Upper extremity"),
                    mandatory("WRIST", "Wrist", "Upper extremity"),
                    mandatory("SHOULDER", "Shoulder", "Upper extremity"),
                    mandatory("KNEE", "Knee", "Lower extremity"),
                    mandatory("ANKLE", "Ankle", "Lower extremity"),
                    mandatory("C-SPINE", "Cervical spine", "Spine and pelvis"),
                    mandatory("L-SPINE", "Lumbar spine", "Spine and pelvis"),
                    mandatory("PELVIS", "Pelvis", "Spine and pelvis"),
                    mandatory("ABDOMEN", "Abdomen supine (KUB)", "Abdomen"),
                    mandatory("PORTABLE-CHEST", "Mobile chest", "Mobile studies"),
                    elective("SKULL", "Skull", "Head"),
                    elective("SINUSES", "Paranasal sinuses", "Head"),
                    elective("UGI", "Upper GI series", "Fluoroscopy"),
                    elective("BE", "Contrast enema", "Fluoroscopy"),
                    elective("ESOPHAGUS", "Esophagus", "Fluoroscopy"),
                    elective("SCOLIOSIS", "Scoliosis series", "Spine and pelvis")));

    private static final Map<String, RequirementSet> SETS = List.of(RADIOGRAPHY).stream()
            .collect(Collectors.toMap(RequirementSet::code, Function.identity()));

    private StudentRequirements() {}

    static Optional<RequirementSet> find(String code) {
        return Optional.ofNullable(code == null ? null : SETS.get(code));
    }

    static List<RequirementSet> all() {
        return List.of(RADIOGRAPHY);
    }

    private static Requirement care(String code, String name) {
        return new Requirement(code, name, Kind.PATIENT_CARE, "General patient care");
    }

    private static Requirement mandatory(String code, String name, String section) {
        return new Requirement(code, name, Kind.MANDATORY, section);
    }

    private static Requirement elective(String code, String name, String section) {
        return new Requirement(code, name, Kind.ELECTIVE, section);
    }
}
