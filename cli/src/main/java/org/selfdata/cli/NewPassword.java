package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
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

    /** The password given, or none when there is neither standard input to read nor a terminal to ask on. */
    static Optional<char[]> read(Terminal terminal, String handle, boolean fromStandardInput, String nothingDone) {
        if (fromStandardInput) {
            return Optional.of(terminal.readStandardInputLine());
        }
        return terminal.interactive() ? Optional.of(askTwice(terminal, handle, nothingDone)) : Optional.empty();
    }

    private static char[] askTwice(Terminal terminal, String handle, String nothingDone) {
        char[] first = terminal.readSecret("Sign-in password for " + handle + ": ");
        try {
            People.requireAcceptablePassword(first);
        }
        catch (SelfdataException refused) {
            Arrays.fill(first, '\0');
            throw new SelfdataException(refused.code(), refused.getMessage() + "; " + nothingDone);
        }
        char[] second = terminal.readSecret("Again: ");
        try {
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "the two passwords differ; " + nothingDone);
            }
            return first;
        }
        finally {
            Arrays.fill(second, '\0');
        }
    }
}
