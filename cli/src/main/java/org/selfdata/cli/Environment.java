package org.selfdata.cli;

import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The process environment and home folder, given rather than read from globals so that tests can set them. */
record Environment(Map<String, String> variables, Path home) {
    Environment {
        variables = Map.copyOf(variables);
        requireNonNull(home, "home is null");
    }

    static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The words of the terminal's language ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}), which people read. */
    Words words() {
        return Words.of(Language.ofEnvironment(variables));
    }

    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }
}
