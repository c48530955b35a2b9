package io.hounsfield.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.concurrent.Executors;

/** HAPI's MLLP client as a sending system: one connection, messages in pipe form, the acknowledgement back. */
final class MllpClient implements AutoCloseable {

    private final HapiContext hapi;
    private final Connection connection;

    MllpClient(int port) throws Exception {
        hapi = new DefaultHapiContext(Executors.newCachedThreadPool());
        hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        connection = hapi.newClient("127.0.0.1", port, false);
    }

    Terser send(String message) throws Exception {
        return new Terser(connection.getInitiator().sendAndReceive(hapi.getPipeParser().parse(message)));
    }

    @Override
    public void close() throws Exception {
        connection.close();
        hapi.close();
    }
}
