package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks the inputs of letters share; each failure says what is wrong without quoting what the person wrote. */
final class LetterInput {
    /** A reference is a short token the person can read out and a reply can quote: "SD-7K3Q". */
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,19}");

    private LetterInput() {}

    static SelfdataException invalid(Wording wording) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, wording);
    }

    static String reference(String reference) {
        if (!REFERENCE.matcher(reference).matches()) {
            throw invalid(Wording.of("error.rights.letter.reference"));
        }
        return reference;
    }

    /** The text if it says something, none if it is empty or only spaces. */
    static Optional<String> text(Optional<String> text) {
        return text.map(String::strip).filter(stripped -> !stripped.isEmpty());
    }

    /** Checks that the outcome fits the request it follows and comes after it. */
    static void outcome(Outcome outcome, PriorRequest prior) {
        switch (outcome) {
            case Outcome.NoAnswer noAnswer -> { }
            case Outcome.Refusal refusal -> notBefore(refusal.on(), prior);
            case Outcome.IncompleteAnswer answer -> {
                notBefore(answer.on(), prior);
                boolean access = prior.right() == Right.ACCESS;
                if (!access && !answer.missing().isEmpty()) {
                    throw invalid(Wording.of("error.rights.letter.missingItemsWithoutAccess"));
                }
                if (access && answer.missing().isEmpty()) {
                    throw invalid(Wording.of("error.rights.letter.incompleteWithoutItems"));
                }
            }
        }
    }

    private static void notBefore(LocalDate answered, PriorRequest prior) {
        if (answered.isBefore(prior.sent())) {
            throw invalid(Wording.of("error.rights.letter.answerBeforeRequest"));
        }
    }
}
