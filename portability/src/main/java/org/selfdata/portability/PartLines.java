package org.selfdata.portability;

import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Splits a part into lines of bytes, each ended by a line feed, refusing a line longer than the limit before it has
 * been read whole: one unending line must not fill the memory.
 */
final class PartLines {
    private final InputStream input;
    private final String part;
    private final int maximumLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] pending = new byte[1 << 10];
    private byte[] current = new byte[0];
    private long lineNumber;

    PartLines(InputStream input, String part, int maximumLineBytes) {
        this.input = requireNonNull(input, "input is null");
        this.part = requireNonNull(part, "part is null");
        this.maximumLineBytes = maximumLineBytes;
    }

    /** Moves to the next line; false at the end of the part. */
    boolean next() throws IOException {
        int length = 0;
        while (position < limit || fill()) {
            int end = indexOfLineFeed();
            int taken = (end < 0 ? limit : end) - position;
            if (length + taken > maximumLineBytes) {
                throw InvalidArchive.tooLarge(part,
                        Wording.of("error.portability.lineTooLong", Integer.toString(maximumLineBytes),
                                Long.toString(lineNumber + 1)));
            }
            if (length + taken > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + taken));
            }
            System.arraycopy(buffer, position, pending, length, taken);
            length += taken;
            position += taken;
            if (end >= 0) {
                position++;
                lineNumber++;
                current = Arrays.copyOf(pending, length);
                return true;
            }
        }
        if (length > 0) {
            throw InvalidArchive.line(part, lineNumber + 1, Wording.of("error.portability.noLineFeed"));
        }
        return false;
    }

    /** The line {@link #next} moved to, without its line feed, in an array of its own. */
    byte[] current() {
        return current;
    }

    long lineNumber() {
        return lineNumber;
    }

    private int indexOfLineFeed() {
        for (int index = position; index < limit; index++) {
            if (buffer[index] == '\n') {
                return index;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int read = input.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }
}
