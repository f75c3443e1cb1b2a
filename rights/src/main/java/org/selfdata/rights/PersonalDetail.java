package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

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

    /** The detail of this term, or an error that lists the details there are. */
    public static PersonalDetail ofTerm(String term) {
        for (PersonalDetail detail : values()) {
            if (detail.term().equals(term)) {
                return detail;
            }
        }
        throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.change.detail"));
    }
}
