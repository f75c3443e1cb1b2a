package org.selfdata.rights;

import java.util.Locale;

/**
 * Why processing is to be restricted: art. 18(1) gives the right only on one of these four grounds, so a restriction
 * letter names the one that applies.
 */
public enum RestrictionGround {
    /** Art. 18(1)(a): the person contests the accuracy of the data, while the organization verifies it. */
    ACCURACY_CONTESTED,
    /** Art. 18(1)(b): the processing is unlawful and the person prefers restriction to erasure. */
    UNLAWFUL_PROCESSING,
    /** Art. 18(1)(c): the organization no longer needs the data, the person needs them for legal claims. */
    NEEDED_FOR_LEGAL_CLAIMS,
    /** Art. 18(1)(d): the person objected under art. 21(1), pending the weighing of the grounds. */
    OBJECTION_PENDING;

    /** The name used in the API, on the command line and in the keys of its words. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
