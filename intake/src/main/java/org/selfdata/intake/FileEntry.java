package org.selfdata.intake;

import java.io.IOException;
import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/**
 * One file to read: a file on disk, or an entry of an archive or folder.
 *
 * @param name the name reports and batches give it ({@code takeout.zip!/Takeout/Records.json})
 * @param size its size in bytes when known, or -1
 */
record FileEntry(String name, long size, Opener opener) {
    FileEntry {
        requireNonNull(name, "name is null");
        requireNonNull(opener, "opener is null");
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }
}
