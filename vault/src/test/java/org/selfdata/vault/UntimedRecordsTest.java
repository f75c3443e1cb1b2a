package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Category;
import org.selfdata.model.Contact;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordTime;
import org.selfdata.model.RecordType;
import org.selfdata.model.SocialPost;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Records without a time: kept without one, after the timed ones, outside every time window, and out of coverage. */
@ParameterizedClass
@EnumSource(Engine.class)
class UntimedRecordsTest {
    private static final SourceDescriptor ADDRESS_BOOK = SourceDescriptor.file("Apple", "Contacts");
    private static final SourceDescriptor FACEBOOK = SourceDescriptor.file("Meta", "Facebook");
    private static final Instant REVISED = Instant.parse("2024-03-05T10:00:00Z");

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Engine engine;
    private final Vault vault;
    private final Person camille;

    UntimedRecordsTest(Engine engine) {
        this.engine = engine;
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void aRecordWithoutATimeComesBackWithoutOneAfterTheTimedRecords() {
        importContacts();

        List<StoredRecord> records = fixture.readAll();

        assertThat(records).extracting(record -> ((Contact) record.payload()).displayName())
                .containsExactly("Alix Martin", "Bao Nguyen");
        assertThat(records).extracting(StoredRecord::time).containsExactly(TimeSpan.at(REVISED), RecordTime.untimed());
        assertThat(records.getLast().id().isUntimed()).isTrue();
        assertThat(vault.records().find(camille.id(), records.getLast().id())).contains(records.getLast());
    }

    @Test
    void noTimeWindowReachesARecordWithoutATime() {
        importContacts();

        assertThat(ids(RecordQuery.all().between(Optional.of(Instant.parse("1970-01-01T00:00:00Z")), Optional.empty())))
                .extracting(RecordId::startMillis).containsExactly(REVISED.toEpochMilli());
        assertThat(ids(RecordQuery.all().between(Optional.of(Instant.parse("0000-01-01T00:00:00Z")),
                Optional.of(Instant.parse("9999-12-31T23:59:59.999Z")))))
                .extracting(RecordId::startMillis).containsExactly(REVISED.toEpochMilli());
        assertThat(ids(RecordQuery.all().between(Optional.empty(), Optional.of(Instant.parse("9999-12-31T00:00:00Z")))))
                .extracting(RecordId::startMillis).containsExactly(REVISED.toEpochMilli());
    }

    @Test
    void coverageCountsRecordsWithoutATimeAndSpansOnlyThoseWithOne() {
        importContacts();
        vault.imports().write(camille.id(), new ImportRequest(FACEBOOK, "facebook", "facebook.zip"),
                Stream.of(interest("Randonnée", 1)));

        VaultStatus status = vault.status(camille.id());

        assertThat(status.byType().get(RecordType.CONTACT))
                .isEqualTo(new VaultStatus.Totals(2, Optional.of(TimeSpan.at(REVISED))));
        assertThat(status.byType().get(RecordType.SOCIAL_POST)).isEqualTo(new VaultStatus.Totals(1, Optional.empty()));
    }

    @Test
    void importingAFileAgainFindsItsRecordsWithoutATime() {
        importContacts();

        ImportBatch again = importContacts();

        assertThat(again.added()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
    }

    /**
     * Not on Citus: a vault of version 9 was never spread over a cluster there. selfdata spreads the tables once the
     * newest migration has run, and first did so at version 17; an older vault moved onto Citus holds tables of the
     * coordinator alone until its migrations end ({@code CitusDistributionTest} moves one). The vault rewound here is
     * spread already, as no vault of version 9 ever was, and Citus refuses migration 10's statements on spread tables.
     */
    @Test
    void aVaultOfTheVersionBeforeHasItsUndatedContactsAndInterestsTakenOutOf1970() {
        assumeFalse(engine == Engine.POSTGRES && TestPostgres.get().citus(),
                "a vault of version 9 was never spread over a Citus cluster: its tables are spread after the migrations");
        fillAsVersionNine(vault, camille);

        Path folder = fixture.folder();
        VaultLocation location = vault.location();
        vault.close();
        try (Vault migrated = Vault.open(location, TestVaults.keyFile(folder))) {
            assertMigratedFromVersionNine(migrated, camille);
        }
    }

    /**
     * Fills a new vault with two contacts, one without a time, an interest without one, and a payment at the epoch
     * itself, and puts them back as a vault of version 9 kept them ({@link #asVersionEightKeptThem}).
     */
    static void fillAsVersionNine(Vault vault, Person camille) {
        importContacts(vault, camille);
        vault.imports().write(camille.id(), new ImportRequest(FACEBOOK, "facebook", "facebook.zip"),
                Stream.of(interest("Randonnée", 1)));
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"),
                Stream.of(RecordDraft.of(TimeSpan.at(Instant.EPOCH),
                        SyntheticRecords.rent(LocalDate.of(2025, 1, 1), 1).payload(), Position.line(1))));
        asVersionEightKeptThem(vault, camille);
    }

    /**
     * What a vault {@link #fillAsVersionNine} filled holds once migrated: the records without a time are out of 1970 and
     * after the others, the payment at the epoch stays there, and the coverage spans only what has a time.
     */
    static void assertMigratedFromVersionNine(Vault migrated, Person camille) {
        try (Stream<StoredRecord> read = migrated.records().read(camille.id(), RecordQuery.all())) {
            List<StoredRecord> records = read.toList();

            assertThat(records).extracting(record -> record.type().id() + " " + record.time())
                    .containsExactly(
                            "bank.transaction " + TimeSpan.at(Instant.EPOCH),
                            "contact " + TimeSpan.at(REVISED),
                            "contact UNTIMED",
                            "social.post UNTIMED");
            assertThat(records.get(2).payload()).isEqualTo(bao().payload());
        }
        VaultStatus status = migrated.status(camille.id());
        assertThat(status.byType().get(RecordType.CONTACT).span()).contains(TimeSpan.at(REVISED));
        assertThat(status.byType().get(RecordType.SOCIAL_POST).span()).isEmpty();
        assertThat(status.byType().get(RecordType.BANK_TRANSACTION).span()).contains(TimeSpan.at(Instant.EPOCH));
    }

    /**
     * Puts the records without a time back where vaults of version 8 kept them, at 1970-01-01T00:00:00Z, with the
     * coverage that version kept, and forgets migration 10 and those after it, dropping the tables they made: what the
     * vault then holds is what a vault made before it held, since migration 10 changes rows and no table. A migration
     * that makes a table adds it here; migration 19, which moved the counters out of persons, is undone first.
     */
    private static void asVersionEightKeptThem(Vault vault, Person camille) {
        TestVaults.behindTheVault(vault, camille.id(), connection -> {
            PersonCountersTest.asVersionEighteenKeptThem(connection, camille.id());
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE records SET time_start = 0, time_end = 0 WHERE time_start = "
                        + RecordId.UNTIMED_MILLIS);
                statement.executeUpdate("UPDATE coverage SET first_start = 0 WHERE type IN ('contact', 'social.post')");
                statement.executeUpdate("UPDATE coverage SET last_end = 0 WHERE last_end = " + TimeColumns.NO_LAST_END);
                statement.executeUpdate("DROP TABLE rights_organizations");
                // The migrations after it go too, with the tables they made, as in a vault that never had them.
                for (String table : List.of("rights_identity_documents", "rights_documents", "rights_events",
                        "rights_requests", "rights_settings", "place_corrections", "log_head_history", "log_auditors",
                        "recurring_corrections", "person_identities")) {
                    statement.executeUpdate("DROP TABLE " + table);
                }
                statement.executeUpdate("DROP INDEX log_entries_volume");
                statement.executeUpdate("ALTER TABLE log_entries DROP COLUMN record_count");
                statement.executeUpdate("ALTER TABLE persons DROP COLUMN records_changed");
                statement.executeUpdate("DELETE FROM vault_schema_history WHERE version IN ('10', '11', '12', '13', '14', '15', "
                        + "'16', '17', '18')");
            }
        });
    }

    @Test
    void aRecordsTimingIsItsTimeWithoutOpeningItAndNoneForARecordWithout() {
        importContacts();

        try (Stream<RecordTiming> timings = vault.records().timings(camille.id(), RecordQuery.all())) {
            assertThat(timings).extracting(RecordTiming::time).containsExactly(TimeSpan.at(REVISED), RecordTime.untimed());
        }
        RecordQuery fromRevised = RecordQuery.all().between(Optional.of(REVISED), Optional.empty());
        try (Stream<RecordTiming> timings = vault.records().timings(camille.id(), fromRevised)) {
            assertThat(timings).extracting(RecordTiming::time).containsExactly(TimeSpan.at(REVISED));
        }
    }

    private ImportBatch importContacts() {
        return importContacts(vault, camille);
    }

    private static ImportBatch importContacts(Vault vault, Person camille) {
        return vault.imports().write(camille.id(), new ImportRequest(ADDRESS_BOOK, "vcard", "contacts.vcf"),
                Stream.of(bao(), RecordDraft.of(TimeSpan.at(REVISED), contact("Alix Martin"), Position.line(1))));
    }

    private static RecordDraft bao() {
        return RecordDraft.of(RecordTime.untimed(), contact("Bao Nguyen"), Position.line(9));
    }

    private static Contact contact(String name) {
        return new Contact(name, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static RecordDraft interest(String name, int index) {
        return new RecordDraft(RecordTime.untimed(),
                new SocialPost("Facebook", "ad-interest", Optional.of(name), Optional.empty(), List.of()),
                Category.BEHAVIORAL, Position.jsonPointer("/topics_v2/" + index));
    }

    private List<RecordId> ids(RecordQuery query) {
        try (Stream<RecordKey> keys = vault.records().keys(camille.id(), query)) {
            return keys.map(RecordKey::id).toList();
        }
    }
}
