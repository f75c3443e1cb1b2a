package org.selfdata.importers;

import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * The records and rejections read from one element of a file that yields several per element (a visit, its child
 * visits and its raw path; a camt entry and its details; an OFX statement's balance), handed out one at a time by a
 * {@link RecordReader}.
 */
final class PendingItems {
    private final Queue<ImportItem> items = new ArrayDeque<>();

    /** Builds one record; its own complaint becomes the rejection of that record alone. */
    void offer(Position position, Supplier<RecordDraft> draft) {
        try {
            items.add(draft.get());
        }
        catch (SelfdataException e) {
            items.add(InvalidInput.rejected(position, e).rejection());
        }
    }

    void add(ImportItem item) {
        items.add(item);
    }

    void addAll(Collection<? extends ImportItem> read) {
        items.addAll(read);
    }

    void reject(Position position, Wording reason) {
        items.add(new Rejection(position, reason));
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** The next record; the next rejection is thrown, for {@link RecordFile} to report and read on. */
    Optional<RecordDraft> next() {
        return switch (items.poll()) {
            case null -> Optional.empty();
            case RecordDraft draft -> Optional.of(draft);
            case Rejection rejection -> throw new RejectedRecord(rejection);
        };
    }
}
