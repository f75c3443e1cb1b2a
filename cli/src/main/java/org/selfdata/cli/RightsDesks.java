package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.RequestStatus;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.texts.Wording;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rights desk as the command line opens it: on the vault the other commands open, its answers brought in through
 * the same intake as {@code selfdata import}, its days counted on the system clock.
 */
final class RightsDesks {
    private static final Pattern REFERENCE = Pattern.compile("SD-[0-9A-Z]{4}", Pattern.CASE_INSENSITIVE);

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

    /**
     * The id of the request a person names by its reference (SD-XXXX), as their letters and the list show it, or by
     * its id; an unknown reference is refused naming it, a reference being no personal data.
     */
    static String requestId(RightsDesk desk, PersonId person, String referenceOrId) {
        String text = referenceOrId.strip();
        if (!REFERENCE.matcher(text).matches()) {
            return desk.request(person, text).timeline().request().id();
        }
        String reference = text.toUpperCase(Locale.ROOT);
        return desk.overview(person).stream().map(view -> view.timeline().request())
                .filter(request -> request.reference().equals(reference))
                .findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.rights.command.noRequest", reference)))
                .id();
    }

    /** A date as ISO 8601 writes it; anything else is refused naming the option, never quoting what was typed. */
    static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.date", option), e);
        }
    }
}
