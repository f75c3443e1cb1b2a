package org.selfdata.rights;

import org.selfdata.model.PersonId;
import org.selfdata.texts.Language;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What an evidence pack is made of: whose request, how letters name it, the language the authority reads, and its
 * steps in the order they happened.
 *
 * @param person the person whose transparency log recorded the steps
 * @param reference the request's reference as its letters cite it, such as "SD-7K3Q"
 * @param language the language of the pack's timeline, README and verifier's report
 */
public record EvidenceRequest(PersonId person, String reference, Language language, List<EvidenceStep> steps) {
    public EvidenceRequest {
        requireNonNull(person, "person is null");
        requireNonNull(reference, "reference is null");
        requireNonNull(language, "language is null");
        steps = List.copyOf(steps);
    }
}
