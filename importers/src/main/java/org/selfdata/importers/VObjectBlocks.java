package org.selfdata.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Cuts a vCard or iCalendar file into its components ({@code BEGIN:X} … {@code END:X}) at one nesting depth, with
 * the line each begins on, so that a library can parse one component at a time and the file never sits in memory.
 *
 * <p>Component boundaries are whole lines: a folded continuation line starts with a space or a tab, so it can never
 * be taken for a {@code BEGIN} or an {@code END}. Lines at the same depth outside any component are kept aside as
 * {@link #looseLines()}: for a calendar, these are its own properties (its name, its version).
 */
final class VObjectBlocks {
    private static final int MAXIMUM_BLOCK_LENGTH = 16 * 1024 * 1024;
    private static final int MAXIMUM_LOOSE_LINES = 1_000;

    record Block(String name, long firstLine, String text) {}

    private final NumberedLines lines;
    private final int blockDepth;
    private final List<String> looseLines = new ArrayList<>();
    private int depth;

    VObjectBlocks(NumberedLines lines, int blockDepth) {
        this.lines = requireNonNull(lines, "lines is null");
        this.blockDepth = blockDepth;
    }

    /** The next component that begins at the block depth, or nothing at the end of the file. */
    Optional<Block> next() {
        Optional<String> name = Optional.empty();
        long firstLine = 0;
        StringBuilder text = new StringBuilder();
        for (Optional<String> next = lines.next(); next.isPresent(); next = lines.next()) {
            String line = next.get();
            String upper = line.toUpperCase(Locale.ROOT);
            boolean boundary = upper.startsWith("BEGIN:") || upper.startsWith("END:");
            if (upper.startsWith("BEGIN:")) {
                if (depth == blockDepth) {
                    name = Optional.of(upper.substring("BEGIN:".length()).strip());
                    firstLine = lines.number();
                }
                depth++;
            }
            else if (upper.startsWith("END:")) {
                depth--;
                if (depth < 0) {
                    throw InvalidInput.at("line " + lines.number(), "expected a BEGIN before this END");
                }
            }
            if (name.isPresent()) {
                text.append(line).append("\r\n");
                if (text.length() > MAXIMUM_BLOCK_LENGTH) {
                    throw InvalidInput.at("line " + firstLine, "expected the " + name.get() + " that begins here to end "
                            + "within " + MAXIMUM_BLOCK_LENGTH / (1024 * 1024) + " MB");
                }
                if (depth == blockDepth) {
                    return Optional.of(new Block(name.get(), firstLine, text.toString()));
                }
            }
            else if (!boundary && depth == blockDepth && looseLines.size() < MAXIMUM_LOOSE_LINES) {
                looseLines.add(line);
            }
        }
        if (name.isPresent()) {
            throw InvalidInput.at("line " + firstLine, "expected END:" + name.get() + " for the " + name.get()
                    + " that begins here; the file ends first");
        }
        return Optional.empty();
    }

    /** The lines read so far at the block depth outside any component, unfolded. */
    List<String> looseLines() {
        return Unfolding.unfold(looseLines);
    }
}
