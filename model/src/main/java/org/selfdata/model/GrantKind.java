package org.selfdata.model;

import java.util.Locale;

/** What a grant lets a recipient do: read the person's data, or push data back into the vault (restitution). */
public enum GrantKind {
    READ, WRITE;

    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }
}
