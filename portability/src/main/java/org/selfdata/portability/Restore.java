package org.selfdata.portability;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.Restoration;
import org.selfdata.vault.SealedFile;
import org.selfdata.vault.Vault;

import java.nio.file.Path;

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
    private final Vault vault;
    private final ArchiveLimits limits;

    public Restore(Vault vault) {
        this(vault, ArchiveLimits.DEFAULT);
    }

    Restore(Vault vault, ArchiveLimits limits) {
        this.vault = requireNonNull(vault, "vault is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /**
     * Reads an archive's manifest, checking that it is a selfdata export this version reads: what a surface needs to
     * know, such as whose archive it is, before it prepares a person to restore into.
     */
    public static Manifest manifestOf(Path archive) {
        try (ArchiveReader reader = ArchiveReader.open(archive.toAbsolutePath().normalize(), ArchiveLimits.DEFAULT)) {
            return reader.manifest();
        }
    }

    public Manifest restore(PersonId person, Path archive) {
        return restore(person, archive, Progress.NONE);
    }

    public Manifest restore(PersonId person, Path archive, Progress progress) {
        requireNonNull(person, "person is null");
        requireNonNull(progress, "progress is null");
        requireEmpty(person);
        try (ArchiveReader reader = ArchiveReader.open(archive.toAbsolutePath().normalize(), limits)) {
            return restore(person, reader, progress);
        }
    }

    /**
     * Restores an archive that waits sealed in the vault's in-progress folder, such as one uploaded to the server.
     *
     * @param name what messages call the archive, such as the name it was uploaded under
     */
    public Manifest restore(PersonId person, SealedFile archive, String name) {
        requireNonNull(person, "person is null");
        requireNonNull(archive, "archive is null");
        requireNonNull(name, "name is null");
        requireEmpty(person);
        try (ArchiveReader reader = ArchiveReader.open(archive, name, limits)) {
            return restore(person, reader, Progress.NONE);
        }
    }

    private Manifest restore(PersonId person, ArchiveReader reader, Progress progress) {
        ArchiveCheck.Provenance provenance = ArchiveCheck.check(reader, person, progress);
        vault.restoration().restore(person, writer -> write(reader, provenance, writer, progress));
        return reader.manifest();
    }

    /** The vault refuses too, inside its transaction; asking first spares the person a long check for nothing. */
    private void requireEmpty(PersonId person) {
        int sources = vault.imports().sources(person).size();
        if (sources > 0) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.portability.restoreNotEmpty", sources));
        }
    }

    /**
     * The sharing checked in the first pass; the vault matches each recipient with its own of the same id, or brings it
     * back as evidence, admitted only if the operator restores.
     */
    private static void writeSharing(ArchiveCheck.Sharing sharing, Restoration.Writer writer) {
        sharing.recipients().forEach(writer::recipient);
        sharing.grants().forEach(writer::grant);
        sharing.receipts().forEach(receipt -> writer.receipt(receipt.grant(), receipt.receipt(), receipt.signer()));
    }

    /** The second pass, inside the vault's transaction: each part's digest is checked again as it is read. */
    private static void write(ArchiveReader reader, ArchiveCheck.Provenance provenance, Restoration.Writer writer,
            Progress progress) {
        provenance.sources().forEach(writer::source);
        provenance.batches().forEach(writer::batch);
        if (reader.manifest().part(ArchiveFormat.REJECTS).isPresent()) {
            reader.readLines(reader.part(ArchiveFormat.REJECTS), (line, number) -> {
                ProvenanceLines.Reject reject = ProvenanceLines.reject(JsonLine.parse(ArchiveFormat.REJECTS, number, line));
                writer.reject(reject.batch(), reject.reject());
            });
        }
        long[] restored = {0};
        for (Manifest.TypeContents type : reader.manifest().types()) {
            String name = ArchiveFormat.recordsPart(type.type());
            reader.readLines(reader.part(name), (line, number) -> {
                writer.record(RecordLines.read(JsonLine.parse(name, number, line), type.type()));
                if (++restored[0] % Progress.INTERVAL == 0) {
                    progress.reached(Progress.Step.RESTORING, restored[0]);
                }
            });
            if (restored[0] % Progress.INTERVAL != 0) {
                progress.reached(Progress.Step.RESTORING, restored[0]);
            }
        }
        writeSharing(provenance.sharing(), writer);
        DeskParts.restore(reader, provenance.desk(), writer);
        writer.placeCorrections(provenance.placeCorrections());
        writer.recurringCorrections(provenance.recurringCorrections());
        if (reader.manifest().part(ArchiveFormat.LOG).isPresent()) {
            reader.readLines(reader.part(ArchiveFormat.LOG), (line, number) -> writer.logEntry(line.clone()));
        }
    }
}
