package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.SelfdataException;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Terms that go beyond what the recipient declares, every reason why in words the person reads, and the terms the
 * declaration does justify, to offer instead; none when the recipient declares nothing for the purpose asked.
 */
public record Refusal(List<String> reasons, Optional<GrantTerms> justified) implements ConsentCheck, GrantOutcome {
    public Refusal {
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
        requireNonNull(justified, "justified is null");
        if (reasons.isEmpty()) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a refusal of a grant gives at least one reason");
        }
    }

    /** For surfaces that report failures as exceptions: FORBIDDEN, with every reason. */
    public SelfdataException toException() {
        return new SelfdataException(ErrorCode.FORBIDDEN,
                "the grant goes beyond the recipient's declared processing: " + String.join("; and ", reasons));
    }
}
