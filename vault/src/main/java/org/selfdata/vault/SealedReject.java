package org.selfdata.vault;

import java.util.Optional;

/**
 * A rejection sealed on the sealing thread, ready for the batch's quarantine: its envelope, its text apart when the
 * importer gave it, and the fingerprint that tells it from the rejections its source's quarantine already holds.
 */
record SealedReject(long number, byte[] sealed, Optional<byte[]> text, long fingerprint) implements SealedItem {}
