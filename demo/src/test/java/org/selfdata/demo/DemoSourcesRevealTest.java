package org.selfdata.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.gate.Gate;
import org.selfdata.importers.Importers;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.intake.IntakeListener;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Person;
import org.selfdata.model.Precision;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimePrecision;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealComparison;
import org.selfdata.services.RevealCorrections;
import org.selfdata.services.RevealFinding;
import org.selfdata.services.RevealInference;
import org.selfdata.services.RevealLens;
import org.selfdata.services.RevealSpecialCategory;
import org.selfdata.services.RevealedComparison;
import org.selfdata.services.RevealedSource;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the demo person's bank statement, agenda and address book reveal, checked against what the generator gave her:
 * her pay from the bookshop on the 28th, her grant, her housing aid and her parents' transfer, her doctor, her weekly
 * lectures and bookshop shifts. Half an academic year is enough months for every conclusion.
 */
class DemoSourcesRevealTest {
    private static final Precision BANDED_BY_MONTH = new Precision(LocationPrecision.NONE, AmountPrecision.BANDED,
            TimePrecision.MONTH, IdentifierPrecision.PSEUDONYMIZED);

    @TempDir
    static Path folder;
    private static Vault vault;
    private static Person camille;
    private static RevealedSource money;
    private static RevealedSource agenda;
    private static RevealComparison comparison;

