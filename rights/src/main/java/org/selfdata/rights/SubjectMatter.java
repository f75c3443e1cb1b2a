package org.selfdata.rights;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a request is about, so that the organization finds it: none of it is needed, each part narrows the search.
 *
 * @param dataReceived the data already received from the organization, in the person's words ("my Linky readings of
 *     2025", as the vault holds them from that source)
 * @param accountNumber a contract or customer number
 * @param event an event the request is about ("the refusal of my loan application of 3 March 2026")
 */
public record SubjectMatter(Optional<String> dataReceived, Optional<String> accountNumber, Optional<String> event) {
    public SubjectMatter {
        dataReceived = LetterInput.text(requireNonNull(dataReceived, "dataReceived is null"));
        accountNumber = LetterInput.text(requireNonNull(accountNumber, "accountNumber is null"));
        event = LetterInput.text(requireNonNull(event, "event is null"));
    }

    /** A request about everything the organization holds. */
    public static SubjectMatter none() {
        return new SubjectMatter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    boolean isEmpty() {
        return dataReceived.isEmpty() && accountNumber.isEmpty() && event.isEmpty();
    }
}
