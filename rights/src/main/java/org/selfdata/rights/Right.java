package org.selfdata.rights;

import java.util.Locale;

/**
 * A right the GDPR gives the person against an organization that processes their data, with the article it rests on.
 * Access carries the copy of art. 15(3); portability (art. 20) is asked with it or alone.
 */
public enum Right {
    /** Art. 15: confirmation, the copy of the data (15(3)) and the information of 15(1)(a) to (h). */
    ACCESS("15"),
    /** Art. 20: the data the person provided, in a structured, commonly used and machine-readable format. */
    PORTABILITY("20"),
    /** Art. 16: inaccurate data corrected, incomplete data completed. */
    RECTIFICATION("16"),
    /** Art. 17: erasure without undue delay. */
    ERASURE("17"),
    /** Art. 18: processing restricted to storage. */
    RESTRICTION("18"),
    /** Art. 21(1): objection on grounds relating to the person's situation. */
    OBJECTION("21(1)"),
    /** Art. 21(2) and (3): objection to direct marketing, which needs no reason and cannot be refused. */
    DIRECT_MARKETING_OBJECTION("21(2)"),
    /** Art. 7(3): withdrawal of consent, as easy as giving it. */
    CONSENT_WITHDRAWAL("7(3)"),
    /** Art. 22: not being subject to a decision based solely on automated processing. */
    AUTOMATED_DECISION("22"),
    /** Art. 19: the organization tells each recipient of a rectification, erasure or restriction, and names them. */
    RECIPIENT_NOTIFICATION("19");

    private final String article;

    Right(String article) {
        this.article = article;
    }

    /** The article of the GDPR, as a letter cites it: "15", "21(2)", "7(3)". */
    public String article() {
        return article;
    }

    /** The name used in the API and on the command line: lower case, words joined by hyphens. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
