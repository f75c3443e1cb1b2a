package org.selfdata.server;

import io.javalin.config.RoutesConfig;

/**
 * A feature of the server that owns its routes, registered with the others in {@link SelfdataServer}.
 *
 * <p>Every route requires a signed-in owner unless it is registered with {@link Access#PUBLIC}.
 */
interface HttpService {
    void routing(RoutesConfig routes);
}
