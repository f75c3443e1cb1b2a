package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

/**
 * What stands before an erasure, which nothing brings back: {@code --yes}, or on a terminal the thing to erase typed
 * out. Off a terminal and without {@code --yes}, nothing is erased.
 */
final class ErasureConfirmation {
    private ErasureConfirmation() {}

    /**
     * @param words  the words of the terminal's language, in which the question is asked
     * @param what   what is destroyed, such as "all of dominique's data and the account itself"
     * @param answer what the person types to confirm, such as the handle
     * @param named  the answer as the prompt names it, saying what it is: "3 (the number of this source)"
     */
    static void require(Terminal terminal, Words words, boolean confirmed, Wording what, String answer, Object named) {
        if (confirmed) {
            return;
        }
        if (!terminal.interactive()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.erasureUnconfirmed"));
        }
        terminal.err().println(words.say("command.ask.erase", what));
        if (!terminal.readLine(words.say("command.ask.confirm", named) + " ").strip().equals(answer)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.erasureRefused"));
        }
    }
}
