package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * The day an organization received a request, as selfdata estimates it when the person has no proof yet, and why.
 * The person replaces it with the day a proof shows, such as the date on the acknowledgement of receipt.
 *
 * @param date the estimated day of receipt
 * @param basis how it was estimated, said in the reader's language
 */
public record EstimatedReceipt(LocalDate date, Wording basis) {
    public EstimatedReceipt {
        requireNonNull(date, "date is null");
        requireNonNull(basis, "basis is null");
    }
}
