package org.selfdata.portability;

import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.InProgressFiles;
import org.selfdata.vault.SealedFile;
import tools.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The parts of one record type, written as its records stream by: JSON Lines straight into the zip, and for a type
 * with a table, the CSV beside it.
 *
 * <p>A zip is written one entry at a time, so the two parts cannot grow together. The CSV goes to a sealed file of its
 * own in the vault's in-progress folder and is copied into the zip once the JSON Lines part is complete. Reading the
 * vault a second time instead would open every payload twice, and could see records imported in between, so that the
 * table and the JSON Lines of one archive would disagree. The file is closed, and with it gone, as soon as it is
 * copied, or when the export fails. Nothing is begun for a type without records: it has no parts.
 */
final class TypeParts implements AutoCloseable {
    private final ArchiveWriter archive;
    private final RecordType type;
    private final Optional<TableColumns> columns;
    private final InProgressFiles inProgress;
    private PartOutput lines;
    private JsonGenerator json;
    private Optional<SealedFile> tableFile = Optional.empty();
    private Optional<TableWriter> table = Optional.empty();
    private long records;

    TypeParts(ArchiveWriter archive, RecordType type, InProgressFiles inProgress) {
        this.archive = requireNonNull(archive, "archive is null");
        this.type = requireNonNull(type, "type is null");
        this.columns = TableColumns.of(type);
        this.inProgress = requireNonNull(inProgress, "inProgress is null");
    }

    void add(StoredRecord record, List<RecordHistory.Superseded> earlier) throws IOException {
        if (records == 0) {
            begin();
        }
        RecordLines.write(json, record, earlier);
        if (table.isPresent()) {
            table.get().write(record);
        }
        records++;
    }

    private void begin() throws IOException {
        lines = archive.begin(ArchiveFormat.recordsPart(type));
        json = ArchiveJson.generator(lines);
        if (columns.isPresent()) {
            tableFile = Optional.of(inProgress.newFile());
            table = Optional.of(new TableWriter(columns.get(), tableFile.get().write()));
        }
    }

    /** Completes the type's parts in the zip; empty for a type without records. */
    Optional<Manifest.TypeContents> finish() throws IOException {
        if (records == 0) {
            return Optional.empty();
        }
        json.close();
        List<String> parts = new ArrayList<>(List.of(archive.finish(lines).name()));
        if (table.isPresent()) {
            table.get().close();
            PartOutput output = archive.begin(ArchiveFormat.tablePart(type));
            try (InputStream in = tableFile.get().read()) {
                in.transferTo(output);
            }
            parts.add(archive.finish(output).name());
        }
        return Optional.of(new Manifest.TypeContents(type, records, parts));
    }

    @Override
    public void close() throws IOException {
        try {
            if (table.isPresent()) {
                table.get().close();
            }
        }
        finally {
            tableFile.ifPresent(SealedFile::close);
        }
    }
}
