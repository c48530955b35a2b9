package io.hounsfield.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.util.Terser;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The assigning authority for patient identifiers a sender writes without one (PID-3 and MRG-1 without CX-4, common
 * in real feeds): {@code hounsfield.hl7.default-authority.<MSH-3>.<MSH-4>} for one facility of a sending
 * application, else {@code hounsfield.hl7.default-authority.<MSH-3>}. Keys compare without regard to case. A
 * sender with neither configured must send CX-4.
 */
@Component
class DefaultAuthorities {

    static final String PREFIX = "hounsfield.hl7.default-authority";

    private final Map<String, String> bySender = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    DefaultAuthorities(Environment environment) {
        bySender.putAll(Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    /** The authority configured for the message's sender (MSH-3, MSH-4), or null. */
    String forSender(Terser message) throws HL7Exception {
        String application = message.get("/MSH-3-1");
        String facility = message.get("/MSH-4-1");
        if (application == null) {
            return null;
        }
        String authority = facility == null ? null : bySender.get(application + "." + facility);
        if (authority == null) {
            authority = bySender.get(application);
        }
        return authority == null || authority.isBlank() ? null : authority.strip();
    }
}
