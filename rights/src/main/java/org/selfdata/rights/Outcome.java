package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** What became of a request that a reminder or a complaint follows up: no answer, a refusal, or an incomplete answer. */
public sealed interface Outcome {
    /** The time limit passed without an answer. */
    record NoAnswer() implements Outcome {}

    /** The organization refused to act on the request. */
    record Refusal(LocalDate on) implements Outcome {
        public Refusal {
            requireNonNull(on, "on is null");
        }
    }

    /**
     * The organization answered, but not in full.
     *
     * @param missing for an access request, the items of the answer's checklist the answer lacks; letters name them
     *     in the checklist's order
     */
    record IncompleteAnswer(LocalDate on, Set<AccessItem> missing) implements Outcome {
        public IncompleteAnswer {
            requireNonNull(on, "on is null");
            missing = Set.copyOf(missing);
        }

        /** The missing items in the checklist's order, as letters name them. */
        public List<AccessItem> missingInOrder() {
            return Arrays.stream(AccessItem.values()).filter(missing::contains).toList();
        }
    }

    /** Checks that the outcome fits the request it follows and comes after it. */
    static void check(Outcome outcome, PriorRequest prior) {
        switch (outcome) {
            case NoAnswer noAnswer -> { }
            case Refusal refusal -> notBefore(refusal.on(), prior);
            case IncompleteAnswer answer -> {
                notBefore(answer.on(), prior);
                boolean access = prior.right() == Right.ACCESS;
                if (!access && !answer.missing().isEmpty()) {
                    throw LetterInput.invalid(Wording.of("error.rights.letter.missingItemsWithoutAccess"));
                }
                if (access && answer.missing().isEmpty()) {
                    throw LetterInput.invalid(Wording.of("error.rights.letter.incompleteWithoutItems"));
                }
            }
        }
    }

    private static void notBefore(LocalDate answered, PriorRequest prior) {
        if (answered.isBefore(prior.sent())) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.answerBeforeRequest"));
        }
    }
}
