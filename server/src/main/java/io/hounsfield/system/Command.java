package io.hounsfield.system;

import java.io.PrintStream;
import java.util.List;

/**
 * A task run from the command line instead of the server ({@code java -jar hounsfield.jar NAME ARGUMENTS}), on the
 * same configuration and data directory, with no listener open. Features contribute commands as beans.
 */
public interface Command {

    /** The word that selects the command. */
    String name();

    /** Its arguments and what it does, in one line. */
    String usage();

    /** Runs the command, reporting to {@code out}; returns the process exit code. */
    int run(List<String> arguments, PrintStream out) throws Exception;
}
