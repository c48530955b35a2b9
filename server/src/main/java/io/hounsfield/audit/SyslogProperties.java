package io.hounsfield.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code hounsfield.audit.syslog.*} settings: where the audit trail is also sent as IHE ATNA messages (RFC 5424
 * syslog carrying the DICOM audit message of PS3.15 Annex A.5). Off while {@code host} is empty.
 *
 * @param protocol {@code UDP} (RFC 5426), {@code TCP} (octet counting, RFC 6587) or {@code TLS} (RFC 5425, trusting
 *     the JVM's trust store, {@code javax.net.ssl.trustStore})
 * @param port 0 for the protocol's registered port: 514 for UDP and TCP, 6514 for TLS
 * @param sourceId the Audit Source ID the messages name (PS3.15 §A.5.1)
 * @param queueCapacity messages waiting for the collector; beyond it the oldest are dropped and the drop is logged
 */
@ConfigurationProperties("hounsfield.audit.syslog")
record SyslogProperties(String host, @DefaultValue("0") int port, @DefaultValue("UDP") Protocol protocol,
        @DefaultValue("HOUNSFIELD") String sourceId, @DefaultValue("10000") int queueCapacity) {

    enum Protocol { UDP, TCP, TLS }

    boolean enabled() {
        return host != null && !host.isBlank();
    }

    int effectivePort() {
        return port > 0 ? port : protocol == Protocol.TLS ? 6514 : 514;
    }
}
