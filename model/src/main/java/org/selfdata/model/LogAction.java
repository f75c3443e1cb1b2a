package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Locale;

/** What happened to a person's data, as the transparency log records it. */
public enum LogAction {
    READ,
    EXPORT,
    PUSH,
    GRANT,
    WITHDRAWAL,
    IMPORT,
    ERASURE,
    RESTORE,
    /** A recipient's request the gate refused: the person sees who asked for what they were not given. */
    REFUSAL,
    /** A letter or message sent to an organization for one of the person's rights requests. */
    LETTER,
    /** A message or document received from an organization for one of the person's rights requests. */
    ANSWER,
    /** A rights request's status changed. */
    REQUEST,
    /** The person confirmed, named or marked wrong a place found in their locations, or took that back. */
    CORRECTION,
    /**
     * The person confirmed, named, marked ended or not recurring a payment or income found coming back in their bank
     * lines, or took that back.
     */
    PAYMENT_CORRECTION;

    /** The name used in the log's entries and on the command line: lower case. */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LogAction fromTerm(String term) {
        return Arrays.stream(values()).filter(action -> action.term().equals(term)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.logActionUnknown",
                        term, String.join(", ", Arrays.stream(values()).map(LogAction::term).toList()))));
    }
}
