package io.hounsfield.dicom.net;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Network settings of an application entity.
 *
 * @param maxPduLength       Maximum Length we announce and accept for P-DATA-TF (PS3.8 §D.1); 16 KiB by default,
 *                           which measured faster than 64 KiB for 512x512 CT (finer pipelining of a streamed store)
 * @param maxAssociations    associations served at once; more are rejected with temporary congestion
 * @param artimTimeout       ARTIM (PS3.8 §9.1.5): for the A-ASSOCIATE-RQ after connect and for the close after release
 * @param idleTimeout        no PDU for that long on an established association aborts it
 * @param requestTimeout     how long an SCU waits for each response, and for association acceptance and release
 * @param connectTimeout     TCP connect timeout of an SCU
 * @param sslContext         TLS for both sides (PS3.15 Annex B), or {@code null}
 */
public record NetworkOptions(int maxPduLength, int maxAssociations, Duration artimTimeout, Duration idleTimeout,
        Duration requestTimeout, Duration connectTimeout, SSLContext sslContext) {
    public static final NetworkOptions DEFAULT = new NetworkOptions(16384, 50, Duration.ofSeconds(10),
            Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofSeconds(10), null);

    public NetworkOptions withMaxPduLength(int length) {
        return new NetworkOptions(length, maxAssociations, artimTimeout, idleTimeout, requestTimeout, connectTimeout,
                sslContext);
    }

    public NetworkOptions withMaxAssociations(int count) {
        return new NetworkOptions(maxPduLength, count, artimTimeout, idleTimeout, requestTimeout, connectTimeout,
                sslContext);
    }

    public NetworkOptions withTimeouts(Duration artim, Duration idle, Duration request) {
        return new NetworkOptions(maxPduLength, maxAssociations, artim, idle, request, connectTimeout, sslContext);
    }

    public NetworkOptions withSslContext(SSLContext context) {
        return new NetworkOptions(maxPduLength, maxAssociations, artimTimeout, idleTimeout, requestTimeout,
                connectTimeout, context);
    }
}
