package org.selfdata.importers;

import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** Reads a whole (small) file through an importer, for tests that look at every record. */
record Reading(String format, SourceDescriptor source, List<RecordDraft> records) {
    static final ImportContext PARIS = new ImportContext(ZoneId.of("Europe/Paris"));

    static Reading of(Importer importer, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(importer, in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reading of(Importer importer, String text, Charset charset) {
        return of(importer, new ByteArrayInputStream(text.getBytes(charset)));
    }

    static Reading of(Importer importer, InputStream in) {
        try (ParsedFile file = importer.open(in, PARIS)) {
            return new Reading(file.format(), file.source(), file.records().toList());
        }
    }

    <T> List<T> payloads(Class<T> type) {
        return records.stream().map(RecordDraft::payload).filter(type::isInstance).map(type::cast).toList();
    }

    List<String> positions() {
        return records.stream().map(record -> record.position().value()).toList();
    }
}
