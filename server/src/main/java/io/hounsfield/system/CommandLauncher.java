package io.hounsfield.system;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Hounsfield for one {@link Command} instead of serving: no port opened (the web context is built, since the
 * security configuration needs it, but {@code server.port=-1} keeps Tomcat from listening), no listeners, quiet logs. Options
 * ({@code --key=value}) configure it as they configure the server; the other words are the command's arguments.
 */
public final class CommandLauncher {
    private static final int USAGE_ERROR = 2;

    private CommandLauncher() {
    }

    /** Whether the arguments name a command: their first word is not an option. */
    public static boolean isCommand(String[] arguments) {
        return arguments.length > 0 && !arguments[0].startsWith("-");
    }

    public static int run(Class<?> application, String[] arguments) throws Exception {
        String name = arguments[0];
        List<String> rest = Arrays.asList(arguments).subList(1, arguments.length);
        String[] options = rest.stream().filter(word -> word.startsWith("--")).toArray(String[]::new);
        List<String> commandArguments = rest.stream().filter(word -> !word.startsWith("--")).toList();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .logStartupInfo(false)
                .properties(RunMode.COMMAND_PROPERTY + "=" + name, "server.port=-1", "logging.level.root=warn",
                        "logging.level.io.hounsfield=warn",
                        // that nobody can log in yet matters to a server, not to a command
                        "logging.level.io.hounsfield.security.FirstUsers=error")
                .run(options)) {
            List<Command> commands = context.getBeansOfType(Command.class).values().stream()
                    .sorted(Comparator.comparing(Command::name)).toList();
            Optional<Command> command = commands.stream().filter(each -> each.name().equals(name)).findFirst();
            if (command.isEmpty()) {
                System.err.println("Unknown command '" + name + "'. Commands:");
                commands.forEach(each -> System.err.println("  " + each.usage()));
                System.err.println("Without a command, java -jar hounsfield.jar starts the server.");
                return USAGE_ERROR;
            }
            return command.get().run(commandArguments, System.out);
        }
    }
}
