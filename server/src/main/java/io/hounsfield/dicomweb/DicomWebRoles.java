package io.hounsfield.dicomweb;

/**
 * Who may use DICOMweb: reading images is clinical work of technologists (leads by the role hierarchy),
 * radiologists and physicists; storing is a technologist's. Students and administrators use the web pages.
 */
final class DicomWebRoles {
    static final String READ = "hasAnyRole('TECHNOLOGIST', 'RADIOLOGIST', 'PHYSICIST')";
    static final String STORE = "hasRole('TECHNOLOGIST')";

    private DicomWebRoles() {
    }
}
