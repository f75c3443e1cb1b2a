package org.selfdata.importers;

import org.selfdata.model.Position;

import static java.util.Objects.requireNonNull;

/**
 * Something the reading of a file noticed that the person should know although nothing was refused: a statement
 * that holds no transactions, an account named from what its statement gives in place of its number. Written like
 * every selfdata message: it says where and what, and quotes no content of the file.
 */
public record FileNote(Position position, String text) {
    public FileNote {
        requireNonNull(position, "position is null");
        requireNonNull(text, "text is null");
    }

    /** The note as a report shows it: the position, then the text. */
    public String message() {
        return position + ": " + text;
    }
}
