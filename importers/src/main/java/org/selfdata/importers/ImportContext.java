package org.selfdata.importers;

import java.time.ZoneId;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What an importer may need to know about the person it reads for, and about the file.
 *
 * @param zone the person's time zone: what a date without a time means (a bank's booking date, a floating
 *     calendar time, a Linky timestamp without an offset)
 * @param fileName the file's name as the person gave it, when known: formats that name no account (QIF) label their
 *     source with it
 */
public record ImportContext(ZoneId zone, Optional<String> fileName) {
    public ImportContext {
        requireNonNull(zone, "zone is null");
        requireNonNull(fileName, "fileName is null");
    }

    public ImportContext(ZoneId zone) {
        this(zone, Optional.empty());
    }

    /** This context for a file of the given name, unless it names one already. */
    public ImportContext withFileName(String name) {
        requireNonNull(name, "name is null");
        return fileName.isPresent() ? this : new ImportContext(zone, Optional.of(name));
    }
}
