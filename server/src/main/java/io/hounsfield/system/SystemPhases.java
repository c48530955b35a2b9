package io.hounsfield.system;

import org.springframework.context.SmartLifecycle;

/** Start order of what runs: listeners open before the web server, so a healthy server serves every protocol. */
public final class SystemPhases {

    /** Before Spring Boot's web server (which starts at {@code DEFAULT_PHASE - 1024}), stopped after it. */
    public static final int LISTENERS = SmartLifecycle.DEFAULT_PHASE - 2048;

    private SystemPhases() {}
}
