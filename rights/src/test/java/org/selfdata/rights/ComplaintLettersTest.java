package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.texts.Language;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.selfdata.rights.Correspondents.camille;
import static org.selfdata.rights.Correspondents.cnil;
import static org.selfdata.rights.Correspondents.organization;
import static org.selfdata.rights.RequestLettersTest.assertRefused;

class ComplaintLettersTest {
    private static final PriorRequest ACCESS = new PriorRequest("SD-7K3Q", Right.ACCESS, Organization.Channel.EMAIL,
            LocalDate.of(2026, 1, 31), Optional.of(LocalDate.of(2026, 1, 31)), Optional.of(LocalDate.of(2026, 3, 2)),
            false);

    @Test
    void aComplaintToTheCnilIsInFrenchAndCarriesWhatTheCnilAsksWithTheDates() {
        Letter letter = Letters.complaint(new ComplaintRequest(cnil(), organization(), Optional.of("732 829 320"),
                camille(), ACCESS, new Outcome.NoAnswer(), Optional.of(LocalDate.of(2026, 3, 10)),
                List.of("My request of 31 January 2026", "The acknowledgement of receipt", "My formal notice"),
                LocalDate.of(2026, 4, 1), Language.ENGLISH));

        assertThat(letter.language()).isEqualTo(Language.FRENCH);
        assertThat(letter.subject()).isEqualTo("[SD-7K3Q] Plainte contre PhotoMatch Inc.\u00a0: absence de réponse à"
                + " ma demande d’accès à mes données personnelles (article 15 du RGPD)");
        assertThat(letter.body()).isEqualTo("""
                Madame, Monsieur,

                En application de l’article 77 du RGPD, j’introduis auprès de vous une réclamation contre l’organisme \
                suivant, qui n’a pas satisfait à ma demande.

                Auteur de la réclamation\u00a0:
                – Nom\u00a0: Camille Martin
                – Adresse\u00a0: 12 rue des Lilas, 69003 Lyon, France
                – Adresse électronique\u00a0: camille@example.org

                Organisme mis en cause\u00a0:
                – Nom\u00a0: PhotoMatch Inc.
                – Adresse\u00a0: 1 Market Street, New York, NY 10001, USA
                – Adresse électronique\u00a0: privacy@photomatch.example
                – Site web\u00a0: https://photomatch.example
                – Numéro SIREN\u00a0: 732829320

                Les faits\u00a0:
                – le 31 janvier 2026, je lui ai adressé par courrier électronique une demande d’accès à mes données \
                personnelles (article 15 du RGPD), sous la référence SD-7K3Q\u00a0;
                – il l’a reçue le 31 janvier 2026\u00a0;
                – le délai de réponse prévu à l’article 12, paragraphe 3, du RGPD a expiré le 2 mars 2026\u00a0;
                – le 10 mars 2026, je lui ai adressé une mise en demeure\u00a0;
                – à ce jour, il n’a pas répondu.

                Je vous demande d’examiner cette réclamation et, si vous l’estimez fondée, d’ordonner à cet organisme \
                de satisfaire à ma demande (article 58, paragraphe 2, point c), du RGPD).

                Pièces jointes\u00a0:
                1. My request of 31 January 2026
                2. The acknowledgement of receipt
                3. My formal notice

                En application de l’article 77, paragraphe 2, du RGPD, je vous remercie de m’informer de l’état \
                d’avancement et de l’issue de cette réclamation.

                Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.

                Camille Martin""");
    }

    @Test
    void aComplaintAboutAnIncompleteAnswerNamesTheMissingItems() {
        Letter letter = Letters.complaint(new ComplaintRequest(cnil(), organization(), Optional.empty(), camille(),
                ACCESS, new Outcome.IncompleteAnswer(LocalDate.of(2026, 2, 20), Set.of(AccessItem.PURPOSES)),
                Optional.empty(), List.of(), LocalDate.of(2026, 4, 1), Language.FRENCH));

        assertThat(letter.subject()).contains("réponse incomplète à ma demande d’accès");
        assertThat(letter.body())
                .contains("– le 20 février 2026, il a répondu, mais il manque à sa réponse\u00a0:\n"
                        + "\u00a0\u00a0\u00a0\u00a0• les finalités du traitement (article 15, paragraphe 1, point a))"
                        + "\u00a0;")
                .doesNotContain("SIREN", "Pièces jointes", "mise en demeure");
    }

    @Test
    void aComplaintGoesToASupervisoryAuthorityWithAValidSirenNumber() {
        assertRefused(() -> new ComplaintRequest(organization(), organization(), Optional.empty(), camille(), ACCESS,
                        new Outcome.NoAnswer(), Optional.empty(), List.of(), LocalDate.of(2026, 4, 1),
                        Language.FRENCH),
                "A complaint is lodged with a supervisory authority, and this organization is not one.",
                "Une plainte s’adresse à une autorité de contrôle, et cet organisme n’en est pas une.");
        assertRefused(() -> new ComplaintRequest(cnil(), organization(), Optional.of("732 829 321"), camille(),
                        ACCESS, new Outcome.NoAnswer(), Optional.empty(), List.of(), LocalDate.of(2026, 4, 1),
                        Language.FRENCH),
                "A SIREN number is nine digits with a valid check digit.",
                "Un numéro SIREN compte neuf chiffres, dont une clé de contrôle valable.");
    }

    @Test
    void aComplaintOfARequestLeftUnansweredIsDatedAfterItsDeadlinePassedNotOnItsLastDay() {
        for (LocalDate date : List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2))) {
            assertRefused(() -> new ComplaintRequest(cnil(), organization(), Optional.empty(), camille(), ACCESS,
                            new Outcome.NoAnswer(), Optional.empty(), List.of(), date, Language.FRENCH),
                    "A complaint about a request left unanswered is dated after its deadline passed.",
                    "La plainte pour une demande restée sans réponse se date après son échéance.");
        }
        assertThat(Letters.complaint(new ComplaintRequest(cnil(), organization(), Optional.empty(), camille(), ACCESS,
                new Outcome.NoAnswer(), Optional.empty(), List.of(), LocalDate.of(2026, 3, 3), Language.FRENCH))
                .subject()).contains("absence de réponse");
    }

    @Test
    void aComplaintIsDatedAfterTheRefusalOrTheReminderItRecalls() {
        assertRefused(() -> new ComplaintRequest(cnil(), organization(), Optional.empty(), camille(), ACCESS,
                        new Outcome.Refusal(LocalDate.of(2026, 2, 10)), Optional.empty(), List.of(),
                        LocalDate.of(2026, 2, 9), Language.FRENCH),
                "A complaint is dated after the events it recalls.",
                "Une plainte se date après les faits qu’elle rapporte.");
        assertRefused(() -> new ComplaintRequest(cnil(), organization(), Optional.empty(), camille(), ACCESS,
                        new Outcome.Refusal(LocalDate.of(2026, 2, 10)), Optional.of(LocalDate.of(2026, 2, 20)),
                        List.of(), LocalDate.of(2026, 2, 15), Language.FRENCH),
                "A complaint is dated after the events it recalls.",
                "Une plainte se date après les faits qu’elle rapporte.");
    }
}
