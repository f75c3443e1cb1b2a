package org.selfdata.model;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** The organization or file a person's records came from. Each source has keys of its own, so it can be erased alone. */
public record Source(SourceId id, SourceDescriptor descriptor, Instant createdAt) {
    public Source {
        requireNonNull(id, "id is null");
        requireNonNull(descriptor, "descriptor is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public SourceKind kind() {
        return descriptor.kind();
    }

    public String organization() {
        return descriptor.organization();
    }

    public String label() {
        return descriptor.label();
    }
}
