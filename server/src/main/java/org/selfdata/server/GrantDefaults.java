package org.selfdata.server;

/** What a grant holds when neither the recipient's request nor the person says otherwise. */
final class GrantDefaults {
    /** Records a day: enough for an app that syncs a person's history, small enough to stop a bulk copy. */
    static final int VOLUME_LIMIT = 10_000;

    private GrantDefaults() {}
}
