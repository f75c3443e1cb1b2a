package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A request already sent, as a later letter recalls it: a reminder, a complaint, or a request to tell the recipients
 * (art. 19) of what was done on it.
 *
 * @param reference the reference the request was sent under
 * @param channel how it was sent
 * @param sent the day it was sent
 * @param received the day the organization received it, when known
 * @param deadline the last day of the time limit of art. 12(3), when counted
 * @param extended whether the organization extended the time limit by two months (art. 12(3)), the deadline then
 *     being the extended one
 */
public record PriorRequest(String reference, Right right, Organization.Channel channel, LocalDate sent,
        Optional<LocalDate> received, Optional<LocalDate> deadline, boolean extended) {
    public PriorRequest {
        LetterInput.reference(requireNonNull(reference, "reference is null"));
        requireNonNull(right, "right is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(sent, "sent is null");
        requireNonNull(received, "received is null");
        requireNonNull(deadline, "deadline is null");
        if (received.filter(day -> day.isBefore(sent)).isPresent()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.receivedBeforeSent"));
        }
        if (deadline.filter(day -> !day.isAfter(received.orElse(sent))).isPresent()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.deadlineBeforeReceipt"));
        }
        if (extended && deadline.isEmpty()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.extendedWithoutDeadline"));
        }
    }

    /** The last day the letter recalls: the deadline, else the receipt, else the sending. */
    LocalDate lastDay() {
        return deadline.or(() -> received).orElse(sent);
    }
}
