package org.selfdata.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Geography;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Person;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * selfdata's parts wired together, in one place, top to bottom: the vault, the gate in front of it, the importers.
 * Commands borrow what they need from here; nothing else constructs these.
 */
final class Application implements AutoCloseable {
    private final Vault vault;
    private final Gate gate;
    private Importers importers;

    private Application(Vault vault, Geography geography) {
        this.vault = requireNonNull(vault, "vault is null");
        this.gate = new Gate(vault, geography, Clock.systemUTC());
    }

    static Application open(VaultOptions options, Environment environment) {
        return open(options, environment, new SimpleMeterRegistry());
    }

    /** With the registry the vault, its gate and the server count into: a server's, that the operator watches. */
    static Application open(VaultOptions options, Environment environment, MeterRegistry meters) {
        Geography geography = geography(environment);
        return new Application(Vault.open(options.location(environment), options.keySource(environment), meters), geography);
    }

    static Application create(VaultOptions options, Environment environment) {
        return create(options, environment, new SimpleMeterRegistry());
    }

    static Application create(VaultOptions options, Environment environment, MeterRegistry meters) {
        Geography geography = geography(environment);
        return new Application(Vault.create(options.location(environment), options.keySource(environment), meters),
                geography);
    }

    /**
     * selfdata's own areas, and communes when {@code SELFDATA_COMMUNES} names a list of them (code, name, latitude,
     * longitude a line): without one, grants cannot ask for commune precision.
     */
    private static Geography geography(Environment environment) {
        return environment.variable("SELFDATA_COMMUNES").map(Path::of).map(Geography::withCommunes)
                .orElseGet(Geography::bundled);
    }

    Vault vault() {
        return vault;
    }

    Gate gate() {
        return gate;
    }

    /** Made on first use: only imports need them, and loading every format's library would slow down every command. */
    synchronized Importers importers() {
        if (importers == null) {
            importers = Importers.standard();
        }
        return importers;
    }

    /** The front door, reading with the given importers: the standard ones, or those and a person's CSV mapping. */
    Intake intake(Importers readers) {
        return new Intake(readers, vault.imports(), IntakeLimits.DEFAULT);
    }

    Person person(VaultOptions options, Environment environment) {
        Optional<String> handle = options.person(environment);
        return vault.person(handle);
    }

    @Override
    public void close() {
        vault.close();
    }
}
