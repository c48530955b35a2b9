package io.hounsfield.equipment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A modality, workstation or archive that talks DICOM with Hounsfield.
 *
 * @param host and {@code port}: where to reach it (move destinations, storage commitment reports)
 * @param modality for modalities: the modality code whose worklist it gets by default
 */
public record DicomPeer(String aeTitle, String description, String host, Integer port, String modality,
        String stationName, Set<PeerPermission> permissions, boolean enabled) {

    public DicomPeer {
        // In declaration order, so that lists of them read the same everywhere.
        permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    public boolean may(PeerPermission permission) {
        return enabled && permissions.contains(permission);
    }
}
