package org.selfdata.intake;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.function.LongConsumer;

/** Counts the bytes an archive's entries expand to, and stops the import when they pass the limit. */
final class ExpansionBudget {
    private final long maximumBytes;
    private long spent;

    ExpansionBudget(long maximumBytes) {
        this.maximumBytes = maximumBytes;
    }

    /** A meter for one entry: it takes the entry's running count of bytes read and spends what is new. */
    LongConsumer meter() {
        return new LongConsumer() {
            private long counted;

            @Override
            public void accept(long total) {
                spend(total - counted);
                counted = total;
            }
        };
    }

    /** Adds bytes just read; the exception is unchecked so that no parser mistakes it for a fault of the file. */
    private void spend(long bytes) {
        spent += bytes;
        if (spent > maximumBytes) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.intake.tooLargeExpanded",
                    Long.toString(maximumBytes)));
        }
    }
}
