package org.selfdata.cli;

import org.selfdata.texts.Language;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The words of {@code selfdata --help} in the terminal's language. English is written in the commands' annotations,
 * beside the code it describes; another language comes from a bundle of its own, {@code fr/help.properties}, which
 * picocli reads for every command, option and heading it shows.
 */
final class HelpTexts {
    private HelpTexts() {}

    /** Makes the help of this command line and of all its subcommands speak the language, if it is not English. */
    static void speak(CommandLine commandLine, Language language) {
        bundle(language).ifPresent(commandLine::setResourceBundle);
    }

    /** The help's words in this language, or none when the annotations already say them (English). */
    static Optional<ResourceBundle> bundle(Language language) {
        return switch (language) {
            case ENGLISH -> Optional.empty();
            case FRENCH -> Optional.of(read("fr/help.properties"));
        };
    }

    /** Reads the bundle as UTF-8 whatever the JVM's default, so that its accents and apostrophes stay as written. */
    private static ResourceBundle read(String name) {
        try (InputStream stream = HelpTexts.class.getResourceAsStream(name)) {
            if (stream == null) {
                throw new IllegalStateException("the help texts " + name + " are missing from selfdata's classes");
            }
            return new PropertyResourceBundle(new InputStreamReader(stream, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the help texts " + name, e);
        }
    }
}
