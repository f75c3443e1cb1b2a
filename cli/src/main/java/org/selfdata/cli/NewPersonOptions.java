package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import picocli.CommandLine.Option;

import java.time.DateTimeException;
import java.time.ZoneId;

/** What {@code init} and {@code people add} ask of a new person besides their handle: a time zone and a password. */
final class NewPersonOptions {
    @Option(names = "--zone", paramLabel = "ZONE", description = "The person's time zone (default: this computer's).")
    String zone = ZoneId.systemDefault().getId();

    @Option(names = "--password-stdin", description = "Read the sign-in password from standard input instead of asking.")
    boolean passwordFromStandardInput;

    ZoneId zone() {
        try {
            return ZoneId.of(zone);
        }
        catch (DateTimeException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "--zone takes a time zone such as Europe/Paris");
        }
    }

    /** The password given, or none (empty) when there is neither standard input to read nor a terminal to ask on. */
    char[] password(Terminal terminal, String handle, String nothingDone) {
        return NewPassword.read(terminal, handle, passwordFromStandardInput, nothingDone).orElse(new char[0]);
    }
}
