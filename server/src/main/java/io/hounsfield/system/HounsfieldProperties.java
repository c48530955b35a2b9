package io.hounsfield.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code hounsfield.*} settings. Spring's own keys cover the rest ({@code server.port},
 * {@code spring.datasource.url}).
 *
 * @param dataDir where the embedded database ({@code pg/}), the image store ({@code store/}) and
 *     temporary files ({@code tmp/}) live
 * @param demo load demo users and data; never in production
 * @param admin how the first administrator comes to exist outside demo mode
 * @param hl7 the HL7 v2 MLLP listener
 * @param dicom the DICOM listener
 */
@ConfigurationProperties("hounsfield")
public record HounsfieldProperties(
        @DefaultValue("./hounsfield-data") Path dataDir,
        @DefaultValue("false") boolean demo,
        @DefaultValue Admin admin,
        @DefaultValue Hl7 hl7,
        @DefaultValue Dicom dicom) {

    /** @param initialPassword password of user {@code admin}, created only when no user exists yet */
    public record Admin(String initialPassword) {}

    /**
     * @param aeTitle Hounsfield's own AE title; associations calling another are rejected
     * @param port 0 picks a free port (tests)
     * @param maxAssociations accepted associations at once; beyond this, A-ASSOCIATE-RJ "local limit exceeded"
     *     (transient). Connections that have not yet sent an acceptable A-ASSOCIATE-RQ do not count
     * @param maxPendingAssociations connections still to send their A-ASSOCIATE-RQ; when full, the oldest idle one is
     *     closed for a new one
     * @param artimTimeout how long a new connection has to send its A-ASSOCIATE-RQ (and a peer to close after a
     *     rejection or release) before it is closed (PS3.8 ARTIM)
     */
    public record Dicom(@DefaultValue("HOUNSFIELD") String aeTitle, @DefaultValue("11112") int port,
            @DefaultValue("127.0.0.1") String bindAddress, @DefaultValue("50") int maxAssociations,
            @DefaultValue("65536") int maxPduLength, @DefaultValue("64") int maxPendingAssociations,
            @DefaultValue("10s") java.time.Duration artimTimeout) {}

    /**
     * @param port 0 picks a free port (tests)
     * @param outbound where exam status messages go; none are sent without a host
     */
    public record Hl7(@DefaultValue("2575") int port, @DefaultValue("127.0.0.1") String bindAddress,
            @DefaultValue Outbound outbound) {}

    /**
     * @param receivingApplication MSH-5 of the messages sent
     * @param retryAfter the first wait after a failed send; each further failure doubles it, up to an hour
     */
    public record Outbound(String host, @DefaultValue("0") int port,
            @DefaultValue("RIS") String receivingApplication, @DefaultValue("10s") java.time.Duration retryAfter) {

        public boolean enabled() {
            return host != null && !host.isBlank() && port > 0;
        }
    }
}
