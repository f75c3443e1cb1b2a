package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
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
            TokenStreamLocation location = e.getLocation();
            String near = location == null || location.getLineNr() < 0 ? ""
                    : " near line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    pointer + ": expected well-formed JSON; the file is malformed" + near, e);
        }
    }
}
