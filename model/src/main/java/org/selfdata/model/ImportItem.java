package org.selfdata.model;

/**
 * What reading a file yields, in file order: a record, or a rejection of one that could not be read.
 *
 * <p>A strict import stops at the first rejection; a lenient one writes the records and keeps every rejection in
 * the batch's quarantine, so that nothing is dropped without being reported.
 */
public sealed interface ImportItem permits RecordDraft, Rejection {
    /** Where in the file the item was read. */
    Position position();
}
