package io.hounsfield.hl7;

import io.hounsfield.catalog.Procedure;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The room an HL7 order that names none is booked on (v2.3 orders, OMI without IPC-9), so that the modality finds it
 * under its own Scheduled Station AE Title: {@code hounsfield.hl7.default-station.<procedure code>}, else
 * {@code hounsfield.hl7.default-station.<modality>}, else the first enabled room of the procedure's modality
 * (by AE title). With no room of that modality the order stays without a station.
 */
@Component
class DefaultStations {

    static final String PREFIX = "hounsfield.hl7.default-station";

    private final Map<String, String> configured = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final DicomPeerRegistry rooms;

    DefaultStations(Environment environment, DicomPeerRegistry rooms) {
        this.rooms = rooms;
        configured.putAll(Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    /** The station for an order of {@code procedure} that names none; empty when there is no room for it. */
    Optional<String> forProcedure(Procedure procedure) {
        String station = configured.get(procedure.code());
        if (station == null) {
            station = configured.get(procedure.modality());
        }
        if (station != null && !station.isBlank()) {
            return Optional.of(station.strip());
        }
        return rooms.all().stream()
                .filter(peer -> peer.enabled() && peer.modality() != null
                        && peer.modality().toUpperCase(Locale.ROOT).equals(procedure.modality().toUpperCase(Locale.ROOT)))
                .map(DicomPeer::aeTitle)
                .findFirst();
    }
}
