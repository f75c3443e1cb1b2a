package org.selfdata.rights;

import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.util.Locale;

/**
 * What a complete answer to an access request holds: the information of art. 15(1)(a) to (h), the safeguards of
 * transfers (15(2)) and the copy of the data (15(3)). The person ticks them off an answer; those left unticked are
 * named in the reminder.
 */
public enum AccessItem {
    PURPOSES("15(1)(a)"),
    CATEGORIES("15(1)(b)"),
    RECIPIENTS("15(1)(c)"),
    STORAGE_PERIOD("15(1)(d)"),
    RIGHTS("15(1)(e)"),
    COMPLAINT("15(1)(f)"),
    SOURCE("15(1)(g)"),
    AUTOMATED_DECISIONS("15(1)(h)"),
    TRANSFER_SAFEGUARDS("15(2)"),
    COPY("15(3)");

    private final String provision;

    AccessItem(String provision) {
        this.provision = provision;
    }

    /** The provision of the GDPR that requires the item: "15(1)(c)", "15(3)". */
    public String provision() {
        return provision;
    }

    /** The name used in the API, on the command line and in the keys of its words. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the item is, with its provision, as a reminder names it: "the purposes of the processing (Article 15(1)(a))". */
    public String label(Language language) {
        return Words.of(language).say(key());
    }

    String key() {
        return "rights.letter.item." + term();
    }
}
