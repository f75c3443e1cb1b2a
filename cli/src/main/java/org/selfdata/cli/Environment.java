package org.selfdata.cli;

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

    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }
}
