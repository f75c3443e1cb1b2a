package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static java.util.Objects.requireNonNull;

/**
 * A {@link ParsedFile} whose records come from a {@link RecordReader} one at a time, as the caller pulls them; a
 * {@link RejectedRecord} thrown by the reader becomes a rejection in the stream, and reading goes on.
 */
final class RecordFile implements ParsedFile {
    private final String format;
    private final SourceDescriptor source;
    private final RecordReader reader;
    private final AutoCloseable input;
    private boolean streamed;

    RecordFile(String format, SourceDescriptor source, RecordReader reader, AutoCloseable input) {
        this.format = requireNonNull(format, "format is null");
        this.source = requireNonNull(source, "source is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.input = requireNonNull(input, "input is null");
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public SourceDescriptor source() {
        return source;
    }

    @Override
    public Stream<ImportItem> items() {
        if (streamed) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the records of a " + format + " file can be read only once");
        }
        streamed = true;
        Spliterator<ImportItem> spliterator = Spliterators.spliteratorUnknownSize(new Records(),
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }

    @Override
    public List<FileNote> notes() {
        return reader.notes();
    }

    @Override
    public void close() {
        try {
            input.close();
        }
        catch (Exception e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a " + format + " file could not be closed", e);
        }
    }

    private final class Records implements Iterator<ImportItem> {
        private Optional<ImportItem> next = Optional.empty();
        private boolean ended;

        @Override
        public boolean hasNext() {
            if (next.isEmpty() && !ended) {
                try {
                    next = reader.read().map(ImportItem.class::cast);
                    ended = next.isEmpty();
                }
                catch (RejectedRecord e) {
                    next = Optional.of(e.rejection());
                }
            }
            return next.isPresent();
        }

        @Override
        public ImportItem next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more records");
            }
            ImportItem record = next.get();
            next = Optional.empty();
            return record;
        }
    }
}
