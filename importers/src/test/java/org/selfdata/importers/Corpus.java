package org.selfdata.importers;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party sample files, read in place from {@code ../shared/corpus}: they are not selfdata's to copy. The
 * build passes their folder as the system property {@code selfdata.corpus}; a fresh clone without them skips.
 */
final class Corpus {
    private Corpus() {}

    static Path file(String relativePath) {
        Path root = Path.of(System.getProperty("selfdata.corpus", "../shared/corpus"));
        Path file = root.resolve(relativePath);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "../shared/corpus is absent: " + relativePath + " was looked for in " + root.toAbsolutePath().normalize());
        return file;
    }
}
