package org.selfdata.gate;

import org.selfdata.model.Grant;

import static java.util.Objects.requireNonNull;

/** A grant as it stands after it was given or withdrawn, with the signed receipt of that event. */
public record ReceiptedGrant(Grant grant, ConsentReceipt receipt) implements GrantOutcome {
    public ReceiptedGrant {
        requireNonNull(grant, "grant is null");
        requireNonNull(receipt, "receipt is null");
    }
}
