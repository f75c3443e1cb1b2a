package org.selfdata.vault;

/** A rejection sealed on the sealing thread, ready for the batch's quarantine. */
record SealedReject(long number, byte[] sealed) implements SealedItem {}
