package org.selfdata.importers;

import org.selfdata.model.Position;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import static java.util.Objects.requireNonNull;

/**
 * Something the reading of a file noticed that the person should know although nothing was refused: a statement
 * that holds no transactions, an account named from what its statement gives in place of its number. Written like
 * every selfdata message: it says where and what, and quotes no content of the file; a wording, so that each report
 * says it in its reader's language.
 */
public record FileNote(Position position, Wording wording) {
    public FileNote {
        requireNonNull(position, "position is null");
        requireNonNull(wording, "wording is null");
    }

    /** The note's text in English, as logs and the API's English reports show it. */
    public String text() {
        return text(Language.ENGLISH);
    }

    /** The note's text in a reader's language. */
    public String text(Language language) {
        return Words.of(language).say(wording);
    }

    /** The note as a report shows it: the position, then the text. */
    public String message() {
        return message(Language.ENGLISH);
    }

    /** The note as a report shows it, in a reader's language. */
    public String message(Language language) {
        return Words.of(language).say(Wording.of("error.input.at", position.wording(), wording));
    }
}
