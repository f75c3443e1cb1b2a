package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The dates of a request that its deadlines are counted from, each the day the other side had the thing in hand.
 *
 * @param receivedOn the day the organization received the request (the e-mail's delivery, the date on the
 *     acknowledgement of receipt, or an estimate the person can correct)
 * @param extensionNotifiedOn the day the organization told the person it extends the time limit, with its reasons
 * @param identificationAskedOn the day the organization asked for information to identify the person (art. 12(6))
 * @param identificationGivenOn the day the organization received that information
 * @param complaintLodgedOn the day the person lodged a complaint with the supervisory authority (art. 77)
 */
public record RequestDates(LocalDate receivedOn, Optional<LocalDate> extensionNotifiedOn,
        Optional<LocalDate> identificationAskedOn, Optional<LocalDate> identificationGivenOn,
        Optional<LocalDate> complaintLodgedOn) {
    public RequestDates {
        requireNonNull(receivedOn, "receivedOn is null");
        requireNonNull(extensionNotifiedOn, "extensionNotifiedOn is null");
        requireNonNull(identificationAskedOn, "identificationAskedOn is null");
        requireNonNull(identificationGivenOn, "identificationGivenOn is null");
        requireNonNull(complaintLodgedOn, "complaintLodgedOn is null");
        notBefore(extensionNotifiedOn, Fact.EXTENSION_NOTIFIED, receivedOn, Fact.RECEIVED);
        notBefore(identificationAskedOn, Fact.IDENTIFICATION_ASKED, receivedOn, Fact.RECEIVED);
        notBefore(complaintLodgedOn, Fact.COMPLAINT_LODGED, receivedOn, Fact.RECEIVED);
        if (identificationGivenOn.isPresent()) {
            LocalDate asked = identificationAskedOn.orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.rights.deadlines.givenUnasked")));
            notBefore(identificationGivenOn, Fact.IDENTIFICATION_GIVEN, asked, Fact.IDENTIFICATION_ASKED);
        }
    }

    /** A request the organization received on a day, and nothing since. */
    public static RequestDates received(LocalDate receivedOn) {
        return new RequestDates(receivedOn, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public RequestDates withExtensionNotifiedOn(LocalDate day) {
        return new RequestDates(receivedOn, Optional.of(day), identificationAskedOn, identificationGivenOn,
                complaintLodgedOn);
    }

    public RequestDates withIdentificationAskedOn(LocalDate day) {
        return new RequestDates(receivedOn, extensionNotifiedOn, Optional.of(day), identificationGivenOn,
                complaintLodgedOn);
    }

    public RequestDates withIdentificationGivenOn(LocalDate day) {
        return new RequestDates(receivedOn, extensionNotifiedOn, identificationAskedOn, Optional.of(day),
                complaintLodgedOn);
    }

    public RequestDates withComplaintLodgedOn(LocalDate day) {
        return new RequestDates(receivedOn, extensionNotifiedOn, identificationAskedOn, identificationGivenOn,
                Optional.of(day));
    }

    /** Refuses a date after today: what has not happened yet cannot start or stop a clock. */
    void happenedBy(LocalDate today) {
        notAfter(Optional.of(receivedOn), Fact.RECEIVED, today);
        notAfter(extensionNotifiedOn, Fact.EXTENSION_NOTIFIED, today);
        notAfter(identificationAskedOn, Fact.IDENTIFICATION_ASKED, today);
        notAfter(identificationGivenOn, Fact.IDENTIFICATION_GIVEN, today);
        notAfter(complaintLodgedOn, Fact.COMPLAINT_LODGED, today);
    }

    private static void notBefore(Optional<LocalDate> day, Fact fact, LocalDate earliest, Fact earlier) {
        if (day.isPresent() && day.get().isBefore(earliest)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.rights.deadlines.before", fact.wording(), earlier.wording()));
        }
    }

    private static void notAfter(Optional<LocalDate> day, Fact fact, LocalDate today) {
        if (day.isPresent() && day.get().isAfter(today)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.rights.deadlines.future", fact.wording()));
        }
    }

    /** The dates, as an error message names them. */
    enum Fact {
        RECEIVED,
        EXTENSION_NOTIFIED,
        IDENTIFICATION_ASKED,
        IDENTIFICATION_GIVEN,
        COMPLAINT_LODGED;

        Wording wording() {
            String key = "rights.deadline.fact." + name().toLowerCase(Locale.ROOT).replace('_', '-');
            return Wording.of(key);
        }
    }
}
