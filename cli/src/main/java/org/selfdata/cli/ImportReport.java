package org.selfdata.cli;

import org.selfdata.model.ImportBatch;
import org.selfdata.model.Source;
import org.selfdata.model.TimeSpan;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** What one file's import did, for people (one line) and for scripts (JSON). */
record ImportReport(String file, String format, Source source, ImportBatch batch, Optional<TimeSpan> covered, Duration took,
        ZoneId zone) {
    String line() {
        return String.format("%s: %s from %s (%s), %,d added, %,d already held%s, in %.1f s", file, format, source.organization(),
                source.label(), batch.added(), batch.duplicates(),
                covered.map(span -> ", " + Days.covered(span, zone)).orElse(""), took.toMillis() / 1000.0);
    }
}
