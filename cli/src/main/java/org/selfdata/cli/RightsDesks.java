package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.RequestStatus;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.texts.Wording;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * The rights desk as the command line opens it: on the vault the other commands open, its answers brought in through
 * the same intake as {@code selfdata import}, its days counted on the system clock.
 */
final class RightsDesks {
    private RightsDesks() {}

    static RightsDesk open(Application application) {
        return new RightsDesk(application.vault(), application.intake(application.importers()), Clock.systemDefaultZone());
    }

    /** The right of this name, as {@link Right#term()} writes it, or an error that names the option. */
    static Right right(String option, String name) {
        return Arrays.stream(Right.values()).filter(right -> right.term().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.rights.command.right", option)));
    }

    /** The right as the command line names it, with its article and, for access, the portability asked with it. */
    static String sayRight(RightsRequest request) {
        String right = request.right().term() + " (art. " + request.right().article() + ")";
        return request.portability() ? right + " + portability (art. 20)" : right;
    }

    /** The key of a status's words, the same the evidence timeline says it with. */
    static String statusKey(RequestStatus status) {
        return "rights.evidence.status." + status.term();
    }
}
