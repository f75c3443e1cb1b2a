package org.selfdata.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A synthetic "Download your information" archive among the test resources, unpacked as a folder: its files are
 * detected the way the archive walker detects them, by their path inside the archive and their first bytes.
 */
record MetaArchive(Path root) {
    static MetaArchive of(String folder) {
        try {
            return new MetaArchive(Path.of(MetaArchive.class.getResource(folder).toURI()));
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file's path inside the archive, with forward slashes, sorted. */
    List<String> paths() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Sniff sniff(String path) {
        try (InputStream in = Files.newInputStream(root.resolve(path))) {
            return new Sniff(path, in.readNBytes(Sniff.HEAD_SIZE));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The importer that the standard set picks for a file of the archive. */
    Importer importerFor(String path) {
        return Importers.standard().detect(sniff(path))
                .orElseThrow(() -> new AssertionError("no importer recognizes " + path));
    }

    /** Reads a file of the archive whole, through the importer detection picks for it. */
    Reading read(String path) {
        return Reading.of(importerFor(path), root.resolve(path));
    }
}
