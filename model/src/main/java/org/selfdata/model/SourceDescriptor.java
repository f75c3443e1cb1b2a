package org.selfdata.model;

import org.selfdata.texts.Wording;

import static java.util.Objects.requireNonNull;

/**
 * What an importer can tell about where a file's data came from: the organization and a label that tells this
 * source apart from the person's other sources at the same organization (an account, a device).
 *
 * <p>Organization and label are stored in clear so that the person can see their sources without opening any
 * key; importers therefore mask identifiers in labels ({@code account ••1234}).
 */
public record SourceDescriptor(SourceKind kind, String organization, String label) {
    private static final int MAXIMUM_LENGTH = 200;

    public SourceDescriptor {
        requireNonNull(kind, "kind is null");
        requireText(organization, "organization");
        requireText(label, "label");
    }

    public static SourceDescriptor file(String organization, String label) {
        return new SourceDescriptor(SourceKind.FILE, organization, label);
    }

    private static void requireText(String value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isBlank() || value.length() > MAXIMUM_LENGTH) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.sourceText", name, MAXIMUM_LENGTH));
        }
    }
}
