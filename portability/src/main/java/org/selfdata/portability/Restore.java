package org.selfdata.portability;

import org.selfdata.model.BatchId;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordId;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.Restoration;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads an archive written by {@link Export} back into a person who holds nothing yet.
 *
 * <p>Two passes over the zip, each streaming. The first checks everything before anything is written: the manifest,
 * every part's size and SHA-256, every line, every payload against its type, every reference from a record to its
 * source and batch. The second writes, inside the vault's one restore transaction, and checks each part's digest
 * again as it goes, so an archive changed between the passes fails the transaction rather than slipping in. A
 * corrupt, truncated, altered or foreign archive gets one message naming the part and what is wrong, and the person
 * stays empty.
 */
public final class Restore {
    private static final int PROGRESS_INTERVAL = 1_000;

    private final Vault vault;
    private final ArchiveLimits limits;

    public Restore(Vault vault) {
        this(vault, ArchiveLimits.DEFAULT);
    }

    Restore(Vault vault, ArchiveLimits limits) {
        this.vault = requireNonNull(vault, "vault is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    public Manifest restore(PersonId person, Path archive) {
        return restore(person, archive, Progress.NONE);
    }

    public Manifest restore(PersonId person, Path archive, Progress progress) {
        requireNonNull(person, "person is null");
        requireNonNull(progress, "progress is null");
        requireEmpty(person);
        try (ArchiveReader reader = ArchiveReader.open(archive.toAbsolutePath().normalize(), limits)) {
            Manifest manifest = reader.manifest();
            Provenance provenance = check(reader, manifest, progress);
            vault.restoration().restore(person, writer -> write(reader, manifest, provenance, writer, progress));
            return manifest;
        }
    }

    /** The vault refuses too, inside its transaction; asking first spares the person a long check for nothing. */
    private void requireEmpty(PersonId person) {
        int sources = vault.imports().sources(person).size();
        if (sources > 0) {
            throw new SelfdataException(ErrorCode.CONFLICT,
                    "a restore needs a person who holds nothing yet, and this person holds " + sources
                            + " source(s); restore into a new vault or a new person");
        }
    }

    /** The archive's sources and batches: a few per imported file, small enough to keep between the passes. */
    private record Provenance(List<Source> sources, List<ImportBatch> batches, Map<BatchId, SourceId> sourceOfBatch) {}

    private Provenance check(ArchiveReader reader, Manifest manifest, Progress progress) {
        Map<SourceId, Source> sources = new LinkedHashMap<>();
        reader.readLines(part(manifest, ArchiveFormat.SOURCES), (line, number) -> {
            Source source = ProvenanceLines.source(JsonLine.parse(ArchiveFormat.SOURCES, number, line));
            if (sources.put(source.id(), source) != null) {
                throw InvalidArchive.line(ArchiveFormat.SOURCES, number, "source " + source.id() + " is listed twice");
            }
        });
        Map<BatchId, ImportBatch> batches = new LinkedHashMap<>();
        reader.readLines(part(manifest, ArchiveFormat.BATCHES), (line, number) -> {
            ImportBatch batch = ProvenanceLines.batch(JsonLine.parse(ArchiveFormat.BATCHES, number, line));
            if (!sources.containsKey(batch.source())) {
                throw InvalidArchive.line(ArchiveFormat.BATCHES, number, "batch " + batch.id() + " refers to source "
                        + batch.source() + ", which " + ArchiveFormat.SOURCES + " does not list");
            }
            if (batches.put(batch.id(), batch) != null) {
                throw InvalidArchive.line(ArchiveFormat.BATCHES, number, "batch " + batch.id() + " is listed twice");
            }
        });
        Map<BatchId, SourceId> sourceOfBatch = new LinkedHashMap<>();
        batches.values().forEach(batch -> sourceOfBatch.put(batch.id(), batch.source()));
        long checked = 0;
        for (Manifest.TypeContents type : manifest.types()) {
            checked = checkRecords(reader, manifest, type, sourceOfBatch, checked, progress);
            for (String table : type.parts().subList(1, type.parts().size())) {
                reader.verify(part(manifest, table));
            }
        }
        return new Provenance(List.copyOf(sources.values()), List.copyOf(batches.values()), sourceOfBatch);
    }

    private static long checkRecords(ArchiveReader reader, Manifest manifest, Manifest.TypeContents type,
            Map<BatchId, SourceId> sourceOfBatch, long checkedBefore, Progress progress) {
        String name = ArchiveFormat.recordsPart(type.type());
        RecordOrder order = new RecordOrder();
        long[] checked = {checkedBefore};
        reader.readLines(part(manifest, name), (line, number) -> {
            JsonLine json = JsonLine.parse(name, number, line);
            RecordHistory record = RecordLines.read(json, type.type());
            RecordLines.check(json, record);
            checkProvenance(json, record.current(), sourceOfBatch);
            order.follow(json, record.current().id());
            if (++checked[0] % PROGRESS_INTERVAL == 0) {
                progress.reached(Progress.Step.CHECKING, checked[0]);
            }
        });
        if (order.records() != type.records()) {
            throw InvalidArchive.part(name, "holds " + order.records() + " records, and the manifest says " + type.records());
        }
        if (checked[0] % PROGRESS_INTERVAL != 0) {
            progress.reached(Progress.Step.CHECKING, checked[0]);
        }
        return checked[0];
    }

    private static void checkProvenance(JsonLine line, StoredRecord record, Map<BatchId, SourceId> sourceOfBatch) {
        SourceId source = sourceOfBatch.get(record.provenance().batch());
        if (source == null) {
            throw line.invalid("the record refers to batch " + record.provenance().batch() + ", which " + ArchiveFormat.BATCHES
                    + " does not list");
        }
        if (!source.equals(record.provenance().source())) {
            throw line.invalid("the record refers to source " + record.provenance().source() + ", but its batch "
                    + record.provenance().batch() + " imported source " + source);
        }
    }

    /**
     * Records come in the order of their ids, as the gate reads them; checking that order costs nothing and finds a
     * record given twice in a part, which the vault would otherwise refuse half-way through the transaction.
     */
    private static final class RecordOrder {
        private Optional<RecordId> previous = Optional.empty();
        private long records;

        void follow(JsonLine line, RecordId id) {
            if (previous.isPresent() && previous.get().compareTo(id) >= 0) {
                throw line.invalid("the records are not in the order of their start time and id, as an export writes them");
            }
            previous = Optional.of(id);
            records++;
        }

        long records() {
            return records;
        }
    }

    private static void write(ArchiveReader reader, Manifest manifest, Provenance provenance, Restoration.Writer writer,
            Progress progress) {
        provenance.sources().forEach(writer::source);
        provenance.batches().forEach(writer::batch);
        long[] restored = {0};
        for (Manifest.TypeContents type : manifest.types()) {
            String name = ArchiveFormat.recordsPart(type.type());
            reader.readLines(part(manifest, name), (line, number) -> {
                writer.record(RecordLines.read(JsonLine.parse(name, number, line), type.type()));
                if (++restored[0] % PROGRESS_INTERVAL == 0) {
                    progress.reached(Progress.Step.RESTORING, restored[0]);
                }
            });
            if (restored[0] % PROGRESS_INTERVAL != 0) {
                progress.reached(Progress.Step.RESTORING, restored[0]);
            }
        }
    }

    private static Part part(Manifest manifest, String name) {
        return manifest.part(name)
                .orElseThrow(() -> InvalidArchive.part(ArchiveFormat.MANIFEST, "does not describe the part " + name));
    }
}
