package org.selfdata.testing;

import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The third-party sample files in {@code ../shared/corpus}, read in place and never copied into the project. Tests
 * that need them skip, saying why, on a fresh clone where the folder is absent.
 *
 * <p>A skip is an exception, which an assertion on exceptions ({@code assertThatThrownBy}) or a {@code catch} would
 * take for the test's own outcome: look files up before any assertion. {@link CorpusAssumption} holds a test to the
 * skip even where that was forgotten, so that a missing corpus never fails a test nor lets one pass.
 */
public final class Corpus {
    /** The system property naming the corpus folder; the build sets it, and CI points it at nothing to test the skips. */
    public static final String PROPERTY = "selfdata.corpus";

    private static final ThreadLocal<Optional<String>> REFUSED_LOOKUP = ThreadLocal.withInitial(Optional::empty);

    private Corpus() {}

    /** The corpus folder, from the {@code selfdata.corpus} system property that the build sets. */
    public static Optional<Path> root() {
        Path root = configuredRoot();
        return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
    }

    /** A sample file by its path inside the corpus, such as {@code ofx/checking.ofx}; skips the test when absent. */
    public static Path file(String relativePath) {
        Optional<Path> root = root();
        if (root.isEmpty()) {
            throw skip(configuredRoot() + " is absent, so the third-party sample files cannot be read");
        }
        Path file = root.get().resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw skip(root.get() + " has no " + relativePath);
        }
        return file;
    }

    /** Why the last lookup of this thread skipped its test, since the last {@link #forgetRefusedLookup()}. */
    static Optional<String> refusedLookup() {
        return REFUSED_LOOKUP.get();
    }

    static void forgetRefusedLookup() {
        REFUSED_LOOKUP.remove();
    }

    private static Path configuredRoot() {
        return Path.of(System.getProperty(PROPERTY, "../shared/corpus")).toAbsolutePath().normalize();
    }

    private static TestAbortedException skip(String reason) {
        REFUSED_LOOKUP.set(Optional.of(reason));
        return new TestAbortedException("Assumption failed: " + reason);
    }
}
