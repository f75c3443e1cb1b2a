package org.selfdata.vault;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.GrantId;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.LogEntryJson;
import org.selfdata.model.Person;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class TransparencyLogTest {
    private static final RecipientId INSURER = RecipientId.of("recipient-insurer");
    private static final RecipientId BANK = RecipientId.of("recipient-bank01");
    private static final GrantId GRANT = GrantId.of("grant-0001");

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    TransparencyLogTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void anEmptyLogIsIntactWithTheRootOfNothing() {
        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.Intact(0,
                TreeHash.fromBase64("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU")));
    }

    @Test
    void appendedEntriesComeBackNumberedInOrderAndTheLogVerifies() {
        LogEntry first = vault.log().append(camille.id(), read(INSURER));
        List<LogEntry> more = vault.log().appendAll(camille.id(), List.of(read(BANK), read(INSURER)));

        assertThat(first.index()).isZero();
        assertThat(more).extracting(LogEntry::index).containsExactly(1L, 2L);
        assertThat(vault.log().query(camille.id(), LogQuery.all())).containsExactly(first, more.get(0), more.get(1));
        LogVerification verification = vault.log().verify(camille.id());
        assertThat(verification).isInstanceOf(LogVerification.Intact.class);
        assertThat(((LogVerification.Intact) verification).size()).isEqualTo(3);
    }

    @Test
    void queriesSelectByRecipientGrantActionAndPage() {
        vault.log().appendAll(camille.id(), List.of(read(INSURER), read(BANK), read(INSURER),
                LogEntryDraft.of(new LogActor.Owner(), LogAction.GRANT, Set.of(RecordType.GEO_VISIT), 0).withGrant(GRANT)));

        assertThat(vault.log().query(camille.id(), LogQuery.all().withRecipient(INSURER)))
                .extracting(LogEntry::index).containsExactly(0L, 2L);
        assertThat(vault.log().query(camille.id(), LogQuery.all().withGrant(GRANT)))
                .extracting(LogEntry::index).containsExactly(0L, 1L, 2L, 3L);
        assertThat(vault.log().query(camille.id(), LogQuery.all().withAction(LogAction.GRANT)))
                .extracting(LogEntry::index).containsExactly(3L);
        assertThat(vault.log().query(camille.id(), LogQuery.all().after(0).limit(2)))
                .extracting(LogEntry::index).containsExactly(1L, 2L);
    }

    @Test
    void theHeadIsSignedWithTheVaultsPublishedKey() throws Exception {
        vault.log().appendAll(camille.id(), List.of(read(INSURER), read(BANK)));

        SignedTreeHead head = vault.log().head(camille.id());
        ECKey published = (ECKey) vault.signingKey().publicKeys().getKeys().getFirst();
        JWSObject jws = JWSObject.parse(head.jws());

        assertThat(published.isPrivate()).isFalse();
        assertThat(jws.getHeader().getKeyID()).isEqualTo(published.getKeyID());
        assertThat(jws.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(jws.getPayload().toJSONObject()).containsEntry("size", 2L)
                .containsEntry("person", camille.id().value())
                .containsEntry("root", head.root().base64());
        assertThat(head.treeSize()).isEqualTo(2);
    }

    @Test
    void theSigningKeySurvivesReopeningTheVault() throws Exception {
        String keyId = vault.signingKey().keyId();
        vault.log().append(camille.id(), read(INSURER));

        try (Vault reopened = Vault.open(vault.location(), TestVaults.keyFile(vault.location().folder()))) {
            assertThat(reopened.signingKey().keyId()).isEqualTo(keyId);
            assertThat(reopened.log().verify(camille.id()).intact()).isTrue();
        }
    }

    @Test
    void inclusionAndConsistencyProofsCheckAgainstSignedHeads() {
        vault.log().appendAll(camille.id(), IntStream.range(0, 5).mapToObj(index -> read(INSURER)).toList());
        SignedTreeHead older = vault.log().head(camille.id());
        vault.log().appendAll(camille.id(), IntStream.range(0, 6).mapToObj(index -> read(BANK)).toList());
        SignedTreeHead newer = vault.log().head(camille.id());
        byte[] leaf = LogEntryJson.bytes(vault.log().query(camille.id(), LogQuery.all().after(2).limit(1)).getFirst());

        InclusionProof inclusion = vault.log().inclusionProof(camille.id(), 3, newer.treeSize());
        ConsistencyProof consistency = vault.log().consistencyProof(camille.id(), older.treeSize(), newer.treeSize());

        assertThat(inclusion.verify(InclusionProof.leafHash(leaf), newer.root())).isTrue();
        assertThat(vault.log().inclusionProof(camille.id(), 3, older.treeSize()).verify(InclusionProof.leafHash(leaf),
                older.root())).isTrue();
        assertThat(consistency.verify(older.root(), newer.root())).isTrue();
        assertThat(consistency.verify(newer.root(), newer.root())).isFalse();
        assertThatThrownBy(() -> vault.log().inclusionProof(camille.id(), 3, 12))
                .hasMessage("the log holds 11 entries, so there is no tree of 12");
    }

    @Test
    void aByteChangedInOneStoredEntryNamesThatEntry() {
        vault.log().appendAll(camille.id(), IntStream.range(0, 10).mapToObj(index -> read(INSURER)).toList());

        byte[] leaf = leafAt(6);
        leaf[leaf.length - 3] ^= 1;
        execute("UPDATE log_entries SET leaf = ? WHERE person_id = PERSON AND entry_index = 6", leaf);

        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(6,
                LogVerification.Problem.ALTERED, Wording.of("log.verification.hashMismatch")));
        assertThat(vault.log().verify(camille.id()).describe()).isEqualTo("entry 6 was altered: its content does not "
                + "match the hash recorded when it was appended");
    }

    @Test
    void aReadWhoseActionColumnIsChangedIsHiddenFromTheFilteredViewButNamedByVerification() {
        vault.log().appendAll(camille.id(), IntStream.range(0, 5).mapToObj(index -> read(INSURER)).toList());

        execute("UPDATE log_entries SET action = 'import' WHERE person_id = PERSON AND entry_index = 3");

        assertThat(vault.log().query(camille.id(), LogQuery.all().withAction(LogAction.READ)))
                .extracting(LogEntry::index).containsExactly(0L, 1L, 2L, 4L);
        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(3,
                LogVerification.Problem.ALTERED, Wording.of("log.verification.column", "action")));
        assertThat(vault.log().verify(camille.id()).describe())
                .isEqualTo("entry 3 was altered: its action column does not match its content");
    }

    @Test
    void everyColumnKeptBesideAnEntryIsVerifiedAgainstIt() {
        vault.log().appendAll(camille.id(), IntStream.range(0, 5).mapToObj(index -> read(INSURER)).toList());
        String restore = "UPDATE log_entries SET recorded_at = (SELECT recorded_at FROM log_entries WHERE person_id = PERSON "
                + "AND entry_index = 0), action = 'read', recipient_id = 'recipient-insurer', grant_id = 'grant-0001', "
                + "record_count = 12 WHERE person_id = PERSON AND entry_index = 2";
        List<String> alterations = List.of("recorded_at = recorded_at - 1", "action = 'export'",
                "recipient_id = 'recipient-bank01'", "recipient_id = NULL", "grant_id = 'grant-0002'", "grant_id = NULL",
                "record_count = 0");
        List<String> columns = List.of("time", "action", "recipient", "recipient", "grant", "grant", "record count");

        for (int alteration = 0; alteration < alterations.size(); alteration++) {
            execute("UPDATE log_entries SET " + alterations.get(alteration) + " WHERE person_id = PERSON AND entry_index = 2");

            assertThat(vault.log().verify(camille.id())).as(alterations.get(alteration))
                    .isEqualTo(new LogVerification.EntryBroken(2, LogVerification.Problem.ALTERED,
                            Wording.of("log.verification.column", columns.get(alteration))));
            execute(restore);
            assertThat(vault.log().verify(camille.id()).intact()).as("restored").isTrue();
        }
    }

    @Test
    void aGrantsVolumeSinceAnInstantSumsTheRecordsItsEntriesOfThatActionCarried() {
        vault.log().appendAll(camille.id(), List.of(read(INSURER), read(INSURER).withGrant(GrantId.of("grant-0002")),
                LogEntryDraft.of(new LogActor.Recipient(INSURER), LogAction.PUSH, Set.of(RecordType.GEO_VISIT), 5)
                        .withGrant(GRANT)));
        vault.log().append(camille.id(), read(INSURER));

        assertThat(vault.log().countSince(camille.id(), GRANT, LogAction.READ, Instant.EPOCH)).isEqualTo(24);
        assertThat(vault.log().countSince(camille.id(), GRANT, LogAction.PUSH, Instant.EPOCH)).isEqualTo(5);
        assertThat(vault.log().countSince(camille.id(), GrantId.of("grant-0002"), LogAction.READ, Instant.EPOCH))
                .isEqualTo(12);
        assertThat(vault.log().countSince(camille.id(), GRANT, LogAction.READ, Instant.now().plusSeconds(60))).isZero();
    }

    @Test
    void anEntryFiledUnderAnotherGrantOrActionIsRefusedAsDamageByTheViewsThatSelectIt() {
        vault.log().appendAll(camille.id(), List.of(read(INSURER), read(BANK)));
        GrantId other = GrantId.of("grant-0002");

        execute("UPDATE log_entries SET grant_id = 'grant-0002', action = 'export' WHERE person_id = PERSON "
                + "AND entry_index = 1");

        assertThatThrownBy(() -> vault.log().query(camille.id(), LogQuery.all().withGrant(other)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("log entry 1 is filed under a recipient, grant or action its content does not name; "
                        + "run 'selfdata log verify'")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.VAULT_CORRUPT);
        assertThatThrownBy(() -> vault.log().query(camille.id(), LogQuery.all().withAction(LogAction.EXPORT)))
                .hasMessageStartingWith("log entry 1 is filed under");
        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(1,
                LogVerification.Problem.ALTERED, Wording.of("log.verification.column", "action")));
        assertThat(vault.log().query(camille.id(), LogQuery.all())).extracting(LogEntry::index).containsExactly(0L, 1L);
    }

    @Test
    void aDeletedEntryIsNamedAsRemoved() {
        vault.log().appendAll(camille.id(), IntStream.range(0, 10).mapToObj(index -> read(INSURER)).toList());

        execute("DELETE FROM log_entries WHERE person_id = PERSON AND entry_index = 4");

        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(4,
                LogVerification.Problem.REMOVED, Wording.of("log.verification.gap", "3", "5")));
    }

    @Test
    void aDeletedLastEntryIsNamedAsRemoved() {
        vault.log().appendAll(camille.id(), IntStream.range(0, 10).mapToObj(index -> read(INSURER)).toList());

        execute("DELETE FROM log_entries WHERE person_id = PERSON AND entry_index = 9");

        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(9,
                LogVerification.Problem.REMOVED, Wording.of("log.verification.endsEarly", 10L)));
    }

    @Test
    void twoSwappedEntriesNameTheFirst() {
        vault.log().appendAll(camille.id(), IntStream.range(0, 10).mapToObj(index -> read(index % 2 == 0 ? INSURER : BANK))
                .toList());
        byte[] second = leafAt(2);
        byte[] seventh = leafAt(7);
        byte[] secondHash = InclusionProof.leafHash(second).bytes();
        byte[] seventhHash = InclusionProof.leafHash(seventh).bytes();

        String update = "UPDATE log_entries SET leaf = ?, leaf_hash = ? WHERE person_id = PERSON AND entry_index = ";
        execute(update + 2, seventh, seventhHash);
        execute(update + 7, second, secondHash);

        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(2,
                LogVerification.Problem.REORDERED, Wording.of("log.verification.holdsOther", "7")));
    }

    @Test
    void anEntryRewrittenWithItsHashIsNamedByTheFirstSignedHeadItNoLongerMatches() {
        IntStream.range(0, 4).forEach(index -> vault.log().append(camille.id(), read(INSURER)));

        rewriteWithItsHash(1);

        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(1,
                LogVerification.Problem.ALTERED, Wording.of("log.verification.recomputed")));
    }

    @Test
    void anEntryRewrittenWithItsHashInsideABatchIsNarrowedToTheBatchThatHeldIt() {
        vault.log().append(camille.id(), read(BANK));
        vault.log().appendAll(camille.id(), IntStream.range(0, 4).mapToObj(index -> read(INSURER)).toList());
        vault.log().append(camille.id(), read(BANK));

        rewriteWithItsHash(3);

        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(1,
                LogVerification.Problem.ALTERED, Wording.of("log.verification.recomputedBetween", "1", "4")));
    }

    @Test
    void aKeptHeadChangedToShiftTheBlameIsFoundForged() {
        IntStream.range(0, 4).forEach(index -> vault.log().append(camille.id(), read(INSURER)));
        rewriteWithItsHash(1);
        MerkleHashing hashing = new MerkleHashing();
        byte[] forgedRoot = hashing.node(hashing.leaf(leafAt(0)), hashing.leaf(leafAt(1)));

        execute("UPDATE log_head_history SET root_hash = ? WHERE person_id = PERSON AND tree_size = 2", forgedRoot);

        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.HeadBroken(
                Wording.of("log.verification.historyForged", "2")));
    }

    @Test
    void everySignedHeadIsKeptOldestFirstAndEachVerifiesWithTheVaultsKey() {
        vault.log().append(camille.id(), read(INSURER));
        vault.log().appendAll(camille.id(), List.of(read(BANK), read(INSURER)));
        vault.log().append(camille.id(), read(BANK));

        List<SignedTreeHead> heads = vault.log().heads(camille.id(), 0, 100);

        assertThat(heads).extracting(SignedTreeHead::treeSize).containsExactly(1L, 3L, 4L);
        assertThat(heads).allMatch(head -> head.verify(vault.signingKey().verifier()));
        assertThat(heads.getLast()).isEqualTo(vault.log().head(camille.id()));
        assertThat(vault.log().consistencyProof(camille.id(), 1, 3).verify(heads.get(0).root(), heads.get(1).root()))
                .isTrue();
        assertThat(vault.log().heads(camille.id(), 1, 1)).extracting(SignedTreeHead::treeSize).containsExactly(3L);
        assertThat(vault.log().headOfSize(camille.id(), 3)).contains(heads.get(1));
        assertThat(vault.log().headOfSize(camille.id(), 2)).isEmpty();
    }

    /** Writes another entry at the index, with the hash of what it now holds, as someone covering their tracks would. */
    private void rewriteWithItsHash(long index) {
        byte[] forged = LogEntryJson.bytes(new LogEntry(index, Instant.parse("2026-01-01T00:00:00Z"), read(BANK)));
        execute("UPDATE log_entries SET leaf = ?, leaf_hash = ? WHERE person_id = PERSON AND entry_index = " + index,
                forged, InclusionProof.leafHash(forged).bytes());
    }

    @Test
    void anEntryAddedBehindTheVaultsBackIsNotCoveredByTheHead() {
        vault.log().appendAll(camille.id(), IntStream.range(0, 3).mapToObj(index -> read(INSURER)).toList());
        byte[] extra = LogEntryJson.bytes(new LogEntry(3, Instant.parse("2026-01-01T00:00:00Z"), read(BANK)));

        execute("INSERT INTO log_entries (person_id, entry_index, recorded_at, action, leaf, leaf_hash) "
                + "VALUES (PERSON, 3, 0, 'read', ?, ?)", extra, InclusionProof.leafHash(extra).bytes());

        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(3,
                LogVerification.Problem.UNSIGNED, Wording.of("log.verification.unsigned", 3L)));
    }

    @Test
    void anAppendThatFailsBeforeCommittingLeavesTheLogAsItWas() {
        vault.log().appendAll(camille.id(), List.of(read(INSURER), read(BANK)));
        SignedTreeHead before = vault.log().head(camille.id());
        Database database = vault.database();

        assertThatThrownBy(() -> database.transaction(camille.id(), connection -> {
            vault.log().append(connection, camille.id(), List.of(read(INSURER)));
            throw new IllegalStateException("cut short");
        })).hasMessage("cut short");

        assertThat(vault.log().head(camille.id())).isEqualTo(before);
        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.Intact(2, before.root()));
    }

    @Test
    void anImportAndAnErasureAreLoggedWithTheirTypesCountsAndSpans() {
        ImportBatch batch = vault.imports().write(camille.id(),
                new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(3));
        vault.erasure().eraseSource(camille.id(), batch.source());

        TimeSpan span = TimeSpan.between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:02:00Z"));
        assertThat(vault.log().query(camille.id(), LogQuery.all())).extracting(LogEntry::draft).containsExactly(
                new LogEntryDraft(new LogActor.Owner(), LogAction.IMPORT, Set.of(RecordType.GEO_POINT), 3, Optional.of(span),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(SourceId.of(1)), 1,
                        Optional.empty()),
                new LogEntryDraft(new LogActor.Owner(), LogAction.ERASURE, Set.of(RecordType.GEO_POINT), 3, Optional.of(span),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(SourceId.of(1)), 1,
                        Optional.empty()));
        assertThat(vault.log().verify(camille.id()).intact()).isTrue();
    }

    @Test
    void oneLogPerPerson() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.log().appendAll(camille.id(), List.of(read(INSURER), read(BANK)));
        vault.log().append(dominique.id(), read(BANK));

        assertThat(vault.log().query(dominique.id(), LogQuery.all())).extracting(LogEntry::index).containsExactly(0L);
        assertThat(vault.log().head(dominique.id()).treeSize()).isEqualTo(1);
        assertThat(vault.log().head(camille.id()).treeSize()).isEqualTo(2);
    }

    private static LogEntryDraft read(RecipientId recipient) {
        return LogEntryDraft.of(new LogActor.Recipient(recipient), LogAction.READ, Set.of(RecordType.GEO_VISIT), 12)
                .withSpan(TimeSpan.between(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z")))
                .withPrecision("location region")
                .withGrant(GRANT)
                .withPurpose("dpv:ServiceProvision");
    }

    private byte[] leafAt(long index) {
        return LogEntryJson.bytes(vault.log().query(camille.id(), LogQuery.all().after(index - 1).limit(1)).getFirst());
    }

    /** Changes the vault's rows directly, as someone with access to the database but not to selfdata could. */
    private void execute(String sql, byte[]... values) {
        TestVaults.behindTheVault(vault, camille.id(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    sql.replace("PERSON", Long.toString(camille.id().value())))) {
                for (int position = 0; position < values.length; position++) {
                    statement.setBytes(position + 1, values[position]);
                }
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
        });
    }
}
