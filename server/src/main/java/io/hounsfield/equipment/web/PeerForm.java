package io.hounsfield.equipment.web;

import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.PeerPermission;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/**
 * A DICOM peer as the administrator types it. The AE title follows the AE value representation (PS3.5 §6.2): up to
 * 16 characters of the default repertoire, no backslash, no control characters. An unticked box sends nothing, so
 * {@code enabled} is a nullable {@code Boolean}: a missing value must fail no conversion, or validation never runs.
 */
record PeerForm(
        @NotBlank @Size(max = 16) @Pattern(regexp = "[ -\\[\\]-~]*", message = "printable characters, no backslash")
                String aeTitle,
        @NotBlank @Size(max = 200) String description,
        @Size(max = 255) String host,
        @Min(1) @Max(65535) Integer port,
        @Size(max = 4) String modality,
        @Size(max = 64) String stationName,
        Set<PeerPermission> permissions,
        Boolean enabled) {

    static PeerForm empty() {
        return new PeerForm("", "", "", null, "", "", EnumSet.of(PeerPermission.STORE), true);
    }

    static PeerForm of(DicomPeer peer) {
        return new PeerForm(peer.aeTitle(), peer.description(), peer.host(), peer.port(), peer.modality(),
                peer.stationName(), peer.permissions(), peer.enabled());
    }

    /** A move destination needs somewhere to send to. */
    boolean lacksAddressItNeeds() {
        boolean hasAddress = host != null && !host.isBlank() && port != null;
        return permissions != null && permissions.contains(PeerPermission.MOVE_DESTINATION) && !hasAddress;
    }

    DicomPeer toPeer() {
        return new DicomPeer(aeTitle.strip(), description.strip(), blankToNull(host), port, blankToNull(modality),
                blankToNull(stationName), permissions == null ? Set.of() : permissions, Boolean.TRUE.equals(enabled));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
