package io.hounsfield.dicom.net;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Network settings of an application entity.
 *
 * @param maxPduLength       Maximum Length we announce and accept for P-DATA-TF (PS3.8 §D.1); 16 KiB by default,
 *                           which measured faster than 64 KiB for 512x512 CT (finer pipelining of a streamed store)
 * @param maxAssociations    associations served at once; the next A-ASSOCIATE-RQ is rejected (transient, local
 *                           limit exceeded). Only accepted associations count, not connections still to send theirs
 * @param maxPendingAssociations connections accepted but not yet associated (waiting for their A-ASSOCIATE-RQ, or
 *                           for the close after a rejection); when full, the oldest of them is closed for a new one,
 *                           so idle sockets cannot lock out a modality that sends its request at once
 * @param artimTimeout       ARTIM (PS3.8 §9.1.5): for the A-ASSOCIATE-RQ after connect and for the close after release
 * @param idleTimeout        no PDU for that long on an established association aborts it
 * @param requestTimeout     how long an SCU waits for each response, and for association acceptance and release
 * @param connectTimeout     TCP connect timeout of an SCU
 * @param sslContext         TLS for both sides (PS3.15 Annex B), or {@code null}
 */
public record NetworkOptions(int maxPduLength, int maxAssociations, int maxPendingAssociations,
        Duration artimTimeout, Duration idleTimeout, Duration requestTimeout, Duration connectTimeout,
        SSLContext sslContext) {
    public static final NetworkOptions DEFAULT = new NetworkOptions(16384, 50, 64, Duration.ofSeconds(10),
            Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofSeconds(10), null);

    public NetworkOptions {
        if (maxAssociations < 1 || maxPendingAssociations < 1) {
            throw new IllegalArgumentException("maxAssociations and maxPendingAssociations must be at least 1");
        }
    }

    public NetworkOptions withMaxPduLength(int length) {
        return new NetworkOptions(length, maxAssociations, maxPendingAssociations, artimTimeout,
                idleTimeout, requestTimeout, connectTimeout, sslContext);
    }

    public NetworkOptions withMaxAssociations(int count) {
        return new NetworkOptions(maxPduLength, count, maxPendingAssociations, artimTimeout,
                idleTimeout, requestTimeout, connectTimeout, sslContext);
    }

    public NetworkOptions withMaxPendingAssociations(int count) {
        return new NetworkOptions(maxPduLength, maxAssociations, count, artimTimeout, idleTimeout, requestTimeout,
                connectTimeout, sslContext);
    }

    public NetworkOptions withTimeouts(Duration artim, Duration idle, Duration request) {
        return new NetworkOptions(maxPduLength, maxAssociations, maxPendingAssociations, artim, idle, request,
                connectTimeout, sslContext);
    }

    public NetworkOptions withSslContext(SSLContext context) {
        return new NetworkOptions(maxPduLength, maxAssociations, maxPendingAssociations, artimTimeout,
                idleTimeout, requestTimeout, connectTimeout, context);
    }
}
