package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Optional;

/** What the person said of a payment or an income selfdata found coming back in their bank lines. */
public enum RecurringVerdict {
    /** It does come back: shown as certain, whatever the detection's own confidence. */
    CONFIRMED("confirmed"),
    /** It came back but has stopped: shown as ended, and left out of the forecast. */
    ENDED("ended"),
    /** It does not come back: a coincidence of dates and amounts, dropped from the flows and the forecast. */
    NOT_RECURRING("notRecurring"),
    /** The person took back what they said: the flow is as selfdata finds it again, the history keeps the rest. */
    WITHDRAWN("undo");

    private final String term;

    RecurringVerdict(String term) {
        this.term = term;
    }

    /** The name used in the API and in exports. */
    public String term() {
        return term;
    }

    /** A verdict by its term, when it is one. */
    public static Optional<RecurringVerdict> ofTerm(String term) {
        return Arrays.stream(values()).filter(verdict -> verdict.term.equals(term)).findFirst();
    }

    /** A verdict by its term, or a refusal naming the field and the terms it takes. */
    public static RecurringVerdict given(String term) {
        return ofTerm(term).orElseThrow(() ->
                new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("money.correction.verdict")));
    }
}
