package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;

import java.util.List;
import java.util.stream.Stream;

/**
 * A file being read: its format, the source it describes, and its records as a stream that parses as it goes.
 *
 * <p>Close it, or the stream, when done: it owns the input. Either {@link #items()} or {@link #records()} may be
 * called, once.
 */
public interface ParsedFile extends AutoCloseable {
    String format();

    /** The organization and account, device or export this file's records come from. */
    SourceDescriptor source();

    /**
     * The file's records and rejections in file order, for a lenient import. A fault that leaves the parser lost
     * (broken syntax, a truncated file) still ends the stream with a {@code SelfdataException} naming its position.
     */
    Stream<ImportItem> items();

    /**
     * The file's records in file order, for a strict import: the first record that cannot be read ends the stream
     * with a {@code SelfdataException} of code {@code INVALID_INPUT} naming its position.
     */
    default Stream<RecordDraft> records() {
        return items().map(item -> switch (item) {
            case RecordDraft record -> record;
            case Rejection rejection -> throw rejection.messageWording()
                    .map(wording -> new SelfdataException(ErrorCode.INVALID_INPUT, wording))
                    .orElseGet(() -> new SelfdataException(ErrorCode.INVALID_INPUT, rejection.message()));
        });
    }

    /**
     * What the reading noticed that the person should know although nothing was refused, in file order; complete once
     * the records have been read to their end. Most formats have nothing to say.
     */
    default List<FileNote> notes() {
        return List.of();
    }

    @Override
    void close();
}
