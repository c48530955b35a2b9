package io.hounsfield.staff.learning;

import java.util.List;

/**
 * The orientation checklist every new staff record starts with: the department's safety rules that an imaging
 * technologist must know before working alone (MRI zones per the ACR Manual on MR Safety; the Universal Protocol's
 * time-out; contrast reaction readiness per the ACR Manual on Contrast Media).
 */
final class Orientation {

    static final List<String> CHECKLIST = List.of(
            "Fire safety, exits and the department's emergency codes",
            "Radiation safety rules and personal dosimeter issued",
            "MRI safety: the four zones and screening before Zone IV",
            "Contrast reaction kit and crash cart: where they are and who to call",
            "Patient identification with two identifiers, and the time-out",
            "Infection control and hand hygiene",
            "Patient privacy and the audit trail",
            "RIS, PACS and downtime procedures");

    private Orientation() {}
}
