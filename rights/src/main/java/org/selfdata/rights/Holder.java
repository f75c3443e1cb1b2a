package org.selfdata.rights;

import org.selfdata.model.RecordType;
import org.selfdata.model.SourceId;

import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * An organization that holds the old value of a detail, with what shows it: the person's records that came from it
 * and hold the value, or a request that gave it the value.
 *
 * @param slug the organization's slug in the directory, or the slug it would be added under
 * @param inDirectory whether the directory (with the person's own organizations) has it; when not, the person adds it
 *     with an address before anything can be sent to it
 * @param channels the ways a request reaches it, by the addresses its record has: none for an organization to add
 */
public record Holder(String slug, String name, boolean inDirectory, List<Organization.Channel> channels,
        List<Evidence> evidence) {
    public Holder {
        requireNonNull(slug, "slug is null");
        requireNonNull(name, "name is null");
        channels = List.copyOf(channels);
        evidence = List.copyOf(evidence);
    }

    /** What shows that an organization holds the value. */
    public sealed interface Evidence {
        /**
         * Records of a source of the vault that hold the value.
         *
         * @param sourceName the organization the source names, as the person's vault shows it
         * @param kinds the kinds of those records, in the order of {@link RecordType}
         */
        record InRecords(SourceId source, String sourceName, int records, Set<RecordType> kinds) implements Evidence {
            public InRecords {
                requireNonNull(source, "source is null");
                requireNonNull(sourceName, "sourceName is null");
                kinds = Set.copyOf(kinds);
            }
        }

        /** A request of the person's that gave the organization the value, to identify them or to write back to. */
        record InRequest(String request, String reference, Right right) implements Evidence {
            public InRequest {
                requireNonNull(request, "request is null");
                requireNonNull(reference, "reference is null");
                requireNonNull(right, "right is null");
            }
        }
    }
}
