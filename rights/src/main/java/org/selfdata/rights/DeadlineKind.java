package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.util.Locale;

/** What a deadline is for, and the article of the GDPR that sets it. */
public enum DeadlineKind {
    /** Art. 12(3): the answer, within one month of receipt. */
    ANSWER,
    /** Art. 12(3): the answer, two further months later, when the organization extended in time and said why. */
    EXTENDED_ANSWER,
    /** Art. 12(4): an organization that will not act says so, with its reasons, within one month of receipt. */
    REFUSAL,
    /** Art. 12(6): the organization asked for information to identify the person, and the clock stands still. */
    IDENTIFICATION_AWAITED,
    /** Art. 78(2): the supervisory authority tells the complainant within three months how the complaint goes. */
    AUTHORITY_PROGRESS;

    /** The name used in the API: lower case, words joined by hyphens. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the deadline is for, said in the reader's language. */
    public Wording wording() {
        String key = "rights.deadline.kind." + term();
        return Wording.of(key);
    }
}
