package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the person said of a place selfdata found in their locations. */
public enum PlaceVerdict {
    /** The place is what selfdata found: nothing changes but that it is shown as confirmed. */
    CONFIRMED,
    /** The place is known by the person's own name for it. */
    NAMED,
    /** What selfdata found there is wrong: the finding is set apart, never dropped. */
    WRONG,
    /** The person took back their correction: the place is as selfdata finds it again, the history keeps the rest. */
    WITHDRAWN;

    /** The name used in the API and in exports: lower case. */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A verdict by its term, when it is one. */
    public static Optional<PlaceVerdict> ofTerm(String term) {
        return Arrays.stream(values()).filter(verdict -> verdict.term().equals(term)).findFirst();
    }

    /** A verdict the person can give, by its term: confirmed, named or wrong; taking one back is another act. */
    public static PlaceVerdict given(String term) {
        return ofTerm(term).filter(verdict -> verdict != WITHDRAWN).orElseThrow(() ->
                new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.verdict")));
    }
}
