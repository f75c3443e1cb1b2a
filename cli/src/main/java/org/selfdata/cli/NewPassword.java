package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.People;

import java.util.Arrays;
import java.util.Optional;

/**
 * A new sign-in password, as {@code init}, {@code password} and {@code people add} take it: the first line of standard
 * input when told to ({@code --password-stdin}, for scripts), else asked twice on the terminal. A password the vault
 * would refuse is refused as soon as it is typed, rather than after it was typed a second time for nothing.
 */
final class NewPassword {
    private NewPassword() {}

    /**
     * The password given, or none when there is neither standard input to read nor a terminal to ask on; a refusal ends
     * with the wording of {@code nothingDoneKey}, such as error.cli.nothingChanged, in the reader's language.
     */
    static Optional<char[]> read(Terminal terminal, Words words, String handle, boolean fromStandardInput,
            String nothingDoneKey) {
        if (fromStandardInput) {
            return Optional.of(terminal.readStandardInputLine());
        }
        return terminal.interactive() ? Optional.of(askTwice(terminal, words, handle, nothingDoneKey)) : Optional.empty();
    }

    private static char[] askTwice(Terminal terminal, Words words, String handle, String nothingDoneKey) {
        char[] first = terminal.readSecret(words.say("command.ask.password", handle) + " ");
        try {
            People.requireAcceptablePassword(first);
        }
        catch (SelfdataException refused) {
            Arrays.fill(first, '\0');
            throw refused.wording()
                    .map(reason -> new SelfdataException(refused.code(), Wording.of("error.cli.andNothingDone", reason,
                            Wording.of(nothingDoneKey))))
                    .orElseGet(() -> new SelfdataException(refused.code(), refused.getMessage() + "; "
                            + Words.english().say(Wording.of(nothingDoneKey))));
        }
        char[] second = terminal.readSecret(words.say("command.ask.again") + " ");
        try {
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.cli.passwordsDiffer", Wording.of(nothingDoneKey)));
            }
            return first;
        }
        finally {
            Arrays.fill(second, '\0');
        }
    }
}
