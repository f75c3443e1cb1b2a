package org.selfdata.portability;

import org.selfdata.model.BatchId;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryJson;
import org.selfdata.model.PersonId;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.RecurringCorrection;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordId;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;
import org.selfdata.vault.LogTree;
import org.selfdata.vault.Recipients;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The first pass of a restore: reads the whole archive and checks everything a restore will write, before it writes
 * anything. Each part must be the one the manifest describes, each line must be one the format allows, each payload
 * must decode as its type's and be in canonical form, records must come in id order and refer to a batch of their
 * own source, grants to a recipient and declaration the archive gives, receipts be signed by the key they give, the
 * rights desk's documents be those its requests list. What it keeps is the archive's sources and batches, a few per
 * imported file, its sharing, a few lines per grant, and its rights desk but for the documents' bytes.
 */
final class ArchiveCheck {
    /**
     * The sources and batches of a checked archive, in their order, to be written before the records; and its sharing,
     * a few lines per grant, to be written after them.
     */
    record Provenance(List<Source> sources, List<ImportBatch> batches, Sharing sharing, DeskParts.Checked desk,
            List<PlaceCorrection> placeCorrections, List<RecurringCorrection> recurringCorrections) {
        Provenance {
            sources = List.copyOf(sources);
            batches = List.copyOf(batches);
            requireNonNull(sharing, "sharing is null");
            requireNonNull(desk, "desk is null");
            placeCorrections = List.copyOf(placeCorrections);
            recurringCorrections = List.copyOf(recurringCorrections);
        }
    }

    /** The recipients the grants name, the grants and their receipts; all empty in an archive from before sharing. */
    record Sharing(List<Recipients.Registration> recipients, List<Grant> grants, List<SharingLines.Receipt> receipts) {
        Sharing {
            recipients = List.copyOf(recipients);
            grants = List.copyOf(grants);
            receipts = List.copyOf(receipts);
        }
    }

    private final ArchiveReader reader;
    private final PersonId person;
    private final Progress progress;
    private final Map<SourceId, Source> sources = new LinkedHashMap<>();
    private final Map<BatchId, ImportBatch> batches = new LinkedHashMap<>();
    private long checked;

