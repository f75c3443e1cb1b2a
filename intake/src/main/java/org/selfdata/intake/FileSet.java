package org.selfdata.intake;

import java.util.Optional;

/** The files one import reads, one after the other: a single file, or the entries of an archive or a folder. */
interface FileSet extends AutoCloseable {
    /**
     * Whether this is one file the person named: if no importer recognizes it, the import is refused; in an archive
     * or folder, an entry no importer recognizes is only reported.
     */
    boolean single();

    /** The next file, or nothing once every one has been handed out. */
    Optional<FileEntry> next();

    @Override
    void close();
}
