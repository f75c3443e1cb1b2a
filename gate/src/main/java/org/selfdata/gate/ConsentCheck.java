package org.selfdata.gate;

import org.selfdata.model.GrantTerms;

import static java.util.Objects.requireNonNull;

/** What {@link Consent} makes of terms a person is about to give: acceptable as they are, or refused with reasons. */
public sealed interface ConsentCheck permits ConsentCheck.Acceptance, Refusal {
    record Acceptance(GrantTerms terms) implements ConsentCheck {
        public Acceptance {
            requireNonNull(terms, "terms is null");
        }
    }
}
