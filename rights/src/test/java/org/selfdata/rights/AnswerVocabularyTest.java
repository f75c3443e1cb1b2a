package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words an answer names the items of art. 15 by, in English and in French, and the words of the data itself
 * that name none.
 */
class AnswerVocabularyTest {
    @ParameterizedTest(name = "{1} and {2} name {0}")
    @CsvSource(delimiter = '|', textBlock = """
            PURPOSES            | Purposes of the processing       | Finalités du traitement
            PURPOSES            | processing_purpose               | finalite
            CATEGORIES          | Categories of personal data      | Catégories de données
            CATEGORIES          | dataCategories                   | categorie_de_donnees
            RECIPIENTS          | Recipients                       | Destinataires des données
            RECIPIENTS          | Third parties we share with      | DESTINATAIRES
            STORAGE_PERIOD      | Retention period                 | Durée de conservation
            STORAGE_PERIOD      | storagePeriod                    | duree_conservation
            RIGHTS              | Your rights                      | Vos droits
            RIGHTS              | Data subject rights              | Droits de la personne concernée
            COMPLAINT           | Right to lodge a complaint       | Droit d’introduire une réclamation
            COMPLAINT           | Supervisory authority            | Réclamation auprès de la CNIL
            SOURCE              | Source of the data               | Origine des données
            SOURCE              | dataSources                      | provenance_des_donnees
            AUTOMATED_DECISIONS | Automated decision-making        | Décisions automatisées
            AUTOMATED_DECISIONS | profiling                        | Profilage
            TRANSFER_SAFEGUARDS | Transfers to third countries     | Transferts hors UE : garanties appropriées
            TRANSFER_SAFEGUARDS | safeguards                       | pays_tiers
            """)
    void anItemIsNamedInEnglishAndInFrenchWhateverTheAccentsCaseAndSeparators(AccessItem item, String english,
            String french) {
        assertThat(AnswerVocabulary.named(english)).containsExactly(item);
        assertThat(AnswerVocabulary.named(french)).containsExactly(item);
    }

    @ParameterizedTest(name = "{1} and {2} name nothing")
    @CsvSource(delimiter = '|', textBlock = """
            PURPOSES            | Purpose                          | Objet du virement
            CATEGORIES          | Category                         | Catégorie
            RECIPIENTS          | Recipient                        | Destinataire
            STORAGE_PERIOD      | Storage                          | Durée
            RIGHTS              | Voting rights held               | Droits de garde
            COMPLAINT           | Complaints                       | Réclamations
            SOURCE              | source                           | Origine
            AUTOMATED_DECISIONS | Decision                         | Décision
            TRANSFER_SAFEGUARDS | Transfers                        | Transferts
            """)
    void theWordsOfTheDataThemselvesNameNoItem(AccessItem nearly, String english, String french) {
        assertThat(AnswerVocabulary.named(english)).as(nearly.term()).isEmpty();
        assertThat(AnswerVocabulary.named(french)).as(nearly.term()).isEmpty();
    }

    @Test
    void aHeadingMayNameSeveralItems() {
        assertThat(AnswerVocabulary.named("Recipients and retention"))
                .isEqualTo(Set.of(AccessItem.RECIPIENTS, AccessItem.STORAGE_PERIOD));
        assertThat(AnswerVocabulary.named("Catégories de destinataires")).containsExactly(AccessItem.RECIPIENTS);
    }

    @Test
    void aHeadingsWordsAreSplitAtCamelCaseAndSeparatorsWithoutAccentsOrCase() {
        assertThat(AnswerVocabulary.words("Durée_de-conservation l’origine dataCategories"))
                .containsExactly("duree", "de", "conservation", "l", "origine", "data", "categories");
    }
}
