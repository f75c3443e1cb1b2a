package org.selfdata.vault;

/** What the sealing thread hands the writing thread: a record's row or a rejection for the quarantine. */
sealed interface SealedItem permits SealedRow, SealedReject {}
