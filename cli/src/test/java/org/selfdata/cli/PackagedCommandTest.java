package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The command as the launcher runs it: {@code java -jar target/selfdata.jar} with the libraries its manifest names in
 * {@code target/lib}, in a process of its own, not the test's classpath. A library that only the tests had (a
 * dependency declared with the wrong scope) is missing there, and the demo, which imports every kind of file its
 * person has, a zip among them, fails. Run once the jar is packaged ({@code verify}); skipped otherwise.
 */
class PackagedCommandTest {
    /** The property the build sets, in its integration tests, to the jar it packaged. */
    private static final String PROPERTY = "selfdata.jar";

    @TempDir
    Path home;

    @Test
    void theDemoRunsFromThePackagedJarAndImportsEveryFileOfItsPerson() throws Exception {
        Path jar = packaged();
        Path output = home.resolve("demo.out");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                "demo", "--no-serve", "--data", home.resolve("demo").toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SELFDATA_"));
        Process demo = builder.start();

        assertThat(demo.waitFor(300, TimeUnit.SECONDS)).as("the demo ends within 5 minutes").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(demo.exitValue()).as(printed).isZero();
        assertThat(printed).doesNotContain("Exception", "NoClassDefFoundError");
        assertThat(printed).contains("Records.json: google-records from Google (Location History), 483,054 added");
        assertThat(home.resolve("demo/vault.db")).isRegularFile();
    }

    private static Path packaged() {
        String property = System.getProperty(PROPERTY, "");
        assumeThat(property).as("the packaged command is checked by ./mvnw -pl cli -am verify").isNotEmpty();
        Path jar = Path.of(property);
        assumeThat(jar).as("the packaged jar, " + jar).isRegularFile();
        return jar;
    }
}
