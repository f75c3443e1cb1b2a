package org.selfdata.gate;

import org.selfdata.model.Grant;

/**
 * Where each grant given and each withdrawal is also written, once stored and receipted: the person's transparency
 * log. {@link #NONE} writes nowhere, for a vault without one.
 */
@FunctionalInterface
public interface ConsentJournal {
    ConsentJournal NONE = (event, grant, receipt) -> { };

    void record(ConsentEvent event, Grant grant, ConsentReceipt receipt);
}
