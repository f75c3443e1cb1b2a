package org.selfdata.portability;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;
import org.selfdata.vault.ConsentReceiptArchive;
import org.selfdata.vault.InProgressFiles;
import org.selfdata.vault.QuarantinedRecord;
import org.selfdata.vault.Recipients;
import org.selfdata.vault.SealedFile;
import org.selfdata.vault.SignedTreeHead;
import org.selfdata.vault.Vault;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Writes all of a person's data to one archive (GDPR article 20): records read through the gate, as the owner, type by
 * type; sources and import batches from the vault; the person's grants, the recipients they name and their signed
 * receipts, but no code, token or secret an app acted with; their CSV mappings and their rights desk, but not the
 * password of their mailbox or the token of their calendar feed; the transparency log; a manifest that describes and
 * digests every part.
 *
 * <p>Memory stays flat whatever the vault holds: records stream from the gate into the zip one at a time. While it is
 * written, the archive is a {@link SealedFile} in the vault's in-progress folder, so a failure or a kill leaves nothing
 * anyone can read. Once complete, it is copied in the clear to a hidden file beside the target, 0600, put on the disk,
 * and moved into place in one step: the target is never a partial archive, and the hidden copy, noted in the vault's
 * folder before it is made, is removed by the next start if a kill comes in the seconds of the copy.
 */
public final class Export {
    private static final int REJECTS_PAGE = 1_000;

    private final Vault vault;
    private final Gate gate;
    private final Clock clock;

    /** A complete archive, sealed in the vault's in-progress folder until it is closed. */
    public record Sealed(Manifest manifest, SealedFile file) implements AutoCloseable {
        public Sealed {
            requireNonNull(manifest, "manifest is null");
            requireNonNull(file, "file is null");
        }

        @Override
        public void close() {
            file.close();
        }
    }

