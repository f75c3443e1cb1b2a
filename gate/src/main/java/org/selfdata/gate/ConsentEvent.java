package org.selfdata.gate;

import java.util.Locale;

/** The events a consent receipt attests, with the DPV consent status each leaves the grant in. */
public enum ConsentEvent {
    GIVEN("dpv:ConsentGiven"),
    WITHDRAWN("dpv:ConsentWithdrawn");

    private final String status;

    ConsentEvent(String status) {
        this.status = status;
    }

    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String status() {
        return status;
    }
}
