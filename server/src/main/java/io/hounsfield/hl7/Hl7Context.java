package io.hounsfield.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * HAPI's parser and model for the intake and the outbound sender. Every version from 2.3 to 2.5.1 is read into the
 * 2.5.1 model, so one port serves ADT (v2.3/2.5) and OMI (v2.5.1) senders alike (DOMAIN.md WF-33). HAPI is used
 * for parsing and for the outbound client only; the listener is {@link MllpServer}.
 */
@Component
class Hl7Context implements DisposableBean {

    private final HapiContext hapi;

    Hl7Context(JdbcClient jdbc) {
        // HAPI's default executor is shared by every HAPI context in the JVM; closing another would stop ours.
        AtomicInteger number = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hl7-out-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        hapi = new DefaultHapiContext(threads);
        hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        hapi.getParserConfiguration().setIdGenerator(new ControlIds(jdbc));
        // The outbound client writes (and reads answers) in the character set MSH-18 names; HAPI's default is US-ASCII.
        hapi.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
    }

    HapiContext hapi() {
        return hapi;
    }

    @Override
    public void destroy() throws IOException {
        hapi.close();
    }
}
