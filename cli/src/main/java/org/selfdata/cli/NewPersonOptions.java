package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Option;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** What {@code init} and {@code people add} ask of a new person besides their handle: a time zone and a password. */
final class NewPersonOptions {
    private static final int QUOTED_ZONE_LENGTH = 40;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "The person's time zone, such as Europe/Paris, in which every time is shown to them (default: "
                    + "asked on a terminal, offering this computer's; else this computer's).")
    Optional<String> zone = Optional.empty();

    @Option(names = "--password-stdin", description = "Read the sign-in password from standard input instead of asking.")
    boolean passwordFromStandardInput;

    /**
     * The zone given with {@code --zone}; else, on a terminal, the one the person types, this computer's when they only
     * press Enter; else this computer's. Each time a person sees is in this zone, so it is asked rather than assumed.
     */
    ZoneId zone(Terminal terminal, Words words, String nothingDoneKey) {
        if (zone.isPresent()) {
            return read(zone.get(), "--zone: ", nothingDoneKey);
        }
        String computers = ZoneId.systemDefault().getId();
        if (!terminal.interactive()) {
            return ZoneId.systemDefault();
        }
        String typed = terminal.readLine(words.say("command.ask.zone", computers) + " ").strip();
        return typed.isEmpty() ? ZoneId.systemDefault() : read(typed, "", nothingDoneKey);
    }

    /** The password given, or none (empty) when there is neither standard input to read nor a terminal to ask on. */
    char[] password(Terminal terminal, Words words, String handle, String nothingDoneKey) {
        return NewPassword.read(terminal, words, handle, passwordFromStandardInput, nothingDoneKey).orElse(new char[0]);
    }

    private static ZoneId read(String text, String where, String nothingDoneKey) {
        try {
            return ZoneId.of(text);
        }
        catch (DateTimeException e) {
            String quoted = text.length() > QUOTED_ZONE_LENGTH ? text.substring(0, QUOTED_ZONE_LENGTH) + "…" : text;
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.cli.unknownZone", where, quoted, Wording.of(nothingDoneKey)));
        }
    }
}
