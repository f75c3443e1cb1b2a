package org.selfdata.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs tests that look the corpus up in every way a test may, with the corpus where the build says and nowhere, as
 * JUnit runs every module's tests (extension autodetection on, as the root pom sets it).
 */
class CorpusAssumptionTest {
    @Test
    void everyLookupOfAnAbsentCorpusSkipsItsTestWhereverItIsWritten(@TempDir Path folder) {
        Path absent = folder.resolve("corpus");

        Map<String, TestExecutionResult> results = run(absent);

        String reason = "Assumption failed: " + absent + " is absent, so the third-party sample files cannot be read";
        String swallowed = reason + " (the test caught the skip and went on without the file)";
        assertThat(results).containsOnlyKeys("lookupOutsideAnyAssertion()", "lookupInsideAnAssertionOnExceptions()",
                "lookupWhoseSkipIsCaught()", "failureWithoutLookup()");
        assertThat(results.get("lookupOutsideAnyAssertion()")).satisfies(result -> aborted(result, reason));
        assertThat(results.get("lookupInsideAnAssertionOnExceptions()")).satisfies(result -> aborted(result, swallowed));
        assertThat(results.get("lookupWhoseSkipIsCaught()")).satisfies(result -> aborted(result, swallowed));
        assertThat(results.get("failureWithoutLookup()").getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(results.get("failureWithoutLookup()").getThrowable()).get().isInstanceOf(AssertionError.class);
    }

    @Test
    void aFileMissingFromAPresentCorpusSkipsItsTestNamingTheFile(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("ofx"));

        Map<String, TestExecutionResult> results = run(folder);

        String swallowed = "Assumption failed: " + folder + " has no ofx/checking.ofx"
                + " (the test caught the skip and went on without the file)";
        assertThat(results.get("lookupInsideAnAssertionOnExceptions()")).satisfies(result -> aborted(result, swallowed));
    }

    @Test
    void testsRunAsWrittenWhenTheCorpusHoldsTheirFiles(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("ofx"));
        Files.writeString(folder.resolve("ofx/checking.ofx"), "OFXHEADER:100");

        Map<String, TestExecutionResult> results = run(folder);

        assertThat(results.get("lookupOutsideAnyAssertion()").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.get("lookupInsideAnAssertionOnExceptions()").getStatus())
                .isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(results.get("lookupWhoseSkipIsCaught()").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    private static void aborted(TestExecutionResult result, String message) {
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(result.getThrowable()).get().isInstanceOf(TestAbortedException.class)
                .extracting(Throwable::getMessage).isEqualTo(message);
    }

    private static Map<String, TestExecutionResult> run(Path corpus) {
        Optional<String> configured = Optional.ofNullable(System.getProperty(Corpus.PROPERTY));
        System.setProperty(Corpus.PROPERTY, corpus.toString());
        try {
            Map<String, TestExecutionResult> results = new TreeMap<>();
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(LookingUp.class))
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .configurationParameter("junit.jupiter.extensions.autodetection.include", "org.selfdata.testing.*")
                    .build();
            LauncherFactory.create().execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest()) {
                        results.put(test.getDisplayName(), result);
                    }
                }
            });
            return results;
        }
        finally {
            configured.ifPresentOrElse(value -> System.setProperty(Corpus.PROPERTY, value),
                    () -> System.clearProperty(Corpus.PROPERTY));
        }
    }

    /** The ways a test may look the corpus up; run only through {@link #run}, never by the build itself. */
    static final class LookingUp {
        @Test
        void lookupOutsideAnyAssertion() throws IOException {
            Path sample = Corpus.file("ofx/checking.ofx");

            assertThat(Files.readString(sample)).isEqualTo("OFXHEADER:100");
        }

        @Test
        void lookupInsideAnAssertionOnExceptions() {
            assertThatThrownBy(() -> Files.readString(Corpus.file("ofx/checking.ofx"))).isInstanceOf(IOException.class);
        }

        @Test
        void lookupWhoseSkipIsCaught() {
            try {
                Corpus.file("ofx/checking.ofx");
            }
            catch (TestAbortedException e) {
                // Written by mistake: the test goes on without its file.
            }
        }

        @Test
        void failureWithoutLookup() {
            assertThat(Corpus.PROPERTY).isEqualTo("another property");
        }
    }
}
