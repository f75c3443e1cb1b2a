package org.selfdata.importers;

import java.util.function.Supplier;

/** Opening a file reads its head; when that fails, the input must still be closed, since no one else holds it. */
final class Opening {
    private Opening() {}

    static ParsedFile closingOnFailure(AutoCloseable input, Supplier<ParsedFile> opening) {
        try {
            return opening.get();
        }
        catch (RuntimeException e) {
            try {
                input.close();
            }
            catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
