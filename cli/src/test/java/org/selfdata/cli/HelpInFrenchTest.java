package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.texts.Language;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata --help} in the terminal's language: with {@code LANG=fr_FR.UTF-8}, every command, option, parameter
 * and heading of the help is French; without it, the help is the English of the commands' annotations. French puts a
 * no-break space (U+00A0) before its colons and semicolons, so that the help's line wrapping keeps them with their word.
 */
class HelpInFrenchTest {
    @TempDir
    Path home;

    @Test
    void theHelpOfSelfdataIsFrenchFromItsUsageLineToItsExitCodes() {
        CommandRun.Result help = new CommandRun(home).with("LANG", "fr_FR.UTF-8").run("--help");

        assertThat(help.exitCode()).isZero();
        List<String> lines = help.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Utilisation\u00a0: selfdata [-hV] [COMMANDE]");
        assertThat(lines).contains(
                "Reprenez les données que les organisations détiennent sur vous, gardez-les",
                "chiffrées, servez-vous-en, et ne les partagez qu’à vos conditions.",
                "  -h, --help      Affiche cette aide, puis s’arrête.",
                "  -V, --version   Affiche la version, puis s’arrête.",
                "Commandes\u00a0:",
                "  keys        Gère les clés du coffre.",
                "Codes de sortie\u00a0:",
                "  0    terminé",
                "  6    clé indisponible (fichier de clé, phrase de passe) ou connexion refusée",
                "  10   un service distant (serveur de messagerie) a échoué ou refusé");
    }

