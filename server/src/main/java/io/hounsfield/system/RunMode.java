package io.hounsfield.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this process serves (listeners, recovery) or runs one {@link Command}: a command must not open ports a
 * running server might want, nor change the store on its own account.
 */
@Component
public class RunMode {
    static final String COMMAND_PROPERTY = "hounsfield.command";

    private final String command;

    RunMode(@Value("${" + COMMAND_PROPERTY + ":}") String command) {
        this.command = command;
    }

    public boolean serving() {
        return command.isBlank();
    }
}
