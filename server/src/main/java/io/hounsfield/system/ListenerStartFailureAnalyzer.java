package io.hounsfield.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a listener's taken or forbidden port into a plain start-up report. */
class ListenerStartFailureAnalyzer extends AbstractFailureAnalyzer<ListenerStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ListenerStartException failure) {
        return new FailureAnalysis(
                "The " + failure.listener() + " listener could not open " + failure.address() + ":" + failure.port()
                        + " (" + failure.getCause().getMessage() + "). Port " + failure.port() + " was already in use"
                        + " or may not be opened by this user.",
                "Stop the process using that port, or configure another port (see README.md, Ports).",
                failure);
    }
}
