package io.hounsfield.dicom.net;

import io.hounsfield.dicom.net.service.ServiceRegistry;

/**
 * A local DICOM application entity (PS3.7 §A.2): its AE title, the services it offers (as SCP, and as SCU-side
 * receiver of C-GET sub-operations or N-EVENT-REPORTs), who may associate, and network settings.
 */
public record ApplicationEntity(String aeTitle, ServiceRegistry services, AssociationPolicy policy,
        NetworkOptions options) {
    public ApplicationEntity {
        if (aeTitle.isBlank() || aeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title must be 1-16 characters: " + aeTitle);
        }
    }

    /** An AE accepting calls to its own title, with default options. */
    public static ApplicationEntity of(String aeTitle, ServiceRegistry services) {
        return new ApplicationEntity(aeTitle, services, AssociationPolicy.calledAeTitle(aeTitle),
                NetworkOptions.DEFAULT);
    }

    public ApplicationEntity withOptions(NetworkOptions options) {
        return new ApplicationEntity(aeTitle, services, policy, options);
    }

    public ApplicationEntity withPolicy(AssociationPolicy policy) {
        return new ApplicationEntity(aeTitle, services, policy, options);
    }
}
