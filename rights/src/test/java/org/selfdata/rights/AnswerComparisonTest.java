package org.selfdata.rights;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Geography;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Sharing;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.Person;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.testing.SteppingClock;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Declared against observed: an app the person shared their location with at region precision answers an access
 * request with exact positions, to the second, a hundred days after it read them under a declared retention of thirty
 * days, and with bank lines it never received; each difference is said, in words the person reads.
 */
class AnswerComparisonTest {
    /** Monday 2 March 2026: Météo Locale reads the person's location history, at region precision. */
    private static final Instant READ_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final String POSITIONS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="meteo-locale" xmlns="http://www.topografix.com/GPX/1/1">
              <trk><trkseg>
                <trkpt lat="45.750031" lon="4.850012"><time>2025-01-01T00:03:17Z</time></trkpt>
                <trkpt lat="45.750042" lon="4.850019"><time>2025-01-01T00:04:41Z</time></trkpt>
              </trkseg></trk>
            </gpx>
            """;
    private static final String STATEMENT = """
            Date;Libellé;Montant(EUROS)
            12/01/2026;"ABONNEMENT METEO LOCALE";-2,99
            """;

    @TempDir
    Path folder;

    private final SteppingClock clock = new SteppingClock(READ_AT);
    private Vault vault;
    private Person camille;
    private Recipient meteo;
    private RightsDesk desk;
    private AnswerComparison comparison;

    @BeforeEach
    void shareTheLocationAtRegionPrecision() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"), clock);
        camille = TestVaults.camille(vault);
        meteo = SampleRecipients.meteoLocale(vault);
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "json", "history.json"),
                SyntheticRecords.points(10));
        Gate gate = new Gate(vault, Geography.bundled(), clock);
        GrantTerms terms = new GrantTerms(meteo.id(), 1, GrantKind.READ, Purpose.COMMUNICATION_MANAGEMENT,
                "notifications by region", LegalBasis.CONSENT, Set.of(), Set.of(Category.LOCATION), Set.of(),
                SampleRecipients.REGION_BY_DAY, CoveredPeriod.trailing(Period.ofYears(2)), READ_AT,
                READ_AT.plus(Duration.ofDays(365)), Duration.ofDays(30), 1_000);
        ReceiptedGrant grant = (ReceiptedGrant) Sharing.over(vault, clock).give(camille.id(), terms);
        StringWriter shared = new StringWriter();
        try (Gate.SharedRead read = gate.share(new Accessor.Recipient(camille.id(), grant.grant()), RecordQuery.all(),
                Optional.empty()); JsonGenerator json = JsonMapper.builder().build().createGenerator(shared)) {
            json.writeStartArray();
            read.writeTo(json);
            json.writeEndArray();
        }
        assertThat(shared.toString()).as("what Météo Locale received").contains("area").doesNotContain("45.75");
        desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT), clock);
        desk.organizations().save(camille.id(), new Organization("meteo-locale", "Météo Locale", Optional.empty(),
                Optional.of("privacy@meteo-locale.example"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of("fr"), List.of(), false, Optional.empty(), Optional.empty(), false,
                Organization.Origin.PERSON));
        desk.settings().saveSender(camille.id(), new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.empty()));
        comparison = new AnswerComparison(vault, gate);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    @Test
    void everyWayTheAnswerGoesBeyondTheDeclarationAndTheGrantIsSaid() {
        Timeline answered = askAndGetTheAnswer();

        List<DeclaredAgainstObserved.Difference> differences = comparison.compare(camille.id(), answered,
                comparison.recipientNamed(answered.request().organization().name()).orElseThrow());

        assertThat(differences).extracting(DeclaredAgainstObserved.Difference::kind, DeclaredAgainstObserved.Difference::type)
                .containsExactly(
                        tuple(DeclaredAgainstObserved.Kind.UNDECLARED, RecordType.BANK_TRANSACTION),
                        tuple(DeclaredAgainstObserved.Kind.NEVER_GIVEN, RecordType.BANK_TRANSACTION),
                        tuple(DeclaredAgainstObserved.Kind.FINER_PLACES, RecordType.GEO_POINT),
                        tuple(DeclaredAgainstObserved.Kind.FINER_TIMES, RecordType.GEO_POINT),
                        tuple(DeclaredAgainstObserved.Kind.KEPT_LONGER, RecordType.GEO_POINT));
        assertThat(differences).extracting(difference -> Words.of(Language.ENGLISH).say(difference.wording())).containsExactly(
                "Its answer shows “Bank transactions” (1 record), which its declaration of processing does not mention.",
                "You never gave it “Bank transactions” through selfdata, yet its answer shows 1 such record: it had them "
                        + "from elsewhere.",
                "You gave it places to the region; its answer shows exact places (2 records).",
                "You gave it times to the day; its answer shows exact times (2 records).",
                "It received “Location points” on Monday 2 March 2026 and declared keeping what it receives 30 days; its "
                        + "answer of Wednesday 10 June 2026 still shows records from that time.");
        assertThat(Words.of(Language.FRENCH).say(differences.get(2).wording())).isEqualTo(
                "Vous lui avez donné des lieux à la région ; sa réponse montre des lieux exacts (2 enregistrements).");
    }

    @Test
    void aRequestNotAnsweredYetShowsNoDifference() {
        RightsDesk.RequestView drafted = draft();

        assertThat(comparison.compare(camille.id(), drafted.timeline(), meteo.id())).isEmpty();
    }

    @Test
    void anOrganizationNoRecipientBearsTheNameOfIsNotCompared() {
        Organization other = desk.directory(camille.id()).search("clearview", Optional.empty(), 1).getFirst();

        assertThat(comparison.recipientNamed(other.name())).isEmpty();
        assertThat(comparison.recipientNamed(draft().timeline().request().organization().name())).contains(meteo.id());
    }

    private RightsDesk.RequestView draft() {
        return desk.draft(camille.id(), new RightsDesk.NewRequest("meteo-locale", Right.ACCESS, false, Optional.empty(),
                Organization.Channel.EMAIL, Language.FRENCH, Map.of()));
    }

    /** Asked on 1 May 2026, answered on Wednesday 10 June 2026, a hundred days after the read. */
    private Timeline askAndGetTheAnswer() {
        clock.advance(Duration.ofDays(60));
        String request = draft().timeline().request().id();
        desk.markSent(camille.id(), request, LocalDate.of(2026, 5, 1));
        clock.advance(Duration.ofDays(40));
        return desk.answer(camille.id(), request, LocalDate.of(2026, 6, 10), true, List.of(
                new Requests.Attachment("positions.gpx", "application/gpx+xml", POSITIONS.getBytes(StandardCharsets.UTF_8)),
                new Requests.Attachment("statement.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8))))
                .timeline();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
