package org.selfdata.cli;

import org.selfdata.model.ErrorCode;

import java.util.List;

/**
 * The command's exit codes, one per kind of failure a script may want to tell apart. The README lists them.
 *
 * <pre>
 *  0  done
 *  1  a fault inside selfdata
 *  2  the command line itself is wrong (unknown option, missing argument)
 *  3  the input is wrong: a file that cannot be read, a value out of range, a format no importer knows
 *  4  not found: no vault there, no such person, source or record
 *  5  conflict: the operation contradicts the vault's state (a vault already there, a restore into a non-empty vault)
 *  6  the key is unavailable: missing key file, wrong passphrase; or sign-in refused
 *  7  the database cannot be reached or refuses the connection
 *  8  the vault is damaged
 *  9  a limit was exceeded (size, rate)
 * 10  a remote service (the person's mail server) cannot be reached, times out or refuses (password, recipient, TLS)
 * </pre>
 *
 * <p>A command that reports several outcomes ({@code selfdata import} of several files) exits with the worst of them:
 * a fault of one file (3, 4, 9) or of a remote service (10) is less grave than one of the vault, its key or its
 * database (5 to 8), and a fault inside selfdata (1) is the gravest.
 */
final class ExitCodes {
    static final int DONE = 0;
    static final int INTERNAL = 1;
    static final int USAGE = 2;
    /** From the least grave to the gravest. */
    private static final List<Integer> GRAVITY = List.of(DONE, USAGE, 3, 4, 9, 10, 5, 6, 7, 8, INTERNAL);

    private ExitCodes() {}

    /** The graver of two exit codes. */
    static int worst(int one, int other) {
        return GRAVITY.indexOf(one) >= GRAVITY.indexOf(other) ? one : other;
    }

    static int of(ErrorCode code) {
        return switch (code) {
            case INTERNAL -> INTERNAL;
            case INVALID_ARGUMENT, INVALID_INPUT, UNSUPPORTED_FORMAT, METHOD_NOT_ALLOWED -> 3;
            case NOT_FOUND, VAULT_MISSING -> 4;
            case CONFLICT -> 5;
            case KEY_UNAVAILABLE, UNAUTHENTICATED, FORBIDDEN -> 6;
            case STORAGE_UNAVAILABLE -> 7;
            case VAULT_CORRUPT -> 8;
            case TOO_LARGE, RATE_LIMITED -> 9;
            case REMOTE_SERVICE_FAILED -> 10;
        };
    }
}
