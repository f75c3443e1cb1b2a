package org.selfdata.services;

import org.selfdata.texts.Wording;

import static java.util.Objects.requireNonNull;

/**
 * One conclusion about the person: what was found, with how sure it is and what it rests on, or why nothing was, in
 * words. Nothing is ever guessed: below the evidence a conclusion needs, the answer says what is missing.
 */
public sealed interface RevealInference<T> {
    record Found<T>(T finding, RevealConfidence confidence, RevealEvidence evidence) implements RevealInference<T> {
        public Found {
            requireNonNull(finding, "finding is null");
            requireNonNull(confidence, "confidence is null");
            requireNonNull(evidence, "evidence is null");
        }
    }

    /** @param reason why nothing can be concluded, with the numbers: "14 nights needed, 9 recorded" */
    record Unknown<T>(Wording reason) implements RevealInference<T> {
        public Unknown {
            requireNonNull(reason, "reason is null");
        }
    }
}
