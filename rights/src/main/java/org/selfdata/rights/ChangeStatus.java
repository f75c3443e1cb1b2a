package org.selfdata.rights;

import java.util.Locale;

/** What became of a change of detail for one organization. */
public enum ChangeStatus {
    /** The rectification is drafted, to be sent by the person or later by the desk. */
    DRAFTED,
    /** The rectification went out by e-mail, accepted by the person's mail server. */
    SENT,
    /** This very change had already gone to the organization: nothing went again. */
    ALREADY_SENT,
    /** The rectification could not be drafted or sent; the reason says why, and a retry takes it up again. */
    FAILED,
    /** The organization has no address for the channel, or is not in the directory yet: the person adds one. */
    NO_ADDRESS;

    /** The name used in the API and on the command line: drafted, sent, already-sent, failed, no-address. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
