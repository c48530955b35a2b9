package io.hounsfield.staff.records;

import io.hounsfield.staff.CredentialKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials Hounsfield knows by code, with the DICOM modalities (PS3.3 §C.7.3.1.1.1, Modality) each one
 * qualifies its holder to perform. ARRT's list: primary and post-primary pathways, including retired ones still held
 * (ARRT credential list, arrt.org); other boards: NMTCB (CNMT, NCT, PET) and ARDMS (RDMS, RVT, RDCS). The mapping is a
 * department default: a lead's site sign-off adds what a credential does not cover (e.g. fluoroscopy permits).
 */
public final class CredentialCatalog {

    record Known(String code, String name, Set<String> modalities) {}

    private static final Map<String, Known> ARRT = index(
            new Known("R", "Radiography", Set.of("DX", "CR", "RF")),
            new Known("N", "Nuclear Medicine Technology", Set.of("NM", "PT")),
            new Known("T", "Radiation Therapy", Set.of()),
            new Known("MR", "Magnetic Resonance Imaging", Set.of("MR")),
            new Known("S", "Sonography", Set.of("US")),
            new Known("VS", "Vascular Sonography", Set.of("US")),
            new Known("BS", "Breast Sonography", Set.of("US")),
            new Known("CT", "Computed Tomography", Set.of("CT")),
            new Known("M", "Mammography", Set.of("MG")),
            new Known("BD", "Bone Densitometry", Set.of("BMD")),
            new Known("CI", "Cardiac-Interventional Radiography", Set.of("XA")),
            new Known("VI", "Vascular-Interventional Radiography", Set.of("XA")),
            new Known("CV", "Cardiovascular-Interventional Radiography (retired)", Set.of("XA")),
            new Known("RRA", "Registered Radiologist Assistant", Set.of()),
            new Known("QM", "Quality Management (retired)", Set.of()));

    private static final Map<String, Known> OTHER_BOARDS = index(
            new Known("CNMT", "NMTCB Certified Nuclear Medicine Technologist", Set.of("NM")),
            new Known("NCT", "NMTCB Nuclear Cardiology Technology", Set.of("NM")),
            new Known("PET", "NMTCB Positron Emission Tomography", Set.of("PT")),
            new Known("RDMS", "ARDMS Registered Diagnostic Medical Sonographer", Set.of("US")),
            new Known("RVT", "ARDMS Registered Vascular Technologist", Set.of("US")),
            new Known("RDCS", "ARDMS Registered Diagnostic Cardiac Sonographer", Set.of("US")));

    private CredentialCatalog() {}

    private static Map<String, Known> index(Known... known) {
        Map<String, Known> byCode = new LinkedHashMap<>();
        for (Known credential : known) {
            byCode.put(credential.code(), credential);
        }
        return byCode;
    }

    public static Map<String, Known> arrt() {
        return ARRT;
    }

    static Map<String, Known> otherBoards() {
        return OTHER_BOARDS;
    }

    /** The known credential of this kind and code; licences, cards and unknown codes have none. */
    static Optional<Known> find(CredentialKind kind, String code) {
        return Optional.ofNullable(switch (kind) {
            case ARRT -> ARRT.get(code);
            case OTHER -> OTHER_BOARDS.get(code);
            case LICENCE, BLS -> null;
        });
    }

    public static Set<String> modalities(CredentialKind kind, String code) {
        return find(kind, code).map(Known::modalities).orElse(Set.of());
    }

    /** A name for the page: the credential's name, or the code as entered (a state's licence, a card). */
    public static String name(CredentialKind kind, String code) {
        return find(kind, code).map(known -> known.name() + " (" + known.code() + ")").orElse(code);
    }
}
