package org.selfdata.importers;

import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * What an importer may need to know about the person it reads for.
 *
 * @param zone the person's time zone: what a date without a time means (a bank's booking date, a floating
 *     calendar time, a Linky timestamp without an offset)
 */
public record ImportContext(ZoneId zone) {
    public ImportContext {
        requireNonNull(zone, "zone is null");
    }
}
