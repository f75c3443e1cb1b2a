package org.selfdata.model;

import java.util.Locale;

/** Where a grant stands at a given instant. Only a given grant opens anything. */
public enum GrantStatus {
    GIVEN, WITHDRAWN, EXPIRED;

    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }
}
