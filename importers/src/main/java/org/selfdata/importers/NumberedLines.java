package org.selfdata.importers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The lines of a text file with their 1-based numbers, whatever the line ends (LF, CRLF, CR). */
final class NumberedLines implements AutoCloseable {
    private final BufferedReader reader;
    private long number;

    NumberedLines(Reader reader) {
        this.reader = new BufferedReader(requireNonNull(reader, "reader is null"), 64 * 1024);
    }

    /** The next line without its end, or nothing at the end of the file. */
    Optional<String> next() {
        try {
            String line = reader.readLine();
            if (line == null) {
                return Optional.empty();
            }
            number++;
            return Optional.of(line);
        }
        catch (IOException e) {
            throw InvalidInput.unreadable("line " + (number + 1), e);
        }
    }

    /** The number of the line {@link #next()} returned last. */
    long number() {
        return number;
    }

    @Override
    public void close() {
        try {
            reader.close();
        }
        catch (IOException e) {
            throw InvalidInput.unreadable("line " + number, e);
        }
    }
}
