package org.selfdata.importers;

import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;

import java.util.stream.Stream;

/**
 * A file being read: its format, the source it describes, and its records as a stream that parses as it goes.
 *
 * <p>Close it, or the stream, when done: it owns the input.
 */
public interface ParsedFile extends AutoCloseable {
    String format();

    /** The organization and account, device or export this file's records come from. */
    SourceDescriptor source();

    /**
     * The file's records in file order. May be consumed once. A malformed record ends the stream with a
     * {@code SelfdataException} naming its position.
     */
    Stream<RecordDraft> records();

    @Override
    void close();
}
