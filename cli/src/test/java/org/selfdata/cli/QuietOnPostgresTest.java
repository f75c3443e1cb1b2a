package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.testing.ChildJvm;
import org.selfdata.testing.Corpus;
import org.selfdata.testing.TestPostgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ordinary commands against PostgreSQL print what selfdata has to say and nothing else, each in a process of its own as
 * a user runs them, with the logging the selfdata jar ships. The PostgreSQL of the tests (17, or the one
 * {@code SELFDATA_TEST_POSTGRES} names) is older than the newest, the only one jOOQ's open-source edition says it
 * supports: without selfdata's own say on versions, jOOQ's warning about it would be among these lines.
 */
class QuietOnPostgresTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void initImportAndLogVerifyPrintOnlyTheirOwnLines(@TempDir Path home) throws InterruptedException {
        String database = TestPostgres.get().newDatabase();
        String vault = home.resolve("vault").toString();
        String locations = Corpus.file("google-location/takeout_Records.json").toString();

        List<String> init = run("init", "--data", vault, "--db", database, "--handle", "alice", "--zone", "Europe/Paris");
        List<String> imported = run("import", "--data", vault, "--db", database, locations);
        List<String> verified = run("log", "verify", "--data", vault, "--db", database);

        assertThat(init).satisfiesExactly(
                line -> assertThat(line).startsWith("Created a vault for alice at jdbc:postgresql://"),
                line -> assertThat(line).isEqualTo("Times are shown in Europe/Paris."),
                line -> assertThat(line).startsWith("No sign-in password yet"));
        assertThat(imported).singleElement().asString()
                .startsWith("takeout_Records.json: google-records from Google (Location History), 12 added, 0 already held");
        assertThat(verified).singleElement().asString().startsWith("intact: 1 entry, root ");
    }

    /** Runs one command to its end; its standard output and error together, line by line. */
    private static List<String> run(String... arguments) throws InterruptedException {
        try (ChildJvm selfdata = ChildJvm.start(Selfdata.class, arguments)) {
            assertThat(selfdata.awaitExit(PATIENCE)).as("selfdata %s: %s", arguments[0], selfdata.output()).isZero();
            return selfdata.output();
        }
    }
}
