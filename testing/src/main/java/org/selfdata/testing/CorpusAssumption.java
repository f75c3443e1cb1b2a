package org.selfdata.testing;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import java.util.Optional;

/**
 * Holds a test to the skip its {@link Corpus} lookup asked for, even when the test swallowed it: a lookup written
 * inside {@code assertThatThrownBy(() -> ...)} turns the skip into a failed assertion, and one inside a {@code catch}
 * lets the test pass without its file. Either way the test did not run on what it needs, so it is reported as
 * skipped, with the reason the lookup gave.
 *
 * <p>Registered for every module's tests through JUnit's extension autodetection (see the root pom's surefire
 * configuration), so that no test has to remember it. Lookups are followed per thread: a lookup on another thread
 * than the test's is not seen.
 */
public final class CorpusAssumption implements BeforeEachCallback, TestExecutionExceptionHandler, AfterTestExecutionCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        Corpus.forgetRefusedLookup();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Optional<String> refused = Corpus.refusedLookup();
        if (refused.isPresent() && !(throwable instanceof TestAbortedException)) {
            throw new TestAbortedException(swallowed(refused.get()), throwable);
        }
        throw throwable;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Optional<String> refused = Corpus.refusedLookup();
        Corpus.forgetRefusedLookup();
        if (refused.isPresent() && context.getExecutionException().isEmpty()) {
            throw new TestAbortedException(swallowed(refused.get()));
        }
    }

    private static String swallowed(String reason) {
        return "Assumption failed: " + reason + " (the test caught the skip and went on without the file)";
    }
}
