package org.selfdata.importers;

import java.util.Arrays;

/**
 * The readings of an interval block read before the entries that say what they mean (its meter reading, reading type
 * or usage point): four numbers per reading, so that a shuffled download holds as little as it can until they come.
 */
final class GreenButtonPendingBlock {
    private static final int FIELDS = 4;
    private static final long UNREADABLE = -1;

    private final String path;
    private String collection = "";
    private long[] readings = new long[FIELDS * 16];
    private int count;

    GreenButtonPendingBlock(String path) {
        this.path = path;
    }

    /** Keeps the place of a reading that could not be read, so that its rejection comes in file order. */
    void addUnreadable(int index) {
        add(index, 0, UNREADABLE, 0);
    }

    void add(int index, long start, long duration, long value) {
        if (count * FIELDS == readings.length) {
            readings = Arrays.copyOf(readings, readings.length * 2);
        }
        int at = count * FIELDS;
        readings[at] = index;
        readings[at + 1] = start;
        readings[at + 2] = duration;
        readings[at + 3] = value;
        count++;
    }

    /** The element path of the block, such as {@code feed/entry[5]/content/IntervalBlock[1]}. */
    String path() {
        return path;
    }

    /** The href of the collection the block belongs to: its entry's {@code rel="up"} link. */
    String collection() {
        return collection;
    }

    void belongTo(String href) {
        collection = href;
    }

    int count() {
        return count;
    }

    int index(int reading) {
        return (int) readings[reading * FIELDS];
    }

    boolean isReadable(int reading) {
        return duration(reading) != UNREADABLE;
    }

    long start(int reading) {
        return readings[reading * FIELDS + 1];
    }

    long duration(int reading) {
        return readings[reading * FIELDS + 2];
    }

    long value(int reading) {
        return readings[reading * FIELDS + 3];
    }
}
