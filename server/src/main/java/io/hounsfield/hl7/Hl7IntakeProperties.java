package io.hounsfield.hl7;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code hounsfield.hl7.*} settings of the MLLP intake (the port and address are in
 * {@code HounsfieldProperties}).
 *
 * @param idleTimeout a connection that sends nothing for this long is closed by the server
 * @param maxConnections connections beyond this many open ones are closed at once
 * @param maxMessageBytes a larger message is refused (AR) and the rest of its frame discarded
 * @param defaultCharset how a message without MSH-18 is decoded when its sending application has no entry in
 *     {@code charsets}
 * @param charsets per sending application (MSH-3-1, compared without regard to case): the character set of its
 *     messages without MSH-18, e.g. {@code hounsfield.hl7.charsets.LAB=ISO-8859-1}
 */
@ConfigurationProperties("hounsfield.hl7")
record Hl7IntakeProperties(
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("256") int maxConnections,
        @DefaultValue("4194304") int maxMessageBytes,
        @DefaultValue("UTF-8") String defaultCharset,
        Map<String, String> charsets) {

    Hl7IntakeProperties {
        charsets = charsets == null ? Map.of() : Map.copyOf(charsets);
    }
}
