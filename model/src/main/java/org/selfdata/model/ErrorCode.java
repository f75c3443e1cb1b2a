package org.selfdata.model;

/**
 * What went wrong, in the terms a caller can act on.
 *
 * <p>Every failure selfdata reports carries one of these codes. Each surface maps them exactly once: the
 * server to an HTTP status and a problem+json type, the command line to an exit code. Both mappings are
 * exhaustive switches, so adding a code here forces a decision in each of them.
 */
public enum ErrorCode {
    /** A parameter given by the caller is malformed or out of range. */
    INVALID_ARGUMENT,
    /** The content of a file or request body cannot be read; the message names where and what was expected. */
    INVALID_INPUT,
    /** No importer recognizes the content. */
    UNSUPPORTED_FORMAT,
    /** The thing asked for does not exist, or is not visible to the caller. */
    NOT_FOUND,
    /** The request contradicts the current state, such as restoring into a vault that holds records. */
    CONFLICT,
    /** The caller is not signed in, or the credentials are wrong. */
    UNAUTHENTICATED,
    /** The caller is signed in but holds no grant for this. */
    FORBIDDEN,
    /** The route exists, but not for the method asked: the API's answer names those it takes. */
    METHOD_NOT_ALLOWED,
    /** Too many attempts in too short a time. */
    RATE_LIMITED,
    /** An upload or field exceeds its configured limit. */
    TOO_LARGE,
    /** There is no vault at the given location. */
    VAULT_MISSING,
    /** The vault's files exist but cannot be read as a selfdata vault. */
    VAULT_CORRUPT,
    /** The key-encryption key cannot be obtained: missing key file, wrong passphrase. */
    KEY_UNAVAILABLE,
    /** The database server cannot be reached or refuses the connection. */
    STORAGE_UNAVAILABLE,
    /**
     * A service outside selfdata that it reaches for the person, such as their own mail server, cannot be reached,
     * does not answer in time, or refuses what selfdata asks of it (the password, a recipient, a secure connection).
     */
    REMOTE_SERVICE_FAILED,
    /** A fault inside selfdata; the message says what was being done. */
    INTERNAL
}