    private ArchiveCheck(ArchiveReader reader, PersonId person, Progress progress) {
        this.reader = requireNonNull(reader, "reader is null");
        this.person = requireNonNull(person, "person is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    static Provenance check(ArchiveReader reader, PersonId person, Progress progress) {
        ArchiveCheck check = new ArchiveCheck(reader, person, progress);
        check.readSources();
        check.readBatches();
        check.checkRejects();
        Sharing sharing = check.readSharing();
        for (Manifest.TypeContents type : reader.manifest().types()) {
            check.checkRecords(type);
            for (String table : type.parts().subList(1, type.parts().size())) {
                reader.verify(reader.part(table));
            }
        }
        DeskParts.Checked desk = DeskParts.check(reader);
        List<PlaceCorrection> placeCorrections = PlaceCorrectionLines.check(reader);
        List<RecurringCorrection> recurringCorrections = RecurringCorrectionLines.check(reader);
        check.checkLog();
        return new Provenance(List.copyOf(check.sources.values()), List.copyOf(check.batches.values()), sharing, desk,
                placeCorrections, recurringCorrections);
    }

    private void readSources() {
        reader.readLines(reader.part(ArchiveFormat.SOURCES), (line, number) -> {
            Source source = ProvenanceLines.source(JsonLine.parse(ArchiveFormat.SOURCES, number, line));
            if (sources.put(source.id(), source) != null) {
                throw InvalidArchive.line(ArchiveFormat.SOURCES, number,
                        Wording.of("error.portability.sourceTwice", source.id().toString()));
            }
        });
    }

    private void readBatches() {
        reader.readLines(reader.part(ArchiveFormat.BATCHES), (line, number) -> {
            ImportBatch batch = ProvenanceLines.batch(JsonLine.parse(ArchiveFormat.BATCHES, number, line));
            if (!sources.containsKey(batch.source())) {
                throw InvalidArchive.line(ArchiveFormat.BATCHES, number,
                        Wording.of("error.portability.batchSource", batch.id().toString(), batch.source().toString(),
                                ArchiveFormat.SOURCES));
            }
            if (batches.put(batch.id(), batch) != null) {
                throw InvalidArchive.line(ArchiveFormat.BATCHES, number,
                        Wording.of("error.portability.batchTwice", batch.id().toString()));
            }
        });
    }

    /**
     * The quarantines are checked, not kept: each line must refer to a listed batch, in the order of batches and
     * numbers, and each batch must have as many as it says it rejected. Archives from before quarantines have none.
     */
    private void checkRejects() {
        if (reader.manifest().part(ArchiveFormat.REJECTS).isEmpty()) {
            return;
        }
        Map<BatchId, Long> counted = new LinkedHashMap<>();
        ProvenanceLines.Reject[] previous = {null};
        reader.readLines(reader.part(ArchiveFormat.REJECTS), (line, number) -> {
            ProvenanceLines.Reject reject = ProvenanceLines.reject(JsonLine.parse(ArchiveFormat.REJECTS, number, line));
            if (!batches.containsKey(reject.batch())) {
                throw InvalidArchive.line(ArchiveFormat.REJECTS, number,
                        Wording.of("error.portability.rejectBatch", reject.batch().toString(), ArchiveFormat.BATCHES));
            }
            if (previous[0] != null && (previous[0].batch().value() > reject.batch().value()
                    || previous[0].batch().equals(reject.batch()) && previous[0].reject().number() >= reject.reject().number())) {
                throw InvalidArchive.line(ArchiveFormat.REJECTS, number, Wording.of("error.portability.rejectOrder"));
            }
            previous[0] = reject;
            counted.merge(reject.batch(), 1L, Long::sum);
        });
        for (ImportBatch batch : batches.values()) {
            long found = counted.getOrDefault(batch.id(), 0L);
            if (found != batch.rejected()) {
                throw InvalidArchive.part(ArchiveFormat.REJECTS,
                        Wording.of("error.portability.rejectCount", Long.toString(found), batch.id().toString(),
                                ArchiveFormat.BATCHES, Long.toString(batch.rejected())));
            }
        }
    }

    /**
     * The person's sharing, when the archive has it: each recipient once, and named by a grant; each grant once,
     * pointing at a declaration its recipient's line gives; each receipt signed by the key it gives, of a grant listed.
     */
    private Sharing readSharing() {
        if (reader.manifest().part(ArchiveFormat.GRANTS).isEmpty()) {
            return new Sharing(List.of(), List.of(), List.of());
        }
        Map<RecipientId, Recipients.Registration> recipients = new LinkedHashMap<>();
        reader.readLines(reader.part(ArchiveFormat.RECIPIENTS), (line, number) -> {
            Recipients.Registration recipient = SharingLines.recipient(
                    SharingLines.Line.parse(ArchiveFormat.RECIPIENTS, number, line));
            if (recipients.put(recipient.recipient().id(), recipient) != null) {
                throw InvalidArchive.line(ArchiveFormat.RECIPIENTS, number,
                        Wording.of("error.portability.recipientTwice", recipient.recipient().id().value()));
            }
        });
        Map<GrantId, Grant> grants = new LinkedHashMap<>();
        Set<RecipientId> named = new HashSet<>();
        reader.readLines(reader.part(ArchiveFormat.GRANTS), (line, number) -> {
            Grant grant = SharingLines.grant(SharingLines.Line.parse(ArchiveFormat.GRANTS, number, line), person);
            requireDeclared(recipients, grant, number);
            if (grants.put(grant.id(), grant) != null) {
                throw InvalidArchive.line(ArchiveFormat.GRANTS, number,
                        Wording.of("error.portability.grantTwice", grant.id().value()));
            }
            named.add(grant.terms().recipient());
        });
        for (RecipientId recipient : recipients.keySet()) {
            if (!named.contains(recipient)) {
                throw InvalidArchive.part(ArchiveFormat.RECIPIENTS,
                        Wording.of("error.portability.recipientUnnamed", recipient.value(), ArchiveFormat.GRANTS));
            }
        }
        List<SharingLines.Receipt> receipts = new ArrayList<>();
        Set<String> receiptIds = new HashSet<>();
        reader.readLines(reader.part(ArchiveFormat.RECEIPTS), (line, number) -> {
            SharingLines.Receipt receipt = SharingLines.receipt(SharingLines.Line.parse(ArchiveFormat.RECEIPTS, number, line));
            if (!grants.containsKey(receipt.grant())) {
                throw InvalidArchive.line(ArchiveFormat.RECEIPTS, number,
                        Wording.of("error.portability.receiptGrant", receipt.grant().value(), ArchiveFormat.GRANTS));
            }
            if (!receiptIds.add(receipt.grant() + " " + receipt.receipt().id())) {
                throw InvalidArchive.line(ArchiveFormat.RECEIPTS, number, Wording.of("error.portability.receiptTwice"));
            }
            receipts.add(receipt);
        });
        return new Sharing(List.copyOf(recipients.values()), List.copyOf(grants.values()), receipts);
    }

    private static void requireDeclared(Map<RecipientId, Recipients.Registration> recipients, Grant grant, long number) {
        RecipientId recipient = grant.terms().recipient();
        int version = grant.terms().declarationVersion();
        boolean declared = Optional.ofNullable(recipients.get(recipient)).stream()
                .flatMap(registration -> registration.declarations().stream())
                .anyMatch(declaration -> declaration.declaration().version() == version);
        if (!declared) {
            throw InvalidArchive.line(ArchiveFormat.GRANTS, number, Wording.of("error.portability.grantDeclaration",
                    grant.id().value(), Integer.toString(version), recipient.value(), ArchiveFormat.RECIPIENTS));
        }
    }

    /**
     * The transparency log, when the archive has one: its head must be signed by the key it gives, and its lines,
     * each an entry in canonical form numbered in order, must make the tree the head signed.
     */
    private void checkLog() {
        boolean log = reader.manifest().part(ArchiveFormat.LOG).isPresent();
        if (log != reader.manifest().part(ArchiveFormat.LOG_HEAD).isPresent()) {
            throw InvalidArchive.part(ArchiveFormat.MANIFEST,
                    Wording.of("error.portability.logWithoutHead", ArchiveFormat.LOG, ArchiveFormat.LOG_HEAD));
        }
        if (!log) {
            return;
        }
        LogHeadJson.CheckedHead[] head = {null};
        reader.readLines(reader.part(ArchiveFormat.LOG_HEAD), (line, number) -> head[0] = LogHeadJson.read(line));
        if (head[0] == null) {
            throw InvalidArchive.part(ArchiveFormat.LOG_HEAD, Wording.of("error.portability.empty"));
        }
        LogTree tree = new LogTree();
        reader.readLines(reader.part(ArchiveFormat.LOG), (line, number) -> {
            LogEntry entry;
            try {
                entry = LogEntryJson.parse(line);
            }
            catch (SelfdataException e) {
                throw InvalidArchive.line(ArchiveFormat.LOG, number, Wording.of("error.portability.logEntryNotCanonical"), e);
            }
            if (entry.index() != tree.size()) {
                throw InvalidArchive.line(ArchiveFormat.LOG, number,
                        Wording.of("error.portability.logEntryOrder", Long.toString(entry.index()), Long.toString(tree.size())));
            }
            tree.add(line);
        });
        if (tree.size() != head[0].treeSize() || !tree.root().equals(head[0].root())) {
            throw InvalidArchive.part(ArchiveFormat.LOG,
                    Wording.of("error.portability.logTree", Long.toString(tree.size()), ArchiveFormat.LOG_HEAD,
                            Long.toString(head[0].treeSize())));
        }
    }

    private void checkRecords(Manifest.TypeContents type) {
        String name = ArchiveFormat.recordsPart(type.type());
        RecordOrder order = new RecordOrder();
        reader.readLines(reader.part(name), (line, number) -> {
            JsonLine json = JsonLine.parse(name, number, line);
            RecordHistory record = RecordLines.read(json, type.type());
            RecordLines.check(json, record);
            checkProvenance(json, record.current());
            order.follow(json, record.current().id());
            if (++checked % Progress.INTERVAL == 0) {
                progress.reached(Progress.Step.CHECKING, checked);
            }
        });
        if (order.records() != type.records()) {
            throw InvalidArchive.part(name,
                    Wording.of("error.portability.recordCount", Long.toString(order.records()), Long.toString(type.records())));
        }
        if (checked % Progress.INTERVAL != 0) {
            progress.reached(Progress.Step.CHECKING, checked);
        }
    }

    private void checkProvenance(JsonLine line, StoredRecord record) {
        ImportBatch batch = batches.get(record.provenance().batch());
        if (batch == null) {
            throw line.invalid(Wording.of("error.portability.recordBatch", record.provenance().batch().toString(),
                    ArchiveFormat.BATCHES));
        }
        if (!batch.source().equals(record.provenance().source())) {
            throw line.invalid(Wording.of("error.portability.recordSource", record.provenance().source().toString(),
                    batch.id().toString(), batch.source().toString()));
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
                throw line.invalid(Wording.of("error.portability.recordOrder"));
            }
            previous = Optional.of(id);
            records++;
        }

        long records() {
            return records;
        }
    }
}
