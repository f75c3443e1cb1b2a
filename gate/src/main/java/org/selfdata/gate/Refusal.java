package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Terms that go beyond what the recipient declares, every reason why in words the person reads, and the terms the
 * declaration does justify, to offer instead; none when the recipient declares nothing for the purpose asked.
 *
 * @param wordings the reasons, to be said in the reader's language
 */
public record Refusal(List<Wording> wordings, Optional<GrantTerms> justified) implements ConsentCheck, GrantOutcome {
    public Refusal {
        wordings = List.copyOf(requireNonNull(wordings, "wordings is null"));
        requireNonNull(justified, "justified is null");
        if (wordings.isEmpty()) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a refusal of a grant gives at least one reason");
        }
    }

    /** The reasons in English, as the API and the log give them. */
    public List<String> reasons() {
        return reasons(Language.ENGLISH);
    }

    /** The reasons in a reader's language. */
    public List<String> reasons(Language language) {
        return wordings.stream().map(Words.of(language)::say).toList();
    }

    /** For surfaces that report failures as exceptions: FORBIDDEN, with every reason. */
    public SelfdataException toException() {
        Wording said = wordings.getFirst();
        for (Wording reason : wordings.subList(1, wordings.size())) {
            said = Wording.of("error.gate.refusal.andReason", said, reason);
        }
        return new SelfdataException(ErrorCode.FORBIDDEN, Wording.of("error.gate.refusal", said));
    }
}
