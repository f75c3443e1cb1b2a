package org.selfdata.vault;

/** The two databases a vault runs on; vault tests run once on each. */
public enum Engine {
    SQLITE,
    POSTGRES
}
