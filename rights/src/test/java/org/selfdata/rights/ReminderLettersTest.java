package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.texts.Language;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.selfdata.rights.Correspondents.camille;
import static org.selfdata.rights.Correspondents.organization;
import static org.selfdata.rights.RequestLettersTest.assertRefused;

class ReminderLettersTest {
    private static final PriorRequest ACCESS = new PriorRequest("SD-7K3Q", Right.ACCESS, Organization.Channel.EMAIL,
            LocalDate.of(2026, 10, 30), Optional.of(LocalDate.of(2026, 10, 30)), Optional.of(LocalDate.of(2026, 11, 30)),
            false);

    @Test
    void aReminderOfAnOverdueRequestRecallsItsDatesAndGivesALastTimeLimit() {
        Letter letter = Letters.reminder(new ReminderRequest(ACCESS, new Outcome.NoAnswer(), organization(),
                camille(), LocalDate.of(2026, 12, 5), Language.ENGLISH, 15));

        assertThat(letter.subject()).isEqualTo("[SD-7K3Q] Formal notice: my request of 30 October 2026");
        assertThat(letter.body()).isEqualTo("""
                Dear Sir or Madam,

                On 30 October 2026, I sent you by e-mail a request for access to my personal data (Article 15 GDPR), \
                under the reference SD-7K3Q. You received it on 30 October 2026. The time limit of Article 12(3) GDPR \
                for your answer ended on 30 November 2026.

                To this day, I have received no answer from you.

                I therefore formally call upon you to comply with my request in full within 15 days of receipt of this \
                letter. Failing that, I will lodge a complaint with the competent supervisory authority under Article \
                77 GDPR, without prejudice to my right to an effective judicial remedy under Article 79 GDPR.

                Under Article 12(5) GDPR, the answer to this request is free of charge.

                Please quote the reference SD-7K3Q in your reply, so that it can be matched to this request.

                Yours faithfully,

                Camille Martin""");
    }

    @Test
    void aReminderOfAnIncompleteAccessAnswerNamesExactlyTheMissingItemsInTheChecklistsOrder() {
        Letter letter = Letters.reminder(new ReminderRequest(ACCESS, new Outcome.IncompleteAnswer(
                LocalDate.of(2026, 11, 20), EnumSet.of(AccessItem.COPY, AccessItem.RECIPIENTS, AccessItem.SOURCE)),
                organization(), camille(), LocalDate.of(2026, 12, 5), Language.FRENCH, 8));

        assertThat(letter.subject()).isEqualTo("[SD-7K3Q] Mise en demeure\u00a0: ma demande du 30 octobre 2026");
        assertThat(letter.body()).contains("""
                Le 20 novembre 2026, vous m’avez répondu, mais il manque à votre réponse les éléments suivants, que \
                l’article 15 du RGPD vous impose de fournir\u00a0:
                – les destinataires, chacun nommément, ou leurs catégories (article 15, paragraphe 1, point c))\u00a0;
                – la source des données qui n’ont pas été collectées auprès de moi (article 15, paragraphe 1, point \
                g))\u00a0;
                – la copie des données à caractère personnel faisant l’objet d’un traitement (article 15, paragraphe \
                3)\u00a0;

                Je vous mets donc en demeure de satisfaire entièrement à ma demande dans un délai de 8 jours""")
                .doesNotContain("finalités du traitement", "durée de conservation, ou");
    }

    @Test
    void aReminderOfARefusalSaysOnWhatGroundsARequestMayBeRefused() {
        PriorRequest extended = new PriorRequest("SD-7K3Q", Right.ERASURE, Organization.Channel.LETTER,
                LocalDate.of(2026, 6, 1), Optional.of(LocalDate.of(2026, 6, 3)), Optional.of(LocalDate.of(2026, 9, 3)),
                true);

        Letter letter = Letters.reminder(new ReminderRequest(extended, new Outcome.Refusal(LocalDate.of(2026, 9, 1)),
                organization(), camille(), LocalDate.of(2026, 9, 10), Language.ENGLISH, 1));

        assertThat(letter.body()).contains(
                "On 1 June 2026, I sent you by post a request for erasure of my personal data (Article 17 GDPR),"
                        + " under the reference SD-7K3Q. You received it on 3 June 2026. The time limit of Article"
                        + " 12(3) GDPR for your answer, which you extended, ended on 3 September 2026.",
                "On 1 September 2026, you refused to act on it. Under Article 12(4) and (5) GDPR, you may refuse to act"
                        + " only on a request that is manifestly unfounded or excessive",
                "within 1 day of receipt of this letter.");
    }

    @Test
    void missingItemsBelongOnlyToAnAccessAnswerAndAnIncompleteAccessAnswerNamesOne() {
        PriorRequest erasure = new PriorRequest("SD-7K3Q", Right.ERASURE, Organization.Channel.EMAIL,
                LocalDate.of(2026, 10, 30), Optional.empty(), Optional.empty(), false);

        assertRefused(() -> new ReminderRequest(erasure, new Outcome.IncompleteAnswer(LocalDate.of(2026, 11, 2),
                        Set.of(AccessItem.COPY)), organization(), camille(), LocalDate.of(2026, 12, 5),
                        Language.ENGLISH, 15),
                "Missing items are named only for an answer to an access request.",
                "Les éléments manquants ne se nomment que pour la réponse à une demande d’accès.");
        assertRefused(() -> new ReminderRequest(ACCESS, new Outcome.IncompleteAnswer(LocalDate.of(2026, 11, 2),
                        Set.of()), organization(), camille(), LocalDate.of(2026, 12, 5), Language.ENGLISH, 15),
                "An incomplete answer to an access request names at least one missing item of the checklist.",
                "Une réponse incomplète à une demande d’accès nomme au moins un élément manquant de la liste de"
                        + " contrôle.");
    }

    @Test
    void aFormalNoticeGivesFromOneToSixtyDaysAndComesAfterTheDeadline() {
        assertRefused(() -> new ReminderRequest(ACCESS, new Outcome.NoAnswer(), organization(), camille(),
                        LocalDate.of(2026, 12, 5), Language.ENGLISH, 0),
                "The time a formal notice gives to answer is from 1 to 60 days.",
                "Le délai qu’une mise en demeure laisse pour répondre va de 1 à 60 jours.");
        for (LocalDate date : List.of(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30))) {
            assertRefused(() -> new ReminderRequest(ACCESS, new Outcome.NoAnswer(), organization(), camille(), date,
                            Language.ENGLISH, 15),
                    "A reminder of a request left unanswered is dated after its deadline passed.",
                    "La relance d’une demande restée sans réponse se date après son échéance.");
        }
    }

    @Test
    void aRefusalIsRemindedOfAtOnceWithoutWaitingForTheDeadline() {
        Letter reminder = Letters.reminder(new ReminderRequest(ACCESS, new Outcome.Refusal(LocalDate.of(2026, 11, 20)),
                organization(), camille(), LocalDate.of(2026, 11, 21), Language.ENGLISH, 15));

        assertThat(reminder.subject()).contains(ACCESS.reference());
    }

    @Test
    void aRequestIsNotReceivedBeforeItIsSent() {
        assertRefused(() -> new PriorRequest("SD-7K3Q", Right.ACCESS, Organization.Channel.EMAIL,
                        LocalDate.of(2026, 10, 30), Optional.of(LocalDate.of(2026, 10, 29)), Optional.empty(), false),
                "A request cannot have been received before it was sent.",
                "Une demande ne peut pas avoir été reçue avant d’avoir été envoyée.");
    }
}
