package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineStatusTest {
    private static final Deadlines METROPOLITAN = new Deadlines(HolidayRegion.METROPOLITAN_FRANCE);
    private static final Words ENGLISH = Words.of(Language.ENGLISH);
    private static final Words FRENCH = Words.of(Language.FRENCH);
    private static final RequestDates LAST_OF_JANUARY = RequestDates.received(LocalDate.of(2026, 1, 31));

    @Test
    void beforeTheLastDayTheStatusCountsTheDaysLeft() {
        DeadlineStatus status = METROPOLITAN.status(LAST_OF_JANUARY, LocalDate.of(2026, 2, 27));

        assertThat(status.daysLeft()).isEqualTo(3);
        assertThat(status.overdue()).isFalse();
        assertThat(ENGLISH.say(status.summary())).isEqualTo("answer due by Monday 2 March 2026: 3 days left");
        assertThat(FRENCH.say(status.summary()))
                .isEqualTo("réponse attendue au plus tard le lundi 2 mars 2026 : encore 3 jours");
    }

    @Test
    void onTheLastDayTheDeadlineIsStillMet() {
        DeadlineStatus status = METROPOLITAN.status(LAST_OF_JANUARY, LocalDate.of(2026, 3, 2));

        assertThat(status.daysLeft()).isZero();
        assertThat(status.overdue()).isFalse();
        assertThat(ENGLISH.say(status.summary())).isEqualTo("answer due by Monday 2 March 2026: today is the last day");
        assertThat(FRENCH.say(status.summary()))
                .isEqualTo("réponse attendue au plus tard le lundi 2 mars 2026 : c’est aujourd’hui le dernier jour");
    }

    @Test
    void theDayAfterTheLastDayTheRequestIsOverdue() {
        DeadlineStatus status = METROPOLITAN.status(LAST_OF_JANUARY, LocalDate.of(2026, 3, 3));

        assertThat(status.daysLeft()).isEqualTo(-1);
        assertThat(status.overdue()).isTrue();
        assertThat(ENGLISH.say(status.summary())).isEqualTo("answer was due by Monday 2 March 2026: 1 day late");
        assertThat(FRENCH.say(status.summary()))
                .isEqualTo("réponse attendue au plus tard le lundi 2 mars 2026 : 1 jour de retard");
    }

    @Test
    void theReasonsSayHowTheDateWasCounted() {
        DeadlineStatus status = METROPOLITAN.status(LAST_OF_JANUARY, LocalDate.of(2026, 2, 27));

        assertThat(said(ENGLISH, status.reasons())).containsExactly(
                "the organization received the request on Saturday 31 January 2026",
                "the GDPR gives one month from receipt, the day of receipt not counted (art. 12(3); "
                        + "Regulation No 1182/71, art. 3)",
                "the last month has no day 31: the period ends on that month’s last day "
                        + "(Regulation No 1182/71, art. 3(2)(c))",
                "the period would end on a Saturday or a Sunday, Saturday 28 February 2026: it ends on the next "
                        + "working day, Monday 2 March 2026 (Regulation No 1182/71, art. 3(4))");
        assertThat(said(FRENCH, status.reasons())).containsExactly(
                "l’organisme a reçu la demande le samedi 31 janvier 2026",
                "le RGPD donne un mois à compter de la réception, le jour de réception non compris (art. 12, § 3 ; "
                        + "règlement n° 1182/71, art. 3)",
                "le dernier mois n’a pas de 31 : le délai prend fin le dernier jour de ce mois "
                        + "(règlement n° 1182/71, art. 3, § 2, c)",
                "le délai finirait un samedi ou un dimanche, le samedi 28 février 2026 : il prend fin le premier jour "
                        + "ouvrable suivant, le lundi 2 mars 2026 (règlement n° 1182/71, art. 3, § 4)");
    }

    @Test
    void aHolidayIsNamedAndTheFirstOfTheMonthWrittenAsFrenchWritesIt() {
        DeadlineStatus status = METROPOLITAN.status(RequestDates.received(LocalDate.of(2026, 4, 1)),
                LocalDate.of(2026, 4, 1));

        assertThat(ENGLISH.say(status.reasons().getLast())).isEqualTo("the period would end on Friday 1 May 2026, a "
                + "public holiday (Labour Day): it ends on the next working day, Monday 4 May 2026 "
                + "(Regulation No 1182/71, art. 3(4))");
        assertThat(FRENCH.say(status.reasons().getLast())).isEqualTo("le délai finirait le vendredi 1er mai 2026, "
                + "jour férié (fête du Travail) : il prend fin le premier jour ouvrable suivant, le lundi 4 mai 2026 "
                + "(règlement n° 1182/71, art. 3, § 4)");
    }

    @Test
    void aLateExtensionIsSaidNotToMoveTheDeadline() {
        RequestDates late = RequestDates.received(LocalDate.of(2026, 3, 2))
                .withExtensionNotifiedOn(LocalDate.of(2026, 4, 3));

        DeadlineStatus status = METROPOLITAN.status(late, LocalDate.of(2026, 4, 7));

        assertThat(status.kind()).isEqualTo(DeadlineKind.ANSWER);
        assertThat(status.overdue()).isTrue();
        assertThat(ENGLISH.say(status.reasons().getLast())).isEqualTo("the extension notified on Friday 3 April 2026 "
                + "came after the first month ended on Thursday 2 April 2026: it does not move the deadline "
                + "(art. 12(3))");
        assertThat(FRENCH.say(status.reasons().getLast())).isEqualTo("la prolongation annoncée le vendredi 3 avril "
                + "2026 est arrivée après la fin du premier mois, le jeudi 2 avril 2026 : elle ne repousse pas "
                + "l’échéance (art. 12, § 3)");
        assertThat(ENGLISH.say(status.summary())).isEqualTo("answer was due by Thursday 2 April 2026: 5 days late");
    }

    @Test
    void anExtensionInTimeIsSaidWithItsDay() {
        RequestDates extended = RequestDates.received(LocalDate.of(2026, 3, 2))
                .withExtensionNotifiedOn(LocalDate.of(2026, 3, 20));

        DeadlineStatus status = METROPOLITAN.status(extended, LocalDate.of(2026, 6, 1));

        assertThat(said(ENGLISH, status.reasons())).containsExactly(
                "the organization received the request on Monday 2 March 2026",
                "the organization extended the time limit by two further months on Friday 20 March 2026, within "
                        + "the first month: three months from receipt (art. 12(3))");
        assertThat(ENGLISH.say(status.summary()))
                .isEqualTo("answer due by Tuesday 2 June 2026, the time limit extended: 1 day left");
        assertThat(FRENCH.say(status.summary()))
                .isEqualTo("réponse attendue au plus tard le mardi 2 juin 2026, délai prolongé : encore 1 jour");
    }

    @Test
    void theDaysStoodStillForIdentificationAreSaidWithTheGuidelinesParagraph() {
        RequestDates identified = RequestDates.received(LocalDate.of(2026, 3, 2))
                .withIdentificationAskedOn(LocalDate.of(2026, 3, 5))
                .withIdentificationGivenOn(LocalDate.of(2026, 3, 15));

        DeadlineStatus status = METROPOLITAN.status(identified, LocalDate.of(2026, 3, 16));

        assertThat(ENGLISH.say(status.reasons().get(2))).isEqualTo("the clock stood still from Thursday 5 March "
                + "2026, when the organization asked for information to identify you, to Sunday 15 March 2026, when "
                + "it had it: 10 days added (art. 12(6); EDPB Guidelines 01/2022, paragraph 159)");
        assertThat(FRENCH.say(status.reasons().get(2))).isEqualTo("le délai a été suspendu du jeudi 5 mars 2026, "
                + "jour où l’organisme a demandé de quoi vous identifier, au dimanche 15 mars 2026, jour où il l’a "
                + "reçu : 10 jours ajoutés (art. 12, § 6 ; lignes directrices 01/2022 du CEPD, point 159)");
    }

    @Test
    void whileIdentificationIsAwaitedTheStatusSaysWhenTheAnswerWouldBeDue() {
        RequestDates awaiting = RequestDates.received(LocalDate.of(2026, 3, 2))
                .withIdentificationAskedOn(LocalDate.of(2026, 3, 5));

        DeadlineStatus status = METROPOLITAN.status(awaiting, LocalDate.of(2026, 3, 20));

        assertThat(ENGLISH.say(status.summary())).isEqualTo("clock stopped until the organization has what it asked "
                + "to identify you; given today, the answer would be due by Friday 17 April 2026: 28 days from today");
        assertThat(FRENCH.say(status.summary())).isEqualTo("délai suspendu jusqu’à ce que l’organisme reçoive de quoi "
                + "vous identifier ; fournies aujourd’hui, ces informations porteraient l’échéance au vendredi 17 avril "
                + "2026 : dans 28 jours");
    }

    @Test
    void anOverdueAuthoritySaysThePersonMayGoToCourt() {
        RequestDates complained = RequestDates.received(LocalDate.of(2025, 9, 1))
                .withComplaintLodgedOn(LocalDate.of(2026, 1, 15));

        DeadlineStatus status = METROPOLITAN.status(complained, LocalDate.of(2026, 4, 17));

        assertThat(ENGLISH.say(status.summary())).isEqualTo("the authority owed you news of your complaint by "
                + "Wednesday 15 April 2026: 2 days late; you may now go to court (GDPR art. 78(2))");
        assertThat(FRENCH.say(status.summary())).isEqualTo("l’autorité vous devait des nouvelles de votre plainte au "
                + "plus tard le mercredi 15 avril 2026 : 2 jours de retard ; vous pouvez désormais saisir le juge "
                + "(RGPD, art. 78, § 2)");
    }

    @Test
    void theEstimateOfALettersReceiptSaysItIsOneAndHowToReplaceIt() {
        EstimatedReceipt letter = METROPOLITAN.estimatedReceipt(Organization.Channel.LETTER, LocalDate.of(2026, 4, 24));

        assertThat(ENGLISH.say(letter.basis())).isEqualTo("selfdata counts a registered letter as arriving 3 working "
                + "days after posting; enter the date on the acknowledgement of receipt once you have it");
        assertThat(FRENCH.say(letter.basis())).isEqualTo("selfdata compte qu’une lettre recommandée arrive 3 jours "
                + "ouvrables après son dépôt ; saisissez la date de l’avis de réception dès que vous l’avez");
    }

    private static List<String> said(Words words, List<Wording> wordings) {
        return wordings.stream().map(words::say).toList();
    }
}