    @BeforeAll
    static void importTheDemoStatementAgendaAndAddressBook() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        DemoFiles files = DemoPerson.generate(2024, LocalDate.of(2024, 9, 1), LocalDate.of(2025, 2, 28))
                .write(folder.resolve("files"));
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
        files.files().stream().filter(file -> Set.of("ofx", "icalendar", "vcard").contains(file.format()))
                .forEach(file -> intake.importPath(camille, file.path(), ImportMode.STRICT, IntakeListener.NONE));
        Reveal reveal = new Reveal(Gate.over(vault), new RevealCorrections(vault.placeCorrections()));
        money = reveal.money(camille.id());
        agenda = reveal.agenda(camille.id(), DemoPerson.ZONE);
        comparison = new RevealComparison(reveal);
    }

    @AfterAll
    static void closeTheVault() {
        vault.close();
    }

    @Test
    void herIncomeIsHerPayOnTheTwentyEighthHerParentsHerGrantAndHerHousingAid() {
        assertThat(of(money, RevealFinding.Kind.INCOME)).extracting(finding -> finding.says().key(),
                finding -> finding.says().arguments().get(0), finding -> finding.says().arguments().get(3))
                .containsExactly(tuple("reveal.money.income.pay", "SALAIRE LIBRAIRIE DES CANUTS", 28),
                        tuple("reveal.money.income.regular", "M OU MME MARTIN PHILIPPE", 20),
                        tuple("reveal.money.income.regular", "DRFIP BOURSE CROUS", 6),
                        tuple("reveal.money.income.regular", "CAF DU RHONE APL", 4));
        assertThat(say(of(money, RevealFinding.Kind.INCOME).getFirst())).isEqualTo("SALAIRE LIBRAIRIE DES CANUTS pays "
                + "you about 635 EUR around the 28th of the month, a salary by its label (6 months seen).");
    }

    @Test
    void herDoctorPharmacyAndHealthInsurerAreFlaggedAndTheTaxOfficeAndTheEnergySupplierAreNot() {
        assertThat(of(money, RevealFinding.Kind.SPECIAL)).extracting(finding -> finding.says().arguments().get(0),
                RevealFinding::special).containsExactly(
                        tuple("CPAM LYON REMBOURSEMENT SOINS", Optional.of(RevealSpecialCategory.HEALTH)),
                        tuple("DR LEFEBVRE CLAIRE", Optional.of(RevealSpecialCategory.HEALTH)),
                        tuple("PHARMACIE DU PONT", Optional.of(RevealSpecialCategory.HEALTH)));
        // The grant comes from the tax office ("DRFIP", not "DR"), the energy bill says "PARTICULIERS" (not "PARTI").
        assertThat(of(money, RevealFinding.Kind.SPECIAL)).extracting(finding -> finding.says().arguments().get(0))
                .doesNotContain("DRFIP BOURSE CROUS", "EDF CLIENTS PARTICULIERS");
    }

    @Test
    void sheShopsMostAtTheBakeryByHerFlat() {
        assertThat(of(money, RevealFinding.Kind.SHOP)).extracting(finding -> finding.says().arguments().get(0))
                .containsExactly("BOULANGERIE DU PONT", "BIOCOOP GUILLOTIERE", "CARREFOUR CITY");
    }

    @Test
    void herSixLecturesAndHerBookshopShiftsAreHerSevenRegularAppointments() {
        List<RevealFinding> appointments = of(agenda, RevealFinding.Kind.APPOINTMENT);

        assertThat(appointments).hasSize(7).allMatch(finding -> finding.inference() instanceof RevealInference.Found);
        assertThat(appointments).extracting(finding -> finding.says().arguments().get(0)).containsExactlyInAnyOrder(
                "Librairie des Canuts", "Analyse", "Algèbre linéaire", "Programmation", "Physique", "Anglais",
                "Probabilités");
        assertThat(say(appointments.getFirst())).isEqualTo("Librairie des Canuts: every week, most often on Wednesday "
                + "at 17:30 (40 times in all).");
    }

    @Test
    void herAddressBookHoldsHerDoctorAndHerDentist() {
        assertThat(say(of(agenda, RevealFinding.Kind.CONTACTS).getFirst())).isEqualTo("Your address book holds 62 "
                + "contacts, 13 of them with an organization; of 8 organizations, the most frequent is Librairie des "
                + "Canuts (6 contacts).");
        assertThat(of(agenda, RevealFinding.Kind.SPECIAL)).extracting(finding -> finding.says().arguments().get(0))
                .containsExactly("Cabinet dentaire Chassagne", "Dr Claire Lefebvre, médecin généraliste");
    }

    @Test
    void aBudgetAppGivenBandedAmountsByMonthWithoutTheLabelsStillSeesARegularIncomeButNotWhereSheShopsOrHerDoctor() {
        RevealedComparison budget = compared(Set.of(RecordType.BANK_TRANSACTION), BANDED_BY_MONTH, Set.of());

        assertThat(budget.sources()).singleElement().satisfies(source -> {
            assertThat(source.source()).isEqualTo(RevealedSource.Source.MONEY);
            assertThat(source.records()).isEqualTo(money.records());
        });
        assertThat(english(budget.finds())).containsExactly("your regular income and when it comes in");
        assertThat(english(budget.cannotFind())).containsExactly("anything from your locations: none are shared",
                "where you shop and how often", "where you eat out and how often", "what you spend on your health",
                "payees that may reveal your health, beliefs, political opinions or trade-union membership");
    }

    @Test
    void withTheLabelsAndExactAmountsARecipientSeesAllHerStatementTells() {
        RevealedComparison labelled = compared(Set.of(RecordType.BANK_TRANSACTION), Precision.EXACT, Set.of("label"));

        assertThat(english(labelled.finds())).containsExactly("where you shop and how often",
                "where you eat out and how often", "your regular income and when it comes in",
                "what you spend on your health",
                "payees that may reveal your health, beliefs, political opinions or trade-union membership");
        assertThat(english(labelled.cannotFind())).containsExactly("anything from your locations: none are shared");
    }

    @Test
    void herCalendarReadToTheDayWithoutItsTitlesNoLongerTellsTheHoursOfHerWeek() {
        RevealedComparison calendar = compared(Set.of(RecordType.CALENDAR_EVENT, RecordType.CONTACT),
                Precision.EXACT.withTime(TimePrecision.DAY), Set.of());

        assertThat(calendar.sources()).singleElement()
                .satisfies(source -> assertThat(source.source()).isEqualTo(RevealedSource.Source.AGENDA));
        assertThat(english(calendar.finds())).containsExactly("what your address book holds");
        assertThat(english(calendar.cannotFind())).containsExactly("anything from your locations: none are shared",
                "the rhythm of your week", "your regular appointments",
                "contacts that may reveal your health, beliefs, political opinions or trade-union membership");
    }

    private static RevealedComparison compared(Set<RecordType> types, Precision precision, Set<String> fields) {
        Instant now = Instant.parse("2025-03-01T00:00:00Z");
        GrantTerms terms = new GrantTerms(RecipientId.of("budget-app"), 1, GrantKind.READ, Purpose.SERVICE_PROVISION,
                "a budget by month", LegalBasis.CONSENT, types, Set.of(), fields, precision,
                new CoveredPeriod.Between(LocalDate.of(2024, 9, 1).atStartOfDay(DemoPerson.ZONE).toInstant(), now), now,
                now.plus(Duration.ofDays(30)),
                Duration.ofDays(30), 1_000);
        return comparison.compare(camille.id(), DemoPerson.ZONE, List.of(RevealLens.terms(terms, now))).getFirst();
    }

    private static List<String> english(List<Wording> said) {
        return said.stream().map(Words.english()::say).toList();
    }

    private static String say(RevealFinding finding) {
        return Words.english().say(finding.says());
    }

    private static List<RevealFinding> of(RevealedSource source, RevealFinding.Kind kind) {
        return source.findings().stream().filter(finding -> finding.kind() == kind).toList();
    }
}
