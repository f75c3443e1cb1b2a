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
import org.selfdata.model.Person;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealCorrections;
import org.selfdata.services.RevealFinding;
import org.selfdata.services.RevealInference;
import org.selfdata.services.RevealSpecialCategory;
import org.selfdata.services.RevealedSource;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
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
    @TempDir
    static Path folder;
    private static Vault vault;
    private static Person camille;
    private static RevealedSource money;
    private static RevealedSource agenda;

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

    private static String say(RevealFinding finding) {
        return Words.english().say(finding.says());
    }

    private static List<RevealFinding> of(RevealedSource source, RevealFinding.Kind kind) {
        return source.findings().stream().filter(finding -> finding.kind() == kind).toList();
    }
}
