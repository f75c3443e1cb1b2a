package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import java.util.function.Supplier;

/**
 * Turns Jackson's complaints about broken JSON into selfdata's: the JSON Pointer being read and the line and column
 * where the syntax broke. Jackson's own message stays in the cause, since it may quote the file.
 */
final class MalformedJson {
    private MalformedJson() {}

    static <T> T guarded(String pointer, Supplier<T> step) {
        try {
            return step.get();
        }
        catch (JacksonException e) {
            throw complaint(pointer, e);
        }
    }

    /** The complaint about JSON that cannot be parsed, with the line and column where the parser stopped if it knows. */
    static SelfdataException complaint(String pointer, JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        Wording malformed = location == null || location.getLineNr() < 1 ? Wording.of("error.json.malformed")
                : Wording.of("error.json.malformedNear", Long.toString(location.getLineNr()),
                        Long.toString(location.getColumnNr()));
        return new SelfdataException(ErrorCode.INVALID_INPUT, InvalidInput.wording(pointer, malformed), e);
    }
}
