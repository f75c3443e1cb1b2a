package org.selfdata.cli;

import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The {@code selfdata} command. Every failure selfdata reports becomes one line on standard error and the exit code
 * of its {@link org.selfdata.model.ErrorCode}; a fault it did not expect becomes exit code 1 with the stack trace, so
 * that it can be reported. The line is in the terminal's language ({@code LANG}, {@code LC_MESSAGES},
 * {@code LC_ALL}), and so is the help; the stack trace, for whoever reads the report, is not.
 */
public final class Selfdata {
    private Selfdata() {}

    public static void main(String[] arguments) {
        System.exit(execute(Terminal.system(), Environment.system(), arguments));
    }

    static int execute(Terminal terminal, Environment environment, String... arguments) {
        return commandLine(terminal, environment).execute(arguments);
    }

    static CommandLine commandLine(Terminal terminal, Environment environment) {
        CommandLine commandLine = new CommandLine(new SelfdataCommand(), new CommandFactory(terminal, environment));
        DemoCommand.describeItsFolder(commandLine.getSubcommands().get("demo"));
        commandLine.setOut(new PrintWriter(terminal.out(), true));
        commandLine.setErr(new PrintWriter(terminal.err(), true));
        Language language = Language.ofEnvironment(environment.variables());
        HelpTexts.speak(commandLine, language);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof SelfdataException selfdata) {
                failed.getErr().println("selfdata: " + selfdata.message(language));
                return ExitCodes.of(selfdata.code());
            }
            failed.getErr().println("selfdata: " + Words.of(language).say("command.unexpectedFault"));
            exception.printStackTrace(failed.getErr());
            return ExitCodes.INTERNAL;
        });
        return commandLine;
    }

    /** Builds each command with the terminal and environment it should use: constructor injection for picocli. */
    private record CommandFactory(Terminal terminal, Environment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Terminal.class, Environment.class).newInstance(terminal, environment);
            }
            catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
