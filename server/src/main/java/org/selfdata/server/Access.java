package org.selfdata.server;

import io.javalin.security.RouteRole;

/**
 * Marks the few routes anyone may call. There is no role for "signed in": that is what a route is unless it says
 * otherwise, so a route added without thinking is protected, not exposed.
 */
enum Access implements RouteRole {
    PUBLIC
}
