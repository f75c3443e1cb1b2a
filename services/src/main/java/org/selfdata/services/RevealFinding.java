package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One conclusion drawn from a person's bank transactions, calendar or address book, in one shape whatever the source,
 * so that a surface shows any of them without knowing it: its kind, the sentence that says what was found (or why
 * nothing was), and the special category of data it may reveal.
 *
 * <p>A conclusion drawn from a share of the records (a credit arriving around the same day most months) has that share
 * as its confidence; a fact read from the records as they are (that a payee was paid, that a contact is in the address
 * book) has a share of 1.
 *
 * @param inference the sentence saying what was found, with its confidence and evidence, or why nothing was
 * @param special the special category of data (GDPR art. 9) the finding may reveal, when its words name one
 */
public record RevealFinding(Kind kind, RevealInference<Wording> inference, Optional<RevealSpecialCategory> special) {
    /** What a finding is about, in the order a source's conclusions are said, the special categories last. */
    public enum Kind {
        /** A shop or supermarket paid in several months. */
        SHOP,
        /** A restaurant or café paid in several months. */
        EATING,
        /** Money credited around the same day most months: an employer, a grant, an allowance. */
        INCOME,
        /** What a year's health spending comes to. */
        HEALTH,
        /** On which weekdays and at which hours the calendar's events fall. */
        RHYTHM,
        /** An event recurring week after week or month after month. */
        APPOINTMENT,
        /** What the address book holds. */
        CONTACTS,
        /** A payee or a contact whose words name a special category of data. */
        SPECIAL;

        /** The term the API uses, such as {@code shop}. */
        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RevealFinding {
        requireNonNull(kind, "kind is null");
        requireNonNull(inference, "inference is null");
        requireNonNull(special, "special is null");
    }

    /** What the finding says: the sentence of what was found, or why nothing was. */
    public Wording says() {
        return switch (inference) {
            case RevealInference.Found<Wording> found -> found.finding();
            case RevealInference.Unknown<Wording> unknown -> unknown.reason();
        };
    }

    static RevealFinding found(Kind kind, Wording says, RevealConfidence confidence, RevealEvidence evidence,
            Optional<RevealSpecialCategory> special) {
        return new RevealFinding(kind, new RevealInference.Found<>(says, confidence, evidence), special);
    }

    static RevealFinding unknown(Kind kind, Wording reason) {
        return new RevealFinding(kind, new RevealInference.Unknown<>(reason), Optional.empty());
    }
}
