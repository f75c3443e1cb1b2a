package org.selfdata.portability;

import org.selfdata.model.RecordType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What an archive holds: whose data, exported when, each record type with how many records and in which parts, and
 * every part with its size and SHA-256. It is {@code manifest.json} in the archive, with each type's JSON Schema
 * beside it for readers who do not have selfdata.
 */
public record Manifest(Instant exportedAt, String handle, ZoneId zone, List<TypeContents> types, List<Part> parts) {
    public Manifest {
        requireNonNull(exportedAt, "exportedAt is null");
        requireNonNull(handle, "handle is null");
        requireNonNull(zone, "zone is null");
        types = List.copyOf(types);
        parts = List.copyOf(parts);
    }

    /** The records of one type: how many, and the names of the parts that hold them (JSON Lines, then a CSV table). */
    public record TypeContents(RecordType type, long records, List<String> parts) {
        public TypeContents {
            requireNonNull(type, "type is null");
            parts = List.copyOf(parts);
        }
    }

    public Optional<Part> part(String name) {
        return parts.stream().filter(part -> part.name().equals(name)).findFirst();
    }

    public long records() {
        return types.stream().mapToLong(TypeContents::records).sum();
    }
}
