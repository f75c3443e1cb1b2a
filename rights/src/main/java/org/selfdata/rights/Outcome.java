package org.selfdata.rights;

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
}
