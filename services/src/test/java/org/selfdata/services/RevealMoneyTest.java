package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.VaultWithCamille;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Six months of hand-made lines, January to June 2025: pay on the 28th and a grant on the 6th each month, three
 * reimbursements from the health insurer on scattered days, Carrefour twice a month, Lidl once, a café four times a month
 * from January to March, a doctor twice and a pharmacy once, a union's dues each month, and payees whose names look
 * like a special category's words without being them: the tax office paying the grant ("DRFIP", not "DR"), the energy
 * supplier's "CLIENTS PARTICULIERS" (not "PARTI"), the building's "SYNDIC" (not "SYNDICAT").
 */
class RevealMoneyTest {
    private static final SourceDescriptor BANK = SourceDescriptor.file("Banque Exemple", "compte courant");

    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.SQLITE);
    private final Reveal reveal = new Reveal(Gate.over(fixture.vault()),
            new RevealCorrections(fixture.vault().placeCorrections()));
    private final List<RecordDraft> drafts = new ArrayList<>();

    @Test
    void sixMonthsOfLinesTellWhereThePersonShopsEatsIsPaidAndCaredFor() {
        sixMonths();

        RevealedSource money = reveal.money(fixture.camille().id());

        assertThat(money.source()).isEqualTo(RevealedSource.Source.MONEY);
        assertThat(money.records()).isEqualTo(drafts.size());
        assertThat(money.findings()).extracting(RevealFinding::kind, RevealFinding::says, RevealFinding::special)
                .containsExactly(
                        tuple(RevealFinding.Kind.SHOP, Wording.of("reveal.money.shop", "CARREFOUR CITY", 2L, 6),
                                Optional.empty()),
                        tuple(RevealFinding.Kind.EATING, Wording.of("reveal.money.eating", "CAFE DE LA DOUA", 4L, 3),
                                Optional.empty()),
                        tuple(RevealFinding.Kind.INCOME, Wording.of("reveal.money.income.pay",
                                "SALAIRE LIBRAIRIE DES CANUTS", new BigDecimal("640"), "EUR", 28, 6), Optional.empty()),
                        tuple(RevealFinding.Kind.INCOME, Wording.of("reveal.money.income.regular", "DRFIP BOURSE CROUS",
                                new BigDecimal("298"), "EUR", 6, 6), Optional.empty()),
                        tuple(RevealFinding.Kind.HEALTH, Wording.of("reveal.money.health", "2025", new BigDecimal("72.40"),
                                "EUR", 3, 2, "DR LEFEBVRE CLAIRE, PHARMACIE DU PONT", 6L), Optional.empty()),
                        tuple(RevealFinding.Kind.SPECIAL, Wording.of("reveal.money.special", "CPAM LYON REMBOURSEMENT SOINS",
                                3, 3, RevealSpecialCategory.HEALTH.wording()), Optional.of(RevealSpecialCategory.HEALTH)),
                        tuple(RevealFinding.Kind.SPECIAL, Wording.of("reveal.money.special", "DR LEFEBVRE CLAIRE", 2, 2,
                                RevealSpecialCategory.HEALTH.wording()), Optional.of(RevealSpecialCategory.HEALTH)),
                        tuple(RevealFinding.Kind.SPECIAL, Wording.of("reveal.money.special", "PHARMACIE DU PONT", 1, 1,
                                RevealSpecialCategory.HEALTH.wording()), Optional.of(RevealSpecialCategory.HEALTH)),
                        tuple(RevealFinding.Kind.SPECIAL, Wording.of("reveal.money.special", "SYNDICAT CFDT COTISATION", 6,
                                6, RevealSpecialCategory.TRADE_UNION.wording()),
                                Optional.of(RevealSpecialCategory.TRADE_UNION)));
    }

    @Test
    void payTellsItsConfidenceAndTheLinesItRestsOn() {
        sixMonths();

        RevealInference.Found<Wording> pay = found(reveal.money(fixture.camille().id()), RevealFinding.Kind.INCOME);

        assertThat(pay.confidence()).isEqualTo(new RevealConfidence(1.0, RevealConfidence.Level.HIGH));
        assertThat(pay.evidence()).extracting(RevealEvidence::count, RevealEvidence::outOf, RevealEvidence::unit,
                RevealEvidence::first, RevealEvidence::last).containsExactly(6L, 6L, RevealEvidence.Unit.MONTHS,
                Optional.of(LocalDate.of(2025, 1, 28)), Optional.of(LocalDate.of(2025, 6, 28)));
        assertThat(pay.evidence().records()).hasSize(RevealEvidence.RECORDS);
        assertThat(Words.english().say(pay.finding())).isEqualTo("SALAIRE LIBRAIRIE DES CANUTS pays you about 640 EUR "
                + "around the 28th of the month, a salary by its label (6 months seen).");
        assertThat(Words.of(org.selfdata.texts.Language.FRENCH).say(pay.finding())).isEqualTo("SALAIRE LIBRAIRIE DES "
                + "CANUTS vous verse environ 640\u00a0EUR vers le 28 de chaque mois, un salaire d’après son libellé "
                + "(6 mois observés).");
    }

    @Test
    void healthSpendingCoversOnlyTheMonthsRecordedAndSaysSo() {
        sixMonths();

        RevealInference.Found<Wording> health = found(reveal.money(fixture.camille().id()), RevealFinding.Kind.HEALTH);

        assertThat(health.confidence()).isEqualTo(new RevealConfidence(0.5, RevealConfidence.Level.MEDIUM));
        assertThat(health.evidence()).extracting(RevealEvidence::count, RevealEvidence::outOf, RevealEvidence::unit)
                .containsExactly(6L, 12L, RevealEvidence.Unit.MONTHS);
        assertThat(Words.english().say(health.finding())).isEqualTo("In 2025 you spent 72.40 EUR on health in 3 payments "
                + "to 2 payees: DR LEFEBVRE CLAIRE, PHARMACIE DU PONT (6 months of the year recorded).");
    }

    @Test
    void payInTwoMonthsIsNotEnoughToFindAnIncomeAndTheAnswerSaysSo() {
        for (int month = 1; month <= 2; month++) {
            line(LocalDate.of(2025, month, 28), "650.00", "VIR SALAIRE LIBRAIRIE DES CANUTS");
        }
        write();

        RevealedSource money = reveal.money(fixture.camille().id());

        RevealFinding income = money.findings().stream().filter(finding -> finding.kind() == RevealFinding.Kind.INCOME)
                .findFirst().orElseThrow();
        assertThat(income.inference()).isEqualTo(new RevealInference.Unknown<>(
                Wording.of("reveal.money.income.few", 2, 3, 50)));
        assertThat(Words.english().say(Wording.of("reveal.money.income.few", 2, 3, 50))).isEqualTo("Not enough "
                + "transactions to find an income: no payer credits your account around the same day in at least 3 months "
                + "and in 50% of the months from its first credit to its last; the most regular one did in 2 months.");
    }

    @Test
    void aPersonWithNoBankDataIsToldSoForEveryKindOfFinding() {
        RevealedSource money = reveal.money(fixture.camille().id());

        assertThat(money.records()).isZero();
        assertThat(money.findings()).extracting(RevealFinding::kind, RevealFinding::inference).containsExactly(
                tuple(RevealFinding.Kind.SHOP, new RevealInference.Unknown<>(Wording.of("reveal.money.shop.none"))),
                tuple(RevealFinding.Kind.EATING, new RevealInference.Unknown<>(Wording.of("reveal.money.eating.none"))),
                tuple(RevealFinding.Kind.INCOME, new RevealInference.Unknown<>(Wording.of("reveal.money.income.none"))),
                tuple(RevealFinding.Kind.HEALTH, new RevealInference.Unknown<>(Wording.of("reveal.money.health.none", 0L))),
                tuple(RevealFinding.Kind.SPECIAL, new RevealInference.Unknown<>(
                        Wording.of("reveal.money.special.none", 0))));
    }

    @Test
    void aPayeeRevealsASpecialCategoryByWholeWordsOnly() {
        assertThat(RevealSpecialCategory.of("SYNDICAT CFDT COTISATION")).contains(RevealSpecialCategory.TRADE_UNION);
        assertThat(RevealSpecialCategory.of("PAROISSE SAINT NIZIER")).contains(RevealSpecialCategory.RELIGION);
        assertThat(RevealSpecialCategory.of("DON DIOCESE DE LYON")).contains(RevealSpecialCategory.RELIGION);
        assertThat(RevealSpecialCategory.of("MOSQUEE DE LYON")).contains(RevealSpecialCategory.RELIGION);
        assertThat(RevealSpecialCategory.of("PARTI SOCIALISTE ADHESION")).contains(RevealSpecialCategory.POLITICS);
        assertThat(RevealSpecialCategory.of("KINE DUPONT")).contains(RevealSpecialCategory.HEALTH);
        assertThat(RevealSpecialCategory.of("CPAM DU RHONE")).contains(RevealSpecialCategory.HEALTH);
        // Look-alikes: the tax office, a customer, a building's manager, a money transfer, a mutual insurer.
        assertThat(RevealSpecialCategory.of("DRFIP BOURSE CROUS")).isEmpty();
        assertThat(RevealSpecialCategory.of("EDF CLIENTS PARTICULIERS")).isEmpty();
        assertThat(RevealSpecialCategory.of("SYNDIC FONCIA")).isEmpty();
        assertThat(RevealSpecialCategory.of("WESTERN UNION")).isEmpty();
        assertThat(RevealSpecialCategory.of("HARMONIE MUTUELLE")).isEmpty();
    }

    private void sixMonths() {
        String[] salaries = {"600.00", "650.00", "700.00", "620.00", "640.00", "660.00"};
        for (int month = 1; month <= 6; month++) {
            line(LocalDate.of(2025, month, 2), "-12.00", "PRLV SEPA SYNDICAT CFDT COTISATION");
            line(LocalDate.of(2025, month, 3), "-23.40", String.format("CB CARREFOUR CITY 02/%02d", month));
            line(LocalDate.of(2025, month, 5), "-480.00", "PRLV SEPA SYNDIC FONCIA LOYER");
            line(LocalDate.of(2025, month, 6), "297.50", "VIR DRFIP BOURSE CROUS");
            line(LocalDate.of(2025, month, 10), "-38.00", "PRLV SEPA EDF CLIENTS PARTICULIERS");
            line(LocalDate.of(2025, month, 17), "-31.10", String.format("CB CARREFOUR CITY 16/%02d", month));
            line(LocalDate.of(2025, month, 28), salaries[month - 1], "VIR SALAIRE LIBRAIRIE DES CANUTS");
            if (month <= 3) {
                for (int coffee = 0; coffee < 4; coffee++) {
                    line(LocalDate.of(2025, month, 8 + coffee), "-2.50", "CB CAFE DE LA DOUA");
                }
            }
        }
        line(LocalDate.of(2025, 1, 20), "-18.00", "CB LIDL 19/01");
        line(LocalDate.of(2025, 2, 3), "-30.00", "CB DR LEFEBVRE CLAIRE 01/02");
        line(LocalDate.of(2025, 2, 11), "20.40", "VIR CPAM LYON REMBOURSEMENT SOINS");
        line(LocalDate.of(2025, 3, 17), "20.40", "VIR CPAM LYON REMBOURSEMENT SOINS");
        line(LocalDate.of(2025, 4, 14), "-30.00", "CB DR LEFEBVRE CLAIRE 12/04");
        line(LocalDate.of(2025, 4, 15), "-12.40", "CB PHARMACIE DU PONT 12/04");
        line(LocalDate.of(2025, 5, 25), "20.40", "VIR CPAM LYON REMBOURSEMENT SOINS");
        write();
    }

    private static RevealInference.Found<Wording> found(RevealedSource source, RevealFinding.Kind kind) {
        RevealInference<Wording> inference = source.findings().stream().filter(finding -> finding.kind() == kind)
                .findFirst().orElseThrow().inference();
        assertThat(inference).isInstanceOf(RevealInference.Found.class);
        return (RevealInference.Found<Wording>) inference;
    }

    private void line(LocalDate booked, String amount, String label) {
        drafts.add(RecordDraft.of(TimeSpan.day(booked, TestVaults.PARIS), new BankTransaction("111", booked,
                Optional.empty(), new BigDecimal(amount), "EUR", label, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Position.line(drafts.size() + 1)));
    }

    private void write() {
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(BANK, "ofx", "releve.ofx"),
                drafts.stream());
    }
}
