package org.selfdata.rights;

import java.util.Locale;

/**
 * A detail of the person that changes in their life and that many organizations hold: a change of one is sent as a
 * rectification (art. 16) to each of them.
 */
public enum PersonalDetail {
    ADDRESS("address"),
    EMAIL("email"),
    PHONE("phone"),
    NAME("name");

    private final String kind;

    PersonalDetail(String kind) {
        this.kind = kind;
    }

    /** The directory's type for this detail among the elements an organization asks to identify a person. */
    public String kind() {
        return kind;
    }

    /** The name used in the API, on the command line and in the keys of its words. */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }
}
