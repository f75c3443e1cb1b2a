package org.selfdata.texts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceNamesTest {
    @Test
    void theVocabularysTermsAreSaidInTheReadersLanguage() {
        assertThat(SourceNames.say(Language.FRENCH, "Location History")).isEqualTo("Historique des positions");
        assertThat(SourceNames.say(Language.FRENCH, "Address book")).isEqualTo("Carnet d’adresses");
        assertThat(SourceNames.say(Language.FRENCH, "vCard contacts")).isEqualTo("contacts vCard");
        assertThat(SourceNames.say(Language.FRENCH, "CSV export")).isEqualTo("export CSV");
        assertThat(SourceNames.say(Language.FRENCH, "Energy usage download"))
                .isEqualTo("Téléchargement de la consommation d’énergie");
    }

    @Test
    void aTermWithAPartOfItsOwnKeepsThePartAsItIs() {
        assertThat(SourceNames.say(Language.FRENCH, "account ••7360")).isEqualTo("compte ••7360");
        assertThat(SourceNames.say(Language.FRENCH, "Linky meter ••4821")).isEqualTo("compteur Linky ••4821");
        assertThat(SourceNames.say(Language.FRENCH, "account with no number at bank 30004, branch 00123"))
                .isEqualTo("compte sans numéro à la banque 30004, agence 00123");
        assertThat(SourceNames.say(Language.FRENCH, "Bank 30004")).isEqualTo("Banque 30004");
    }

    @Test
    void englishSaysEveryStoredTermExactlyAsItWasStored() {
        for (String stored : new String[] {"Location History", "account ••7360", "Linky meter", "Linky meter ••4821",
                "account with no number at bank 30004", "account with no number at bank 30004, branch 00123",
                "account not named in the file", "all accounts", "OFX bank", "Bank 30004", "Timeline"}) {
            assertThat(SourceNames.say(Language.ENGLISH, stored)).isEqualTo(stored);
        }
    }

    @Test
    void aFilesOwnWordsAreLeftAsTheyAre() {
        assertThat(SourceNames.say(Language.FRENCH, "BoursoBank")).isEqualTo("BoursoBank");
        assertThat(SourceNames.say(Language.FRENCH, "Agenda du club")).isEqualTo("Agenda du club");
        assertThat(SourceNames.say(Language.FRENCH, "Google")).isEqualTo("Google");
    }
}
