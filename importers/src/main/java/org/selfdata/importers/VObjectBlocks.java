package org.selfdata.importers;

import org.selfdata.texts.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Cuts a vCard or iCalendar file into its components ({@code BEGIN:X} … {@code END:X}) at one nesting depth, with
 * the line each begins on, so that a library can parse one component at a time and the file never sits in memory.
 *
 * <p>Component boundaries are whole lines: a folded continuation line starts with a space or a tab, so it can never
 * be taken for a {@code BEGIN} or an {@code END}. Lines at the same depth outside any component are kept aside as
 * {@link #looseLines()}: for a calendar, these are its own properties (its name, its version).
 *
 * <p>A block's text is unfolded here rather than by the library, because folding counts octets: a writer may cut a
 * line in the middle of a UTF-8 character, whose halves the decoder has then read as two Windows-1252 characters
 * ({@link Unfolding#appendContinuation} puts them back together). Properties named in {@code skippedProperties}
 * (photos, sounds, keys, attachments: base64 data the importer does not keep) never enter a block, whether folded
 * or written as vCard 2.1 writes base64, as bare lines up to a blank one; so a card with a large photo costs no
 * more memory than one without.
 */
final class VObjectBlocks {
    private static final int MAXIMUM_BLOCK_LENGTH = 16 * 1024 * 1024;
    private static final int MAXIMUM_LOOSE_LINES = 1_000;
    /** Loose lines are repeated in front of every component a library parses, so they are kept small. */
    private static final int MAXIMUM_LOOSE_CHARACTERS = 256 * 1024;

    /**
     * A component, its lines unfolded and joined by CRLF.
     *
     * @param enclosingLine the line where the component that holds this one begins (its calendar), 0 at the top level
     */
    record Block(String name, long firstLine, String text, long enclosingLine) {}

    private final NumberedLines lines;
    private final int blockDepth;
    private final Set<String> skippedProperties;
    private final List<String> looseLines = new ArrayList<>();
    private int depth;
    private int looseCharacters;
    private long enclosingLine;

    VObjectBlocks(NumberedLines lines, int blockDepth) {
        this(lines, blockDepth, Set.of());
    }

    VObjectBlocks(NumberedLines lines, int blockDepth, Set<String> skippedProperties) {
        this.lines = requireNonNull(lines, "lines is null");
        this.blockDepth = blockDepth;
        this.skippedProperties = Set.copyOf(skippedProperties);
    }

    /** The next component that begins at the block depth, or nothing at the end of the file. */
    Optional<Block> next() {
        Optional<String> name = Optional.empty();
        long firstLine = 0;
        StringBuilder text = new StringBuilder();
        StringBuilder logical = new StringBuilder();
        boolean skipping = false;
        for (Optional<String> next = lines.next(); next.isPresent(); next = lines.next()) {
            String line = next.get();
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (name.isPresent() && skipping && (continuation || (!line.isEmpty() && line.indexOf(':') < 0))) {
                continue;
            }
            if (line.isEmpty()) {
                skipping = false;
                if (name.isPresent() && !logical.isEmpty() && logical.charAt(logical.length() - 1) == '=') {
                    // A blank line ends a quoted-printable value whose last line ends with a soft line break.
                    flush(text, logical);
                    text.append("\r\n");
                }
                continue;
            }
            if (continuation) {
                if (name.isPresent()) {
                    Unfolding.appendContinuation(logical, line.substring(1));
                    checkLength(text, logical, name.get(), firstLine);
                }
                else if (depth == blockDepth && !looseLines.isEmpty() && keepsLoose(line.length())) {
                    StringBuilder last = new StringBuilder(looseLines.getLast());
                    Unfolding.appendContinuation(last, line.substring(1));
                    looseLines.set(looseLines.size() - 1, last.toString());
                }
                continue;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            boolean begins = upper.startsWith("BEGIN:");
            boolean ends = upper.startsWith("END:");
            if (begins) {
                if (depth == blockDepth) {
                    name = Optional.of(upper.substring("BEGIN:".length()).strip());
                    firstLine = lines.number();
                }
                else if (depth == blockDepth - 1) {
                    enclosingLine = lines.number();
                }
                depth++;
            }
            else if (ends) {
                depth--;
                if (depth < 0) {
                    throw InvalidInput.at("line " + lines.number(), Wording.of("error.vcard.endWithoutBegin"));
                }
            }
            if (name.isPresent()) {
                flush(text, logical);
                skipping = !begins && !ends && skippedProperties.contains(propertyName(upper));
                if (!skipping) {
                    logical.append(line);
                }
                checkLength(text, logical, name.get(), firstLine);
                if (depth == blockDepth) {
                    flush(text, logical);
                    return Optional.of(new Block(name.get(), firstLine, text.toString(), blockDepth == 0 ? 0 : enclosingLine));
                }
            }
            else if (!begins && !ends && depth == blockDepth && looseLines.size() < MAXIMUM_LOOSE_LINES
                    && keepsLoose(line.length())) {
                looseLines.add(line);
            }
        }
        if (name.isPresent()) {
            throw InvalidInput.at("line " + firstLine, Wording.of("error.vcard.notEnded", String.valueOf(name.get()),
                    String.valueOf(name.get())));
        }
        return Optional.empty();
    }

    /** The lines read so far at the block depth outside any component, unfolded. */
    List<String> looseLines() {
        return List.copyOf(looseLines);
    }

    /** Counts a loose line's characters in, or refuses it once the loose lines have reached their bound. */
    private boolean keepsLoose(int length) {
        if (looseCharacters + length > MAXIMUM_LOOSE_CHARACTERS) {
            return false;
        }
        looseCharacters += length;
        return true;
    }

    /** A property's name without its group ({@code item1.EMAIL} is an {@code EMAIL}), upper case. */
    static String propertyName(String upperLine) {
        int end = 0;
        while (end < upperLine.length() && upperLine.charAt(end) != ';' && upperLine.charAt(end) != ':') {
            end++;
        }
        String name = upperLine.substring(0, end).strip();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static void flush(StringBuilder text, StringBuilder logical) {
        if (!logical.isEmpty()) {
            text.append(logical).append("\r\n");
            logical.setLength(0);
        }
    }

    private static void checkLength(StringBuilder text, StringBuilder logical, String name, long firstLine) {
        if (text.length() + logical.length() > MAXIMUM_BLOCK_LENGTH) {
            throw InvalidInput.at("line " + firstLine, Wording.of("error.vcard.tooLong", String.valueOf(name),
                    String.valueOf(MAXIMUM_BLOCK_LENGTH / (1024 * 1024))));
        }
    }
}
