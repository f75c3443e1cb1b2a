package org.selfdata.vault;

import org.selfdata.model.Category;
import org.selfdata.model.RecordId;

/** A record made ready for its row on the sealing thread, so that the writing thread only binds and inserts. */
record SealedRow(RecordId id, Category category, long endMillis, long fingerprint, int occurrence, byte[] sealedEnvelope)
        implements SealedItem {}
