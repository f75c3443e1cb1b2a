package org.selfdata.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The third-party sample files in {@code ../shared/corpus}, read in place and never copied into the project. Tests
 * that need them skip, saying why, on a fresh clone where the folder is absent.
 */
public final class Corpus {
    private Corpus() {}

    /** The corpus folder, from the {@code selfdata.corpus} system property that the build sets. */
    public static Optional<Path> root() {
        String configured = System.getProperty("selfdata.corpus", "../shared/corpus");
        Path root = Path.of(configured).toAbsolutePath().normalize();
        return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
    }

    /** A sample file by its path inside the corpus, such as {@code ofx/checking.ofx}; skips the test when absent. */
    public static Path file(String relativePath) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(), "../shared/corpus is absent, so the third-party sample files cannot be read");
        Path file = root.get().resolve(relativePath);
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/corpus has no " + relativePath);
        return file;
    }
}
