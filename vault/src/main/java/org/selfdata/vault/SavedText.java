package org.selfdata.vault;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A text a person keeps by name, opened, with the time it was saved: a CSV mapping by its layout, an organization of
 * the rights desk by its slug, a setting of the desk by its name. An export carries it and a restore brings it back as
 * it was, sealed under the new vault's key.
 */
public record SavedText(String name, String text, Instant savedAt) {
    public SavedText {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
        requireNonNull(savedAt, "savedAt is null");
    }
}
