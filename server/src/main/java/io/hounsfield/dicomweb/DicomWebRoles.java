package io.hounsfield.dicomweb;

import io.hounsfield.security.Role;
import java.util.Set;

/**
 * Who may use DICOMweb: reading images is clinical work of technologists (leads by the role hierarchy),
 * radiologists and physicists; storing is a technologist's. Students and administrators use the web pages.
 * {@link #READERS} are the roles of {@link #READ}, for the viewers that read through DICOMweb (OHIF).
 */
public final class DicomWebRoles {
    static final String READ = "hasAnyRole('TECHNOLOGIST', 'RADIOLOGIST', 'PHYSICIST')";
    static final String STORE = "hasRole('TECHNOLOGIST')";

    public static final Set<Role> READERS = Set.of(Role.TECHNOLOGIST, Role.RADIOLOGIST, Role.PHYSICIST);

    private DicomWebRoles() {
    }
}