    @Test
    void theHelpOfImportIsFrenchWithItsOptionsNamedAsTyped() {
        CommandRun.Result help = new CommandRun(home).with("LANG", "fr_FR.UTF-8").run("import", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith(
                "Utilisation\u00a0: selfdata import [-hV] [--fail-fast] [--json] [--lenient]\n"
                        + "                              [--data=FOLDER] [--db=JDBC-URL] [--key-file=FILE]\n"
                        + "                              [--mapping=MAPPING] [--passphrase-file=FILE]\n"
                        + "                              [--person=HANDLE] [--show-rejects=BATCH] [FILE...]\n"
                        + "Importe les fichiers que chacun peut récupérer auprès des organisations\u00a0:\n")
                .contains("      [FILE...]              Les fichiers, archives zip ou dossiers à importer.\n",
                        "      --json                 Rend compte sur la sortie standard en JSON Lines,\n"
                                + "                               un objet par fichier.\n",
                        "      --fail-fast            S’arrête au premier fichier FILE refusé\u00a0: les\n"
                                + "                               fichiers suivants ne sont pas tentés.\n");
    }

    @Test
    void theHelpOfRightsDeadlineIsFrenchWithTheOptionsOfEveryDate() {
        CommandRun.Result help = new CommandRun(home).with("LANG", "fr_FR.UTF-8").run("rights", "deadline", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith(
                "Utilisation\u00a0: selfdata rights deadline [-hV] [--json] [--channel=CHANNEL]\n")
                .contains("Compte le délai dont un organisme dispose pour répondre à une demande, à partir\n",
                        "      --channel=CHANNEL   Avec --sent\u00a0: le moyen de l’envoi, email, letter, fax\n"
                                + "                            ou web-form.\n",
                        "      --today=DATE        Compte les jours restants à partir de ce jour (par\n");
    }

    @Test
    void theHelpOfRightsIdentityDocumentIsFrenchAndSaysTheDocumentIsGivenOnlyIfTheOrganizationInsists() {
        CommandRun.Result help = new CommandRun(home).with("LANG", "fr_FR.UTF-8").run("rights", "identity-document",
                "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Utilisation\u00a0: selfdata rights identity-document ")
                .contains("Joint une pièce d’identité à une demande préparée", "seulement si l’organisme",
                        "Retire plutôt la pièce d’identité", "un fichier PDF, JPEG ou PNG")
                .doesNotContain("Enclose", "only if");
    }

    @Test
    void theHelpOfRightsMailboxSetIsFrenchAndSaysThePasswordIsNeverAnArgument() {
        CommandRun.Result help = new CommandRun(home).with("LANG", "fr_FR.UTF-8").run("rights", "mailbox", "set",
                "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Utilisation\u00a0: selfdata rights mailbox set [-hV] [--save-to-sent]\n")
                .contains("Indique votre messagerie\u00a0: l’adresse d’où partent les demandes, son serveur\n"
                                + "SMTP et le serveur IMAP où lire les réponses\u00a0; le mot de passe est demandé au\n"
                                + "terminal ou lu par --password-env.\n",
                        "      --address=ADDRESS      Votre adresse électronique, d’où partent les\n");
    }

    @Test
    void theHelpOfRightsRemindMeIsFrenchWithItsThreeActions() {
        CommandRun.Result help = new CommandRun(home).with("LANG", "fr_FR.UTF-8").run("rights", "remind-me", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Utilisation\u00a0: selfdata rights remind-me [-hV] [--now] [--off] [--on]\n")
                .contains("Faites-vous rappeler par courriel, depuis votre messagerie, les échéances de\n",
                        "      --days=N          Avec --on : le rappel part ce nombre de jours avant une\n",
                        "      --now             Envoie votre rappel tout de suite, si une échéance en\n",
                        "      --off             Désactive les rappels.\n");
    }

    @Test
    void theHelpOfRestoreIsFrenchDownToTheOptionsEveryCommandShares() {
        CommandRun.Result help = new CommandRun(home).with("LANG", "fr_FR.UTF-8").run("restore", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Utilisation\u00a0: selfdata restore [-hV] [--data=FOLDER] [--db=JDBC-URL]\n")
                .contains("Relit une archive écrite par «\u00a0selfdata export\u00a0» dans un coffre vide\u00a0: les\n",
                        "      ARCHIVE           Le fichier zip écrit par «\u00a0selfdata export\u00a0».\n",
                        "      --data=FOLDER     Le dossier du coffre (par défaut\u00a0: $SELFDATA_HOME,\n"
                                + "                          sinon ~/.selfdata).\n");
    }

    @Test
    void theDemosFolderKeepsItsOwnDescriptionInFrench() {
        CommandRun.Result help = new CommandRun(home).with("LANG", "fr_FR.UTF-8").run("demo", "--help");

        assertThat(help.out()).contains(
                "      --data=FOLDER         Le dossier du coffre de démonstration (par défaut\u00a0:\n"
                        + "                              ~/.selfdata-demo, à l’écart de votre propre\n"
                        + "                              coffre).\n");
    }

    @Test
    void theHelpStaysTheEnglishOfTheAnnotationsInAnyOtherLanguage() {
        CommandRun.Result help = new CommandRun(home).with("LANG", "de_DE.UTF-8").run("--help");

        assertThat(help.exitCode()).isZero();
        List<String> lines = help.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Usage: selfdata [-hV] [COMMAND]");
        assertThat(lines).contains(
                "Bring back the data organizations hold about you, keep it encrypted, use it,",
                "  -h, --help      Show this help message and exit.",
                "Commands:",
                "  keys        Manage the vault's keys.",
                "Exit codes:",
                "  0    done",
                "  10   a remote service (mail server) failed or refused");
    }

    /**
     * Every command, the hidden ones included, beside its English twin: a command, option or parameter whose
     * description, or a heading, reads the same in both has no French yet. A new option therefore cannot be added
     * without its French.
     */
    @Test
    void everyCommandOptionParameterAndHeadingHasItsFrench() {
        List<String> untranslated = texts().stream().filter(text -> text.english().equals(text.french()))
                .map(text -> text.where() + ": " + text.english()).toList();

        assertThat(untranslated).as("help texts with no French in cli/src/main/resources/org/selfdata/cli/fr/help.properties")
                .isEmpty();
    }

    /**
     * A key without a command's name, such as {@code data}, is read by every command with an option of that name: it
     * must only serve options that say the same thing in English, or a new option would borrow another's French.
     */
    @Test
    void aFrenchTextSharedByOptionsOrCommandsSaysWhatTheirEnglishSays() {
        Map<String, String> englishOfFrench = new HashMap<>();
        List<String> borrowed = new ArrayList<>();
        for (Text text : texts()) {
            String earlier = englishOfFrench.putIfAbsent(text.french(), text.english());
            if (earlier != null && !earlier.equals(text.english())) {
                borrowed.add(text.where() + ": " + text.french());
            }
        }

        assertThat(borrowed).isEmpty();
    }

    /** A command's description without the command's name would be shown by every command that has none of its own. */
    @Test
    void everyCommandsDescriptionIsKeyedByTheCommandsName() {
        ResourceBundle french = HelpTexts.bundle(Language.FRENCH).orElseThrow();

        assertThat(french.keySet()).doesNotContain("usage.description", "usage.description.0");
    }

    /** A text of the help, in English and in French, and where it is shown. */
    private record Text(String where, String english, String french) {}

    /** The texts of the help of every command, walking the English and the French command lines side by side. */
    private List<Text> texts() {
        List<Text> texts = new ArrayList<>();
        Iterator<CommandSpec> english = commands(commandLine("en_GB.UTF-8")).iterator();
        for (CommandSpec french : commands(commandLine("fr_FR.UTF-8"))) {
            CommandSpec twin = english.next();
            String name = french.qualifiedName();
            texts.add(text(name, twin.usageMessage().description(), french.usageMessage().description()));
            texts.addAll(headings(name, twin.usageMessage(), french.usageMessage()));
            for (OptionSpec option : french.options()) {
                texts.add(text(name + " " + option.longestName(), twin.findOption(option.longestName()).description(),
                        option.description()));
            }
            for (PositionalParamSpec parameter : french.positionalParameters()) {
                PositionalParamSpec englishParameter = twin.positionalParameters().stream()
                        .filter(candidate -> candidate.index().equals(parameter.index())).findFirst().orElseThrow();
                texts.add(text(name + " " + parameter.paramLabel(), englishParameter.description(),
                        parameter.description()));
            }
        }
        assertThat(english.hasNext()).as("the same commands in both languages").isFalse();
        return texts;
    }

    private static Text text(String where, String[] english, String[] french) {
        return new Text(where, String.join("\n", english), String.join("\n", french));
    }

    /** The headings and exit codes this command shows in English, beside their French. */
    private static List<Text> headings(String where, UsageMessageSpec english, UsageMessageSpec french) {
        List<Function<UsageMessageSpec, String>> headings = List.of(UsageMessageSpec::synopsisHeading,
                UsageMessageSpec::synopsisSubcommandLabel, UsageMessageSpec::descriptionHeading,
                UsageMessageSpec::parameterListHeading, UsageMessageSpec::optionListHeading,
                UsageMessageSpec::commandListHeading, UsageMessageSpec::exitCodeListHeading,
                UsageMessageSpec::footerHeading);
        List<Text> texts = new ArrayList<>();
        for (Function<UsageMessageSpec, String> heading : headings) {
            if (!heading.apply(english).isBlank()) {
                texts.add(new Text(where + " heading", heading.apply(english), heading.apply(french)));
            }
        }
        for (Map.Entry<String, String> exitCode : english.exitCodeList().entrySet()) {
            texts.add(new Text(where + " exit code " + exitCode.getKey(), exitCode.getValue(),
                    french.exitCodeList().getOrDefault(exitCode.getKey(), exitCode.getValue())));
        }
        return texts;
    }

    /** The command and all of its subcommands, depth first, in the order they are declared. */
    private static List<CommandSpec> commands(CommandLine commandLine) {
        List<CommandSpec> commands = new ArrayList<>(List.of(commandLine.getCommandSpec()));
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            commands.addAll(commands(subcommand));
        }
        return commands;
    }

    private CommandLine commandLine(String language) {
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        return Selfdata.commandLine(terminal, new Environment(Map.of("LANG", language), home));
    }
}
