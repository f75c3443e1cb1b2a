package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Where in its file a record was read: a line number, a JSON Pointer (RFC 6901) or an element path.
 *
 * <p>Kept as text because every format has its own way of pointing into itself; the prefixes make the kind
 * plain to a reader ({@code line 12}, {@code /locations/3},
 * {@code OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST/STMTTRN[4]}). Positions hold structure only, never
 * content, so they are stored in clear.
 */
public record Position(String value) {
    private static final int MAXIMUM_LENGTH = 512;
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    public Position {
        requireNonNull(value, "value is null");
        if (value.isBlank() || value.length() > MAXIMUM_LENGTH) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.positionLength", Integer.toString(MAXIMUM_LENGTH)));
        }
    }

    public static Position line(long line) {
        return new Position("line " + line);
    }

    public static Position jsonPointer(String pointer) {
        return new Position(pointer.isEmpty() ? "/" : pointer);
    }

    public static Position elementPath(String path) {
        return new Position(path);
    }

    /** The position as a message names it: a line in the reader's language, a pointer or a path as it is written. */
    public Wording wording() {
        return wording(value);
    }

    /** A position's text, such as {@code line 12}, as a message names it. */
    public static Wording wording(String position) {
        Matcher line = LINE.matcher(position);
        return line.matches() ? Wording.of("error.position.line", line.group(1)) : Wording.of("error.position.path", position);
    }

    @Override
    public String toString() {
        return value;
    }
}
