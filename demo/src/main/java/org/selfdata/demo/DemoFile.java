package org.selfdata.demo;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A file the demo wrote.
 *
 * @param format the importer format that reads it ({@code ofx}, {@code google-records}, …)
 * @param records how many records an importer reads from it
 */
public record DemoFile(Path path, String format, long records) {
    public DemoFile {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
    }
}