    public Export(Vault vault, Gate gate, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Manifest write(PersonId person, Path target, ExistingFile existing) {
        return write(person, target, existing, Progress.NONE);
    }

    /** Writes the archive to {@code target}, a file the person named, which the archive is readable from. */
    public Manifest write(PersonId person, Path target, ExistingFile existing, Progress progress) {
        requireNonNull(person, "person is null");
        requireNonNull(existing, "existing is null");
        requireNonNull(progress, "progress is null");
        Path destination = target.toAbsolutePath().normalize();
        requireFolder(destination);
        refuseExisting(destination, existing);
        Person owner = vault.people().get(person);
        Gate.ExportRead read = gate.export(new Accessor.Owner(person));
        try (SealedFile archive = vault.inProgress().newFile()) {
            Manifest manifest = writeArchive(archive, read, owner, progress);
            place(archive, destination, existing);
            read.completed();
            return manifest;
        }
        catch (IOException e) {
            throw cannotWrite(destination, e);
        }
        catch (JacksonIOException e) {
            // Jackson reports the failures of the stream it writes to (a full disk) unchecked.
            throw cannotWrite(destination, e.getCause());
        }
    }

    /**
     * Writes the archive and keeps it sealed, for a surface that sends it on, such as a download: it is complete, and
     * the export logged, when this returns. Close it once sent.
     */
    public Sealed seal(PersonId person) {
        requireNonNull(person, "person is null");
        Person owner = vault.people().get(person);
        Gate.ExportRead read = gate.export(new Accessor.Owner(person));
        SealedFile archive = vault.inProgress().newFile();
        try {
            Manifest manifest = writeArchive(archive, read, owner, Progress.NONE);
            read.completed();
            return new Sealed(manifest, archive);
        }
        catch (IOException e) {
            archive.close();
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot write the archive in the vault's folder: "
                    + e.getClass().getSimpleName(), e);
        }
        catch (JacksonIOException e) {
            archive.close();
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot write the archive in the vault's folder: "
                    + e.getCause().getClass().getSimpleName(), e);
        }
        catch (RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    private Manifest writeArchive(SealedFile file, Gate.ExportRead read, Person owner, Progress progress)
            throws IOException {
        try (ArchiveWriter archive = new ArchiveWriter(file.write())) {
            Manifest manifest = writeParts(archive, read, owner, progress);
            archive.complete();
            return manifest;
        }
    }

    private Manifest writeParts(ArchiveWriter archive, Gate.ExportRead read, Person owner, Progress progress)
            throws IOException {
        List<Manifest.TypeContents> types = new ArrayList<>();
        long written = 0;
        for (RecordType type : RecordType.values()) {
            try (TypeParts parts = new TypeParts(archive, type, vault.inProgress())) {
                written = writeRecords(parts, read, type, written, progress);
                parts.finish().ifPresent(types::add);
            }
        }
        // After the records: a batch whose records were read was committed before them, so it is listed here too.
        writeLines(archive, ArchiveFormat.SOURCES, vault.imports().sources(owner.id()), ProvenanceLines::write);
        List<ImportBatch> batches = vault.imports().batches(owner.id());
        writeLines(archive, ArchiveFormat.BATCHES, batches, ProvenanceLines::write);
        writeRejects(archive, owner.id(), batches);
        writeSharing(archive, owner.id());
        DeskParts.write(archive, vault, owner.id());
        PlaceCorrectionLines.write(archive, vault, owner.id());
        RecurringCorrectionLines.write(archive, vault, owner.id());
        writeLog(archive, owner.id());
        Manifest manifest = new Manifest(clock.instant(), owner.handle(), owner.zone(), types, archive.parts());
        PartOutput output = archive.begin(ArchiveFormat.MANIFEST);
        ManifestJson.write(manifest, output);
        archive.finish(output);
        return manifest;
    }

    private long writeRecords(TypeParts parts, Gate.ExportRead read, RecordType type, long writtenBefore,
                              Progress progress) throws IOException {
        long written = writtenBefore;
        try (Stream<StoredRecord> records = read.records(RecordQuery.ofType(type))) {
            for (Iterator<StoredRecord> iterator = records.iterator(); iterator.hasNext(); ) {
                StoredRecord record = iterator.next();
                parts.add(record, earlierVersions(read, record));
                if (++written % Progress.INTERVAL == 0) {
                    progress.reached(Progress.Step.EXPORTING, written);
                }
            }
        }
        if (written != writtenBefore && written % Progress.INTERVAL != 0) {
            progress.reached(Progress.Step.EXPORTING, written);
        }
        return written;
    }

    /**
     * Only a rectified record has earlier versions, so only its history is asked for. A rectification since the
     * record was read would add a version the archive's record does not have yet; only older versions are kept.
     */
    private List<RecordHistory.Superseded> earlierVersions(Gate.ExportRead read, StoredRecord record) {
        if (record.version() == 1) {
            return List.of();
        }
        return read.history(record.id()).earlier().stream()
                .filter(superseded -> superseded.version().version() < record.version())
                .toList();
    }

    /**
     * The transparency log as it stands, each leaf exactly as hashed, then its signed head with the vault's public key,
     * so that whoever holds the archive can check the log without the vault.
     */
    private void writeLog(ArchiveWriter archive, PersonId person) throws IOException {
        PartOutput output = archive.begin(ArchiveFormat.LOG);
        SignedTreeHead head;
        try {
            head = vault.log().leaves(person, leaf -> {
                try {
                    output.write(leaf, 0, leaf.length);
                    output.write('\n');
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        archive.finish(output);
        PartOutput headOutput = archive.begin(ArchiveFormat.LOG_HEAD);
        headOutput.write(LogHeadJson.write(head, vault.signingKey().publicKeys()));
        archive.finish(headOutput);
    }

    /**
     * The person's grants, oldest first, the recipients they name with the declarations they point at, and their
     * receipts with the key that signed each: the evidence of every consent, and nothing an app could act with.
     */
    private void writeSharing(ArchiveWriter archive, PersonId person) throws IOException {
        List<Grant> grants = vault.grants().list(person).stream()
                .sorted(Comparator.comparing(Grant::givenAt).thenComparing(grant -> grant.id().value()))
                .toList();
        Map<RecipientId, Integer> newestVersions = new TreeMap<>(Comparator.comparing(RecipientId::value));
        grants.forEach(grant -> newestVersions.merge(grant.terms().recipient(), grant.terms().declarationVersion(), Math::max));
        List<Recipients.Registration> recipients = newestVersions.entrySet().stream()
                .map(newest -> vault.recipients().registration(newest.getKey(), newest.getValue()))
                .toList();
        writeLines(archive, ArchiveFormat.RECIPIENTS, recipients, SharingLines::write);
        writeLines(archive, ArchiveFormat.GRANTS, grants, SharingLines::write);
        writeLines(archive, ArchiveFormat.RECEIPTS, receipts(person, grants), SharingLines::write);
    }

    private List<SharingLines.Receipt> receipts(PersonId person, List<Grant> grants) {
        List<JWK> keys = new ArrayList<>(vault.signingKey().publicKeys().getKeys());
        keys.addAll(vault.receipts().restoredSigners(person).getKeys());
        JWKSet signers = new JWKSet(keys);
        List<SharingLines.Receipt> receipts = new ArrayList<>();
        for (Grant grant : grants) {
            for (ConsentReceiptArchive.KeptReceipt receipt : vault.receipts().list(person, grant.id())) {
                receipts.add(new SharingLines.Receipt(grant.id(), receipt, signer(signers, receipt)));
            }
        }
        return receipts;
    }

    private static ECKey signer(JWKSet signers, ConsentReceiptArchive.KeptReceipt receipt) {
        try {
            if (signers.getKeyByKeyId(JWSObject.parse(receipt.jws()).getHeader().getKeyID()) instanceof ECKey key) {
                return key;
            }
        }
        catch (ParseException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT,
                    Wording.of("error.portability.keptReceiptNotJws", receipt.id()), e);
        }
        throw new SelfdataException(ErrorCode.VAULT_CORRUPT,
                Wording.of("error.portability.keptReceiptSigner", receipt.id()));
    }

    /** The quarantines, a page at a time: a batch may have rejected millions of records. */
    private void writeRejects(ArchiveWriter archive, PersonId person, List<ImportBatch> batches) throws IOException {
        PartOutput output = archive.begin(ArchiveFormat.REJECTS);
        try (JsonGenerator json = ArchiveJson.generator(output)) {
            for (ImportBatch batch : batches) {
                long after = 0;
                for (long left = batch.rejected(); left > 0; ) {
                    List<QuarantinedRecord> page = vault.imports().rejects(person, batch.id(), after, REJECTS_PAGE);
                    if (page.isEmpty()) {
                        break;
                    }
                    page.forEach(reject -> ProvenanceLines.write(json, new ProvenanceLines.Reject(batch.id(), reject)));
                    after = page.getLast().number();
                    left -= page.size();
                }
            }
        }
        archive.finish(output);
    }

    private static <T> void writeLines(ArchiveWriter archive, String name, List<T> values, BiConsumer<JsonGenerator, T> line)
            throws IOException {
        PartOutput output = archive.begin(name);
        try (JsonGenerator json = ArchiveJson.generator(output)) {
            values.forEach(value -> line.accept(json, value));
        }
        archive.finish(output);
    }

    private static void requireFolder(Path destination) {
        Path folder = destination.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.portability.noFolder", destination.toString()));
        }
    }

    private static void refuseExisting(Path destination, ExistingFile existing) {
        switch (existing) {
            case REFUSE -> {
                if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                    throw alreadyThere(destination);
                }
            }
            case REPLACE -> {
                if (Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
                    throw new SelfdataException(ErrorCode.CONFLICT,
                            Wording.of("error.portability.isFolder", destination.toString()));
                }
            }
        }
    }

    /**
     * Copies the complete archive in the clear to a hidden file beside the target, puts it on the disk, then moves it
     * into place; the hidden file is gone when this returns, whatever happened.
     */
    private void place(SealedFile archive, Path destination, ExistingFile existing) throws IOException {
        try (InProgressFiles.Placement placement = vault.inProgress().placing(destination)) {
            try (InputStream in = archive.read();
                 FileChannel out = FileChannel.open(placement.file(), StandardOpenOption.WRITE)) {
                in.transferTo(Channels.newOutputStream(out));
                out.force(true);
            }
            publish(placement.file(), destination, existing);
        }
    }

    /**
     * Puts the complete archive at the target in one step. Replacing is a rename, which swaps the file atomically.
     * Refusing is a hard link, which fails if a file appeared at the target meanwhile, where a check followed by a
     * rename could overwrite it; on a file system without hard links (FAT on a USB stick) it falls back to a move that
     * refuses an existing file.
     */
    private static void publish(Path partial, Path destination, ExistingFile existing) throws IOException {
        switch (existing) {
            case REPLACE -> Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE);
            case REFUSE -> {
                try {
                    linkOrMove(partial, destination);
                }
                catch (FileAlreadyExistsException e) {
                    throw alreadyThere(destination);
                }
            }
        }
        syncFolder(destination.getParent());
    }

    private static void linkOrMove(Path partial, Path destination) throws IOException {
        try {
            Files.createLink(destination, partial);
        }
        catch (FileAlreadyExistsException e) {
            throw e;
        }
        catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(partial, destination);
        }
    }

    /** Makes the new name durable too; not every platform can open a folder for this, and then the rename must do. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException e) {
            // The archive is complete and in place; only its survival of a power cut in the next seconds is less sure.
        }
    }

    private static SelfdataException alreadyThere(Path destination) {
        return new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.portability.fileExists", destination.toString()));
    }

    private static SelfdataException cannotWrite(Path destination, IOException e) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.portability.cannotWrite",
                destination.toString(), e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())), e);
    }
}
