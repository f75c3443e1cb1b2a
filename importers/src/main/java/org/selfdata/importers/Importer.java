package org.selfdata.importers;

import java.io.InputStream;

/**
 * Reads one file format. Implementations are pure: bytes in, records out, nothing stored and no keys held.
 *
 * <p>A new format is one class implementing this interface, its tests, and one line in {@link Importers}.
 * Detection looks at content first: people rename files, and platforms change their names between exports.
 */
public interface Importer {
    /** A short stable name for the format, used in reports, batches and exports: {@code ofx}, {@code google-records}. */
    String format();

    /** How sure this importer is that the sniffed file is its format. */
    Detection detect(Sniff sniff);

    /**
     * Starts reading a file. The returned file streams: records are parsed as the caller pulls them, so memory
     * stays flat whatever the file's size. A format error surfaces as a {@code SelfdataException} with code
     * {@code INVALID_INPUT} whose message names the position and what was expected, and never quotes content.
     */
    ParsedFile open(InputStream in, ImportContext context);
}
