package org.selfdata.portability;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

/**
 * How much of an archive a restore is willing to read, so that a zip bomb or a damaged size costs an error, not the
 * disk, the memory or an afternoon.
 *
 * @param maximumLineBytes the longest line of a JSON Lines part: a record with its history is one line, and a
 *         document's text alone may take 6 MiB of escaped JSON
 * @param maximumManifestBytes the largest manifest: it holds every type's JSON Schema, a few kilobytes each
 * @param maximumExpansion how many times its compressed size a part may grow to; JSON Lines of selfdata records
 *         shrink about ten times, while a crafted entry can grow a thousand times
 * @param maximumEntries how many entries the zip may hold; an archive has at most three per record type
 */
record ArchiveLimits(int maximumLineBytes, int maximumManifestBytes, long maximumExpansion, int maximumEntries) {
    static final ArchiveLimits DEFAULT = new ArchiveLimits(64 << 20, 4 << 20, 200, 256);

    ArchiveLimits {
        if (maximumLineBytes < 1 || maximumManifestBytes < 1 || maximumExpansion < 1 || maximumEntries < 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.portability.limits"));
        }
    }
}
