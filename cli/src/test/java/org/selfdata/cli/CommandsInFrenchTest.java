package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.LogAction;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimePrecision;
import org.selfdata.testing.Corpus;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.LogVerification;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line in the terminal's language: with {@code LANG=fr_FR.UTF-8}, what each command asks and says once
 * done is French, plurals and numbers included. English, the fallback, is what the other command tests read.
 */
class CommandsInFrenchTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path home;

    private CommandRun selfdata;

    @BeforeEach
    void speakFrench() {
        selfdata = new CommandRun(home).with("LANG", "fr_FR.UTF-8");
    }

    @Test
    void initSaysWhatItCreatedWhereTheKeyIsAndThatAPasswordIsStillToBeSet() {
        CommandRun.Result init = selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).isEqualTo("Coffre créé pour camille dans " + home.resolve(".selfdata/vault.db") + "\n"
                + "Les heures sont affichées dans le fuseau Europe/Paris.\n"
                + "Sa clé est " + home.resolve(".selfdata/master.key") + " : gardez-en une copie en lieu sûr, sans elle le "
                + "coffre ne peut pas être ouvert.\n"
                + "Pas encore de mot de passe de connexion : définissez-en un avec « selfdata password » avant "
                + "« selfdata serve ».\n");
    }

    @Test
    void initAsksForTheZoneAndThePasswordInFrench() {
        String computers = ZoneId.systemDefault().getId();

        CommandRun.Result init = selfdata.runAtTerminal(List.of("", PASSWORD, PASSWORD), "init", "--handle", "camille");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.err()).isEqualTo("Fuseau horaire [" + computers + "] : \n"
                + "Mot de passe de connexion de camille : \nUne seconde fois : \n");
        assertThat(init.out()).contains("Les heures sont affichées dans le fuseau " + computers + ".\n")
                .doesNotContain("Pas encore de mot de passe");
    }

    @Test
    void passwordSaysItIsSet() {
        init();

        CommandRun.Result password = selfdata.runWithInput(PASSWORD + "\n", "password", "--password-stdin");

        assertThat(password.exitCode()).as(password.err()).isZero();
        assertThat(password.out()).isEqualTo("Le mot de passe de camille est défini ; ses sessions ont été fermées.\n");
    }

    @Test
    void statusNamesTypesAndSourcesInFrenchWithTheDaysTheyCover() {
        init();
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());

        CommandRun.Result status = selfdata.run("status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).isEqualTo("Coffre de camille situé à " + home.resolve(".selfdata/vault.db")
                + " : 4 enregistrements de 1 source, 1 import\n"
                + "\n"
                + "Par type :\n"
                + "  Comptes bancaires                 1  2013-05-25\n"
                + "  Opérations bancaires              3  du 2011-03-31 au 2011-04-07\n"
                + "\n"
                + "Par source :\n"
                + "  1   FAKE, compte ••6877                                       "
                + "          4  du 2011-03-31 au 2013-05-25\n");
    }

    @Test
    void statusOfAnEmptyVaultCountsNothingInTheSingularFrenchTakesForZero() {
        init();

        CommandRun.Result status = selfdata.run("status");

        assertThat(status.out()).isEqualTo("Coffre de camille situé à " + home.resolve(".selfdata/vault.db")
                + " : 0 enregistrement de 0 source, 0 import\n");
    }

    @Test
    void exportAndRestoreSayWhatTheyWroteAndThatTheNewKeyFileIsToBeBackedUp(@TempDir Path elsewhere) {
        init();
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());
        Path archive = elsewhere.resolve("camille.zip");

        CommandRun.Result exported = selfdata.run("export", archive.toString());
        CommandRun.Result restored = new CommandRun(elsewhere).with("LANG", "fr_FR.UTF-8").run("restore", archive.toString());

        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).matches("4 enregistrements de camille exportés en \\d+ parties vers "
                + java.util.regex.Pattern.quote(archive.toString()) + "\n");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).isEqualTo("4 enregistrements de camille restaurés depuis " + archive + "\n"
                + "Ce coffre a un nouveau fichier de clé, " + elsewhere.resolve(".selfdata/master.key") + " : sauvegardez-le "
                + "maintenant, à part du coffre. Sans lui, rien de ce qui a été restauré ici ne peut être lu.\n"
                + "Définissez un mot de passe de connexion avec « selfdata password » avant « selfdata serve ».\n");
    }

    @Test
    void erasingASourceAsksForItsNumberAndSaysWhatWasErasedInFrench() {
        init();
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());

        CommandRun.Result erased = selfdata.runAtTerminal(List.of("1"), "erase", "--source", "1");

        assertThat(erased.exitCode()).as(erased.err()).isZero();
        assertThat(erased.err()).isEqualTo("Ceci détruit tout ce qui vient de FAKE (compte ••6877). C’est irréversible.\n"
                + "Tapez 1 (le numéro de cette source) pour confirmer : \n");
        assertThat(erased.out()).isEqualTo("4 enregistrements effacés, venant de 1 source et 1 import.\n");
    }

    @Test
    void keysRotateCountsTheSourcesInFrench() {
        init();
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString(),
                Corpus.file("google-location/takeout_Records.json").toString());

        CommandRun.Result rotated = selfdata.run("keys", "rotate");

        assertThat(rotated.out()).isEqualTo("Clés renouvelées pour 2 sources.\n");
    }

    @Test
    void peopleAreAddedListedAndRemovedInFrench() {
        init();

        CommandRun.Result added = selfdata.run("people", "add", "dominique", "--zone", "Europe/Paris");
        CommandRun.Result listed = selfdata.run("people", "list");
        CommandRun.Result removed = selfdata.run("people", "remove", "dominique", "--yes");
        selfdata.run("people", "remove", "camille", "--yes");
        CommandRun.Result nobody = selfdata.run("people", "list");
        CommandRun.Result operator = selfdata.run("people", "add", "eloise", "--zone", "Europe/Paris");

        assertThat(added.out()).isEqualTo("Personne ajoutée au coffre en tant que membre : dominique.\n"
                + "Pas encore de mot de passe de connexion : définissez-en un avec « selfdata password --person "
                + "dominique ».\n");
        assertThat(listed.out().lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches("camille    opérateur  \\d{4}-.*"),
                line -> assertThat(line).matches("dominique  membre     \\d{4}-.*"));
        assertThat(removed.out()).isEqualTo("Personne retirée du coffre : dominique. 0 enregistrement effacé, venant de "
                + "0 source et 0 import.\n");
        assertThat(nobody.out())
                .isEqualTo("Personne pour l’instant : ajoutez quelqu’un avec « selfdata people add HANDLE ».\n");
        assertThat(operator.out()).startsWith("Personne ajoutée au coffre en tant qu’opérateur : eloise.\n");
    }

    @Test
    void grantsSayThereAreNoneInFrench() {
        init();

        assertThat(selfdata.run("grants").out())
                .isEqualTo("Aucune autorisation : rien de ce qui est à vous n’est partagé.\n");
    }

    @Test
    void theDemoSaysWhatItWritesHowToSignInAndThatItIsFilledInFrenchWithItsRequestsAtTheirStages() {
        CommandRun.Result first = selfdata.run("demo", "--no-serve");
        CommandRun.Result again = selfdata.run("demo", "--no-serve");
        CommandRun.Result requests = selfdata.run("rights", "list", "--data", home.resolve(".selfdata-demo").toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEqualTo("Écriture de deux ans de données de Camille Martin sous forme de fichiers…\n");
        assertThat(first.out().lines().filter(line -> !line.isEmpty()).toList()).last().asString()
                .matches("Connectez-vous en tant que camille avec le mot de passe [a-z0-9]{16}");
        assertThat(first.out()).contains(" ajoutés, 0 déjà présent, ")
                .containsPattern("SD-[0-9A-Z]{4}\\.zip!/0/livret-a-operations\\.csv : fr-bank-csv de Banque Populaire "
                        + "Auvergne Rhône Alpes \\(SD-[0-9A-Z]{4}\\), 9 ajoutés, 0 déjà présent");
        assertThat(requests.out().lines().toList()).as(requests.err()).satisfiesExactly(
                line -> assertThat(line).matches("SD-[0-9A-Z]{4}  SNCF Connect  access \\(art\\. 15\\)  reçue par "
                        + "l’organisme  réponse attendue au plus tard le .+ : \\d+ jours de retard"),
                line -> assertThat(line).matches("SD-[0-9A-Z]{4}  FNAC DARTY  erasure \\(art\\. 17\\)  délai prolongé "
                        + "par l’organisme  réponse attendue au plus tard le .+, délai prolongé : encore \\d+ jours"),
                line -> assertThat(line).matches("SD-[0-9A-Z]{4}  Banque Populaire Auvergne Rhône Alpes  access "
                        + "\\(art\\. 15\\)  réponse complète  aucun délai en cours"));
        assertThat(again.err()).isEqualTo("Le coffre de démonstration situé à " + home.resolve(".selfdata-demo/vault.db")
                + " est déjà rempli.\n");
    }

    @Test
    void everyRecordTypeHasANameInEveryLanguage() {
        for (Language language : Language.values()) {
            for (RecordType type : RecordType.values()) {
                assertThat(StatusCommand.typeName(type, Words.of(language))).as(type.id()).doesNotContain(".");
            }
        }
        assertThat(StatusCommand.typeName(RecordType.ENERGY_READING, Words.of(Language.FRENCH)))
                .isEqualTo("Relevés d’énergie");
    }

    @Test
    void countsAreGroupedAsEachLanguageGroupsThem() {
        assertThat(Words.of(Language.FRENCH).say("command.status.records", 1_234_567)).isEqualTo("1\u202f234\u202f567");
        assertThat(Words.english().say("command.status.records", 1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void logShowSaysTheActionWhoActedAndTheTypesInFrench() {
        init();
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());

        CommandRun.Result show = selfdata.run("log", "show");

        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).matches("     0  \\S+  import        titulaire                     Comptes bancaires, "
                + "Opérations bancaires  4  \\S+\\.\\.\\S+  source 1\n");
    }

    @Test
    void logVerifySaysItsVerdictInFrench() {
        init();
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());

        CommandRun.Result verify = selfdata.run("log", "verify");

        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).matches("intact : 1 entrée, racine [0-9a-f]{64}\n");
        assertThat(Words.of(Language.FRENCH).say(new LogVerification.EntryBroken(1, LogVerification.Problem.ALTERED,
                Wording.of("log.verification.column", "action")).wording()))
                .isEqualTo("l’entrée 1 a été modifiée : sa colonne action ne correspond pas à son contenu");
        assertThat(Words.of(Language.FRENCH).say(new LogVerification.HeadBroken(Wording.of("log.verification.signature"))
                .wording())).isEqualTo("la tête signée du journal ne tient pas : sa signature n’est pas celle du coffre, "
                + "ou elle a été modifiée après avoir été signée");
    }

    @Test
    void aLoggedPrecisionAndPurposeAreSaidInWords() {
        Words french = Words.of(Language.FRENCH);

        assertThat(Vocabulary.loggedPrecision("location region, amounts rounded:100, time month, identifiers clear", french))
                .isEqualTo("lieux à la région, montants arrondis à 100, dates au mois près, identifiants en clair");
        assertThat(Vocabulary.loggedPurpose("dpv:CustomerCare", french)).isEqualTo("le service client");
        assertThat(Vocabulary.loggedPrecision("as the recipient asked", french)).isEqualTo("as the recipient asked");
    }

    @Test
    void everyLogActionProblemAndPrecisionLevelHasWordsInEveryLanguage() {
        for (Language language : Language.values()) {
            Words words = Words.of(language);
            for (LogAction action : LogAction.values()) {
                assertThat(words.say(Vocabulary.key("command.log.action.", action.name()))).isNotBlank();
            }
            for (LogVerification.Problem problem : LogVerification.Problem.values()) {
                assertThat(words.say(problem.wording())).isNotBlank();
            }
            for (LocationPrecision.Level level : LocationPrecision.Level.values()) {
                assertThat(words.pattern(Vocabulary.key("precision.location.", level.name()))).as(level.name()).isPresent();
            }
            for (AmountPrecision.Level level : AmountPrecision.Level.values()) {
                assertThat(words.pattern(Vocabulary.key("precision.amounts.", level.name()))).as(level.name()).isPresent();
            }
            for (TimePrecision time : TimePrecision.values()) {
                assertThat(words.pattern(Vocabulary.key("precision.time.", time.name()))).as(time.name()).isPresent();
            }
            for (IdentifierPrecision identifiers : IdentifierPrecision.values()) {
                assertThat(words.pattern(Vocabulary.key("precision.identifiers.", identifiers.name()))).isPresent();
            }
        }
    }

    @Test
    void anUnknownRecordTypeIsRefusedInFrench() {
        init();

        CommandRun.Result records = selfdata.run("records", "--type", "bank.transactions");

        assertThat(records.exitCode()).isEqualTo(3);
        assertThat(records.err()).isEqualTo("selfdata: type d’enregistrement inconnu « bank.transactions » ; types connus : "
                + RecordType.knownIds() + "\n");
    }

    @Test
    void rightsDeadlineCountsInFrenchWithTheDaysOfTheWeekAndTheReasons() {
        CommandRun.Result deadline = selfdata.run("rights", "deadline", "--received", "2025-01-31", "--today",
                "2025-02-20");

        assertThat(deadline.exitCode()).as(deadline.err()).isZero();
        assertThat(deadline.out()).isEqualTo("""
                réponse attendue au plus tard le vendredi 28 février 2025 : encore 8 jours
                Le calcul, avec les jours fériés de France métropolitaine :
                  - l’organisme a reçu la demande le vendredi 31 janvier 2025
                  - le RGPD donne un mois à compter de la réception, le jour de réception non compris (art. 12, § 3 ; \
                règlement n° 1182/71, art. 3)
                  - le dernier mois n’a pas de 31 : le délai prend fin le dernier jour de ce mois (règlement n° \
                1182/71, art. 3, § 2, c)
                Réponse attendue au plus tard le : vendredi 28 février 2025
                Réponse attendue au plus tard le, si l’organisme prolonge le délai pendant le premier mois : mercredi \
                30 avril 2025
                Un refus motivé attendu au plus tard le : vendredi 28 février 2025
                """);
    }

    @Test
    void rightsDeadlineRefusesABadDateInFrench() {
        CommandRun.Result deadline = selfdata.run("rights", "deadline", "--received", "31/01/2025");

        assertThat(deadline.exitCode()).isEqualTo(3);
        assertThat(deadline.err()).isEqualTo(
                "selfdata: --received : une date écrite année-mois-jour est attendue, telle que 2025-01-31\n");
    }

    @Test
    void rightsOrganizationSaysItsContactsInFrench() {
        CommandRun.Result organization = selfdata.run("rights", "organization", "sncf-connect");

        assertThat(organization.exitCode()).as(organization.err()).isZero();
        assertThat(organization.out()).isEqualTo("""
                SNCF Connect (sncf-connect)
                Adresse postale :
                  1-3 rue Camille Moke
                  CS 20012
                  93212 La Plaine Saint-Denis Cedex
                  France
                Formulaire en ligne : https://forms.sncf-connect.com/form-50364/
                Site : https://www.sncf-connect.com
                Catégories : travel
                Il ne demande rien de particulier pour vous identifier.
                Il est connu pour demander une pièce d’identité à chaque demande : vous n’avez à en donner une que si \
                vous le choisissez.
                """);
        assertThat(selfdata.run("rights", "organizations", "sncf connect").out())
                .isEqualTo("SNCF Connect  sncf-connect  formulaire en ligne https://forms.sncf-connect.com/form-50364/, "
                        + "courrier\n");
    }

    @Test
    void rightsSenderDraftAndListSpeakFrenchAndTheLetterIsInFrenchByDefault() {
        init();
        CommandRun.Result none = selfdata.run("rights", "list");
        CommandRun.Result sender = selfdata.run("rights", "sender", "--name", "Camille Martin", "--address",
                "12 rue de la République\n69002 Lyon");
        CommandRun.Result draft = selfdata.run("rights", "draft", "sncf-connect", "--right", "erasure", "--channel",
                "web-form");
        CommandRun.Result list = selfdata.run("rights", "list");

        assertThat(none.out()).isEqualTo("Aucune demande pour l’instant : préparez-en une avec selfdata rights draft.\n");
        assertThat(sender.out()).isEqualTo("Expéditeur enregistré : vos lettres seront signées de ce nom et de cette "
                + "adresse.\n");
        assertThat(draft.exitCode()).as(draft.err()).isZero();
        assertThat(draft.out()).matches("(?s)Demande (SD-[0-9A-Z]{4}) préparée \\(identifiant [^)]+\\)\\. Sa lettre, "
                + "pas encore envoyée :\n\n\\[\\1\\] .*").contains("article 17");
        assertThat(list.out())
                .matches("SD-[0-9A-Z]{4}  SNCF Connect  erasure \\(art\\. 17\\)  rédigée  aucun délai en cours\n");
    }

    @Test
    void rightsDraftRefusesAnUnknownRightInFrench() {
        init();

        CommandRun.Result draft = selfdata.run("rights", "draft", "sncf-connect", "--right", "everything", "--channel",
                "letter");

        assertThat(draft.exitCode()).isEqualTo(3);
        assertThat(draft.err()).contains("--right : access, portability, rectification, erasure, restriction, objection, "
                + "direct-marketing-objection, consent-withdrawal, automated-decision ou recipient-notification est "
                + "attendu");
    }

    @Test
    void rightsRecordShowAndChecklistSpeakFrench() {
        init();
        selfdata.run("rights", "sender", "--name", "Camille Martin", "--address", "12 rue de la République\n69002 Lyon");
        String reference = RightsCommands.reference(selfdata.run("rights", "draft", "sncf-connect", "--right", "access",
                "--channel", "letter"));
        selfdata.run("rights", "sent", reference, "--on", "2025-01-27");

        CommandRun.Result record = selfdata.run("rights", "record", reference, "--status", "received", "--on",
                "2025-01-31", "--note", "avis de réception 1A 234");
        CommandRun.Result show = selfdata.run("rights", "show", reference);
        CommandRun.Result checklist = selfdata.run("rights", "checklist", reference, "--present", "purposes");

        assertThat(record.exitCode()).as(record.err()).isZero();
        assertThat(record.out().lines().findFirst()).contains("Demande " + reference + " : reçue par l’organisme, le "
                + "vendredi 31 janvier 2025.");
        assertThat(show.out()).startsWith("Demande " + reference + " à SNCF Connect : access (art. 15), par courrier\n"
                + "Étapes :\n")
                .contains("  lundi 27 janvier 2025 : envoyée\n      " + reference + ".pdf (application/pdf, ",
                        "  vendredi 31 janvier 2025 : reçue par l’organisme\n      note : avis de réception 1A 234\n",
                        "réponse attendue au plus tard le vendredi 28 février 2025 : ", "Le calcul :\n"
                                + "  - l’organisme a reçu la demande le vendredi 31 janvier 2025\n");
        assertThat(checklist.out()).startsWith("Réponse à " + reference + " : 1 des 10 éléments de l’article 15 "
                + "trouvé\n  [x] purposes  ");
    }

    @Test
    void rightsMailboxAndRecordRefuseInFrench() {
        init();

        CommandRun.Result show = selfdata.run("rights", "mailbox", "show");
        CommandRun.Result remove = selfdata.run("rights", "mailbox", "remove");
        CommandRun.Result set = selfdata.run("rights", "mailbox", "set", "--address", "camille@example.org",
                "--smtp-host", "localhost", "--security", "plain");
        CommandRun.Result record = selfdata.run("rights", "record", "SD-ZZZZ", "--status", "sent", "--on",
                "2025-01-31");

        assertThat(show.out()).isEqualTo("Aucune messagerie : indiquez-en une avec selfdata rights mailbox set.\n");
        assertThat(remove.out()).isEqualTo("Aucune messagerie n’était indiquée : rien à supprimer.\n");
        assertThat(set.exitCode()).isEqualTo(3);
        assertThat(set.err()).isEqualTo("selfdata: aucun terminal où demander le mot de passe de la messagerie : "
                + "placez-le dans une variable d’environnement et nommez-la avec --password-env\n");
        assertThat(record.exitCode()).isEqualTo(3);
        assertThat(record.err()).isEqualTo("selfdata: --status : received, identification-asked, "
                + "identification-given, extended, refused, reminder-sent, complaint-lodged ou closed est attendu ; "
                + "l’envoi d’une demande s’enregistre avec selfdata rights sent ou send, sa réponse avec selfdata "
                + "rights answer\n");
    }

    private void init() {
        assertThat(selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris").exitCode()).isZero();
    }
}
