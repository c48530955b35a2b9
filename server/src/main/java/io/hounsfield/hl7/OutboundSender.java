package io.hounsfield.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.system.HounsfieldProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox over MLLP, one message at a time in order. A message counts as sent when the
 * receiver answers AA (or CA); anything else, or no answer, is retried after a growing pause.
 */
@Component
class OutboundSender {

    private static final System.Logger LOG = System.getLogger(OutboundSender.class.getName());
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    private final HounsfieldProperties.Outbound settings;
    private final Outbox outbox;
    private final HapiContext hapi;
    private final Clock clock = Clock.systemUTC();
    private Connection connection;

    OutboundSender(HounsfieldProperties properties, Outbox outbox, Hl7Context context) {
        this.settings = properties.hl7().outbound();
        this.outbox = outbox;
        this.hapi = context.hapi();
    }

    @Scheduled(fixedDelayString = "${hounsfield.hl7.outbound.poll-interval:1s}")
    void sendDue() {
        if (!settings.enabled()) {
            return;
        }
        for (var next = outbox.nextDue(clock.instant()); next.isPresent(); next = outbox.nextDue(clock.instant())) {
            Outbox.Pending pending = next.get();
            try {
                String acknowledgment = send(pending.message());
                if (!acknowledgment.equals("AA") && !acknowledgment.equals("CA")) {
                    throw new IOException("receiver answered " + acknowledgment);
                }
                outbox.markSent(pending.id());
            } catch (IOException | HL7Exception | LLPException e) {
                closeConnection();
                Duration pause = pause(pending.attempts());
                LOG.log(System.Logger.Level.WARNING, "HL7 {0} to {1}:{2} failed ({3}); next try in {4}",
                        pending.messageType(), settings.host(), String.valueOf(settings.port()), e.getMessage(), pause);
                outbox.markFailed(pending.id(), String.valueOf(e.getMessage()), clock.instant().plus(pause));
                return;
            }
        }
    }

    private String send(String encoded) throws HL7Exception, LLPException, IOException {
        if (connection == null || !connection.isOpen()) {
            connection = hapi.newClient(settings.host(), settings.port(), false);
        }
        Message message = hapi.getPipeParser().parse(encoded);
        return new Terser(connection.getInitiator().sendAndReceive(message)).get("/MSA-1");
    }

    private Duration pause(int attempts) {
        Duration pause = settings.retryAfter().multipliedBy(1L << Math.min(attempts, 16));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException alreadyBroken) {
                LOG.log(System.Logger.Level.DEBUG, "closing a broken HL7 connection", alreadyBroken);
            }
            connection = null;
        }
    }
}
