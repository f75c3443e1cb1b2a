package org.selfdata.server;

import io.javalin.security.RouteRole;

/**
 * Marks the routes that are not the owner's. There is no role for "signed in": that is what a route is unless it
 * says otherwise, so a route added without thinking is protected, not exposed.
 */
enum Access implements RouteRole {
    /** Anyone may call it: the pages, health, the token endpoint, the vault's public key. */
    PUBLIC,
    /** A recipient calls it with a bearer token bound to one grant; an owner's session does not open it. */
    RECIPIENT,
    /**
     * Of the recipients' routes, one that a token an organization got for its own credentials also opens: pushing
     * records back under its write grant, and nothing that reads.
     */
    PUSH,
    /**
     * An auditor the person named calls it with the token the person gave it: the heads of that person's log and the
     * proofs between them, nothing else.
     */
    AUDITOR
}
