package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Contact;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.Document;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Payload;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.Precision;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.VaultWithCamille;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The owner searches their records by words, through the gate: across the text of every kind of record that holds
 * some, with the listing's filters and paging, logged as a read, and never for a recipient.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SearchTest {
    private static final Instant MARCH = Instant.parse("2025-03-01T00:00:00Z");

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Gate gate;
    private final Person camille;
    private final Accessor owner;

    SearchTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        gate = Gate.over(fixture.vault());
        camille = fixture.camille();
        owner = Accessor.owner(camille.id());
        List<RecordDraft> life = List.of(
                transaction(LocalDate.of(2025, 2, 3), "CB SOCIETE GENERALE", Optional.empty(), 1),
                transaction(LocalDate.of(2025, 3, 3), "PRLV SEPA LOYER", Optional.of("SCI Guillotière"), 2),
                transaction(LocalDate.of(2025, 3, 5), "CB BOULANGERIE DU PONT", Optional.empty(), 3),
                transaction(LocalDate.of(2025, 4, 9), "CB BOULANGERIE", Optional.empty(), 4),
                draft(MARCH.plusSeconds(3_600), new GeoVisit(45.77, 4.85, Optional.of("Parc de la Tête d’Or"),
                        Optional.of("69006 Lyon"), Optional.empty(), Optional.empty(), Optional.empty()), 5),
                draft(MARCH.plusSeconds(7_200), new CalendarEvent("uid-1@example", "Partiel d’algèbre",
                        Optional.empty(), Optional.of("Amphi Thémis"), false, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of()), 6),
                draft(MARCH.plusSeconds(10_800), new Contact("Élodie Société", Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                        Optional.empty()), 7),
                draft(MARCH.plusSeconds(14_400), new Document("Bail de la Guillotière", "application/pdf", 1_000,
                        "0".repeat(64), Optional.empty()), 8),
                draft(MARCH.plusSeconds(18_000), new GeoPoint(45.75, 4.84, Optional.empty(), Optional.empty(),
                        Optional.of("GPS"), Optional.of("WALKING"), Optional.empty()), 9));
        fixture.vault().imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "mixed", "life.json"),
                life.stream());
    }

    @Test
    void aWordWithoutAccentsFindsTheRecordsOfEveryKindThatHoldItAccentedOrNot() {
        assertThat(labels(search(RecordQuery.all(), "societe")))
                .containsExactly("CB SOCIETE GENERALE", "Élodie Société");
        assertThat(labels(search(RecordQuery.all(), "GUILLOTIERE")))
                .containsExactly("Bail de la Guillotière", "PRLV SEPA LOYER");
        assertThat(labels(search(RecordQuery.all(), "tête d’or"))).containsExactly("Parc de la Tête d’Or");
        assertThat(labels(search(RecordQuery.all(), "themis"))).containsExactly("Partiel d’algèbre");
    }

    @Test
    void severalWordsFindOnlyTheRecordsThatHoldEachOfThem() {
        assertThat(labels(search(RecordQuery.all(), "boulangerie pont"))).containsExactly("CB BOULANGERIE DU PONT");
        assertThat(labels(search(RecordQuery.all(), "boulangerie"))).containsExactly("CB BOULANGERIE DU PONT",
                "CB BOULANGERIE");
    }

    @Test
    void codesAndCoordinatesAreNotWordsToFind() {
        assertThat(search(RecordQuery.all(), "walking")).isEmpty();
        assertThat(search(RecordQuery.all(), "45")).isEmpty();
        assertThat(search(RecordQuery.ofType(RecordType.GEO_POINT), "gps")).isEmpty();
    }

    @Test
    void theListingsFiltersNarrowASearch() {
        assertThat(labels(search(RecordQuery.ofType(RecordType.CONTACT), "societe"))).containsExactly("Élodie Société");
        assertThat(labels(search(RecordQuery.all().between(Optional.of(MARCH), Optional.of(MARCH.plusSeconds(86_400))),
                "guillotiere"))).containsExactly("Bail de la Guillotière");
    }

    @Test
    void aSearchPagesByTheIdOfThePagesLastRecordAsTheListingDoes() {
        List<StoredRecord> first = search(RecordQuery.all().limit(1), "cb");
        List<StoredRecord> second = search(RecordQuery.all().limit(1).after(first.getLast().id()), "cb");
        List<StoredRecord> rest = search(RecordQuery.all().limit(5).after(second.getLast().id()), "cb");

        assertThat(labels(first)).containsExactly("CB SOCIETE GENERALE");
        assertThat(labels(second)).containsExactly("CB BOULANGERIE DU PONT");
        assertThat(labels(rest)).containsExactly("CB BOULANGERIE");
    }

    @Test
    void aSearchIsOnTheLogAsAReadOfTheRecordsItFound() {
        search(RecordQuery.all(), "boulangerie");

        List<LogEntry> reads = fixture.vault().log().query(camille.id(), LogQuery.all()).stream()
                .filter(entry -> entry.action() == LogAction.READ).toList();
        assertThat(reads).hasSize(1);
        assertThat(reads.getFirst().draft().count()).isEqualTo(2);
        assertThat(reads.getFirst().draft().types()).containsExactly(RecordType.BANK_TRANSACTION);
    }

    @Test
    void aSearchFindsNothingOfAnotherPerson() {
        Person dominique = fixture.vault().people().create("dominique", TestVaults.PARIS);
        fixture.vault().imports().write(dominique.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.rent(LocalDate.of(2025, 1, 5), 1)));

        assertThat(labels(search(RecordQuery.all(), "loyer"))).containsExactly("PRLV SEPA LOYER");
        try (Stream<StoredRecord> found = gate.search(Accessor.owner(dominique.id()), RecordQuery.all(),
                SearchWords.parse("boulangerie"))) {
            assertThat(found).isEmpty();
        }
    }

    @Test
    void aRecipientCannotSearch() {
        Instant given = Instant.now().minus(Duration.ofDays(1));
        GrantTerms terms = new GrantTerms(RecipientId.of("budget-app"), 1, GrantKind.READ, Purpose.SERVICE_PROVISION,
                "a budget", LegalBasis.CONSENT, Set.of(RecordType.BANK_TRANSACTION), Set.of(), Set.of("label"),
                Precision.EXACT, CoveredPeriod.trailing(Period.ofYears(2)), given, given.plus(Duration.ofDays(300)),
                Duration.ofDays(30), 1_000);
        Accessor.Recipient recipient = new Accessor.Recipient(camille.id(),
                new Grant(GrantId.of("grant-0007"), camille.id(), terms, given, Optional.empty()));

        assertThatThrownBy(() -> gate.search(recipient, RecordQuery.all(), SearchWords.parse("loyer")))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(refusal.getMessage()).isEqualTo("grant grant-0007 reads shared records only; this read "
                            + "is the owner's own (missing scope: owner)");
                });
    }

    private List<StoredRecord> search(RecordQuery query, String words) {
        try (Stream<StoredRecord> found = gate.search(owner, query, SearchWords.parse(words))) {
            return found.toList();
        }
    }

    /** What a person would recognize each record by: a transaction's label, an event's title, a contact's name. */
    private static List<String> labels(List<StoredRecord> records) {
        return records.stream().map(record -> switch (record.payload()) {
            case BankTransaction transaction -> transaction.label();
            case GeoVisit visit -> visit.placeName().orElseThrow();
            case CalendarEvent event -> event.summary();
            case Contact contact -> contact.displayName();
            case Document document -> document.title();
            case Payload other -> other.type().id();
        }).toList();
    }

    private static RecordDraft transaction(LocalDate day, String label, Optional<String> counterparty, int line) {
        return RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), new BankTransaction("00012346789", day,
                Optional.empty(), new BigDecimal("-4.20"), "EUR", label, counterparty, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), Position.line(line));
    }

    private static RecordDraft draft(Instant start, Payload payload, int line) {
        return RecordDraft.of(TimeSpan.at(start), payload, Position.line(line));
    }
}
