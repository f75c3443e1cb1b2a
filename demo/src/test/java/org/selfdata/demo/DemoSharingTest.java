package org.selfdata.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Geography;
import org.selfdata.importers.Importers;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.intake.IntakeListener;
import org.selfdata.model.Document;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantStatus;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Person;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.Source;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceKind;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimePrecision;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.LogVerification;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo person's sharing, told once over a week of her positions and electricity readings: the payment app
 * refused, then granted positions to the region for 30 days, read, withdrawn and refused; the energy coach reading to the
 * day; the university's documents pushed back under her name for them; the intermediary never granted; and her log
 * intact after all of it.
 */
class DemoSharingTest {
    /** Monday 7 December 2026, long after the week of her data. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    private static final String REGION = "location region, amounts none, time hour, identifiers pseudonymized";
    private static final String TO_THE_DAY = "location none, amounts exact, time day, identifiers pseudonymized";

    @TempDir
    static Path folder;
    private static Vault vault;
    private static Person camille;
    private static DemoSharing.Told told;

    @BeforeAll
    static void tellTheStoryOverAWeekOfHerData() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"), TODAY);
        camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        DemoPerson person = DemoPerson.generate(2024, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 16));
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
        person.write(folder.resolve("files")).files().stream()
                .filter(file -> file.format().equals("google-records") || file.format().equals("linky-load-curve"))
                .forEach(file -> intake.importPath(camille, file.path(), ImportMode.STRICT, IntakeListener.NONE));
        told = person.sharing().tell(vault, new Gate(vault, Geography.bundled(), TODAY), TODAY, camille);
    }

    @AfterAll
    static void closeTheVault() {
        vault.close();
    }

    @Test
    void thePaymentAppsExactPositionsAreRefusedForWhatItsPaymentsDoNotNeed() {
        assertThat(told.refused().reasons(Language.ENGLISH)).containsExactly(
                "asks for geo.point records, which the declared purpose, " + DemoRecipients.PAYMENTS
                        + ", does not need",
                "asks for location at exact precision; the declared purpose, " + DemoRecipients.PAYMENTS
                        + ", needs location at none precision");
        assertThat(told.refused().justified()).hasValueSatisfying(justified -> {
            assertThat(justified.types()).containsExactly(RecordType.BANK_TRANSACTION);
            assertThat(justified.precision().location()).isEqualTo(LocationPrecision.NONE);
        });
        assertThat(vault.grants().list(camille.id(), told.restaurants().terms().recipient())).extracting(Grant::id)
                .containsExactly(told.restaurants().id());
    }

    @Test
    void itsSecondDeclarationIsGrantedPositionsToTheRegionForThirtyDaysThenWithdrawn() {
        Grant restaurants = told.restaurants();

        assertThat(restaurants.terms().declarationVersion()).isEqualTo(2);
        assertThat(restaurants.terms().purpose()).isEqualTo(Purpose.SERVICE_PERSONALISATION);
        assertThat(restaurants.terms().purposeDescription()).isEqualTo("Horaires d’ouverture des restaurants à proximité");
        assertThat(restaurants.terms().types()).containsExactly(RecordType.GEO_POINT);
        assertThat(restaurants.terms().categories()).as("a category would open visits and trips as well").isEmpty();
        assertThat(restaurants.terms().precision().location()).isEqualTo(LocationPrecision.REGION);
        assertThat(restaurants.terms().validFrom()).isEqualTo(TODAY.instant());
        assertThat(Duration.between(restaurants.terms().validFrom(), restaurants.terms().validUntil()))
                .isEqualTo(Duration.ofDays(30));
        assertThat(restaurants.status(TODAY.instant())).isEqualTo(GrantStatus.WITHDRAWN);
        assertThat(restaurants.withdrawnAt()).contains(TODAY.instant());
    }

    @Test
    void itsReadsAreOnTheLogThenItsWithdrawalThenTheRefusalOfItsNextRead() {
        assertThat(told.restaurantReads()).extracting(DemoSharing.Read::records).containsExactly(40L, 40L, 40L);
        assertThat(told.restaurantReads()).allSatisfy(read -> assertThat(read.json())
                .contains("Auvergne-Rhône-Alpes").doesNotContain("latitude"));
        assertThat(told.refusedRead().code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(told.refusedRead().message(Language.ENGLISH))
                .isEqualTo("grant " + told.restaurants().id() + " was withdrawn");

        assertThat(log(told.restaurants())).extracting(LogEntry::action, entry -> entry.draft().count(),
                entry -> entry.draft().precision()).containsExactly(
                tuple(LogAction.GRANT, 0L, Optional.of(REGION)),
                tuple(LogAction.READ, 40L, Optional.of(REGION)),
                tuple(LogAction.READ, 40L, Optional.of(REGION)),
                tuple(LogAction.READ, 40L, Optional.of(REGION)),
                tuple(LogAction.WITHDRAWAL, 0L, Optional.of(REGION)),
                tuple(LogAction.REFUSAL, 0L, Optional.empty()));
        assertThat(log(told.restaurants()).getLast().actor())
                .isEqualTo(new LogActor.Recipient(told.restaurants().terms().recipient()));
    }

    @Test
    void theEnergyCoachReadsHerElectricityReadingsToTheDay() {
        Grant energy = told.energy();

        assertThat(energy.terms().types()).containsExactly(RecordType.ENERGY_READING);
        assertThat(energy.terms().precision().time()).isEqualTo(TimePrecision.DAY);
        assertThat(energy.status(TODAY.instant())).isEqualTo(GrantStatus.GIVEN);
        assertThat(told.energyReads()).extracting(DemoSharing.Read::records).containsExactly(40L, 40L, 40L);
        assertThat(log(energy)).extracting(LogEntry::action, entry -> entry.draft().precision()).containsExactly(
                tuple(LogAction.GRANT, Optional.of(TO_THE_DAY)),
                tuple(LogAction.READ, Optional.of(TO_THE_DAY)),
                tuple(LogAction.READ, Optional.of(TO_THE_DAY)),
                tuple(LogAction.READ, Optional.of(TO_THE_DAY)));
    }

    @Test
    void theUniversitysTranscriptAndCertificateArriveUnderItsNameThroughItsWriteGrant() {
        assertThat(told.restitution().terms().kind()).isEqualTo(GrantKind.WRITE);
        assertThat(told.pushed().added()).isEqualTo(2);
        Source university = vault.imports().sources(camille.id()).stream()
                .filter(source -> source.descriptor().kind() == SourceKind.ORGANIZATION).findFirst().orElseThrow();
        assertThat(university.descriptor())
                .isEqualTo(new SourceDescriptor(SourceKind.ORGANIZATION, "Université Confluence", "restitution"));
        List<StoredRecord> documents = documents();
        assertThat(documents).extracting(record -> record.provenance().source()).containsOnly(university.id());
        assertThat(documents).extracting(record -> ((Document) record.payload()).title()).containsExactlyInAnyOrder(
                "Relevé de notes, premier semestre 2024-2025", "Certificat de scolarité 2025-2026");
        assertThat(log(told.restitution())).extracting(LogEntry::action, entry -> entry.draft().count())
                .containsExactly(tuple(LogAction.GRANT, 0L), tuple(LogAction.PUSH, 2L));
    }

    @Test
    void theIntermediaryThatResellsPlacesToAdvertisersIsNeverGrantedAnything() {
        assertThat(told.broker().identity().name()).isEqualTo("DataRéclame");
        assertThat(vault.recipients().currentDeclaration(told.broker().id())).hasValueSatisfying(declaration -> {
            assertThat(declaration.furtherRecipients())
                    .containsExactly("Annonceurs et régies publicitaires, qui achètent les lieux fréquentés");
            assertThat(declaration.purposes()).extracting(purpose -> purpose.description())
                    .containsExactly("Revente des lieux fréquentés à des annonceurs");
        });
        assertThat(told.brokerAsks().purpose()).isEqualTo(Purpose.ADVERTISING);
        assertThat(told.brokerAsks().precision().location()).isEqualTo(LocationPrecision.EXACT);
        assertThat(vault.grants().list(camille.id(), told.broker().id())).isEmpty();
        assertThat(vault.log().query(camille.id(), LogQuery.all().withRecipient(told.broker().id()))).isEmpty();
    }

    @Test
    void herLogVerifiesAfterTheWholeStory() {
        assertThat(vault.log().verify(camille.id())).isInstanceOf(LogVerification.Intact.class);
        assertThat(vault.grants().list(camille.id())).hasSize(3);
    }

    private static List<LogEntry> log(Grant grant) {
        return vault.log().query(camille.id(), LogQuery.all().withGrant(grant.id()));
    }

    private static List<StoredRecord> documents() {
        try (Stream<StoredRecord> records = vault.records().read(camille.id(), RecordQuery.ofType(RecordType.DOCUMENT))) {
            return records.toList();
        }
    }
}
