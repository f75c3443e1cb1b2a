package org.selfdata.importers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The lines of one QIF record, from its first field to its {@code ^}: each field by its letter, with the line it
 * was on, the address lines and the splits.
 *
 * <p>A field that repeats keeps its first value, except the address ({@code A}, up to six lines) and the splits
 * ({@code S} category, {@code E} memo, {@code $} amount), which repeat by design. How many are kept is bounded, so that
 * a broken file cannot make one record grow without end.
 */
final class QifRecord {
    private static final int MAXIMUM_ADDRESS_LINES = 6;
    private static final int MAXIMUM_SPLITS = 256;

    private final long firstLine;
    private final Map<Character, Field> fields = new HashMap<>();
    private final List<String> address = new ArrayList<>();
    private final List<Split> splits = new ArrayList<>();
    private Optional<QifDates.Parts> date = Optional.empty();

    record Field(String value, long line) {}

    /** One part of a split transaction, each part as written. */
    record Split(String category, String memo, String amount) {}

    QifRecord(long firstLine) {
        this.firstLine = firstLine;
    }

    long firstLine() {
        return firstLine;
    }

    void add(char letter, String value, long line) {
        switch (letter) {
            case 'A' -> {
                if (address.size() < MAXIMUM_ADDRESS_LINES && !value.isBlank()) {
                    address.add(value.strip());
                }
            }
            case 'S' -> addSplit(new Split(value.strip(), "", ""));
            case 'E' -> updateLastSplit(split -> new Split(split.category(), value.strip(), split.amount()), 'E');
            case '$' -> updateLastSplit(split -> new Split(split.category(), split.memo(), value.strip()), '$');
            default -> {
                if (fields.putIfAbsent(letter, new Field(value.strip(), line)) == null && letter == 'D') {
                    date = QifDates.split(value);
                }
            }
        }
    }

    Optional<Field> field(char letter) {
        return Optional.ofNullable(fields.get(letter)).filter(field -> !field.value().isEmpty());
    }

    /** The record's date split into its numbers, when its D line holds one. */
    Optional<QifDates.Parts> date() {
        return date;
    }

    List<String> address() {
        return address;
    }

    List<Split> splits() {
        return splits;
    }

    boolean isEmpty() {
        return fields.isEmpty() && address.isEmpty() && splits.isEmpty();
    }

    private void addSplit(Split split) {
        if (splits.size() < MAXIMUM_SPLITS) {
            splits.add(split);
        }
    }

    // An E or $ line before any S line starts a split without a category, as some exporters write them.
    private void updateLastSplit(UnaryOperator<Split> update, char letter) {
        boolean startsNew = splits.isEmpty()
                || letter == 'E' && !splits.getLast().memo().isEmpty()
                || letter == '$' && !splits.getLast().amount().isEmpty();
        if (startsNew) {
            addSplit(update.apply(new Split("", "", "")));
        }
        else {
            splits.set(splits.size() - 1, update.apply(splits.getLast()));
        }
    }
}
