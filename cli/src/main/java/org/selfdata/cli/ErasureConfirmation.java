package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

/**
 * What stands before an erasure, which nothing brings back: {@code --yes}, or on a terminal the thing to erase typed
 * out. Off a terminal and without {@code --yes}, nothing is erased.
 */
final class ErasureConfirmation {
    private ErasureConfirmation() {}

    /**
     * @param what   what is destroyed, in words, such as "all of dominique's data and the account itself"
     * @param answer what the person types to confirm, such as the handle
     * @param named  the answer as the prompt names it, saying what it is: "3 (the number of this source)"
     */
    static void require(Terminal terminal, boolean confirmed, String what, String answer, String named) {
        if (confirmed) {
            return;
        }
        if (!terminal.interactive()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.erasureUnconfirmed"));
        }
        terminal.err().println("This destroys " + what + ". It cannot be undone.");
        if (!terminal.readLine("Type " + named + " to confirm: ").strip().equals(answer)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.erasureRefused"));
        }
    }
}
