package org.selfdata.server;

import io.javalin.config.RoutesConfig;

import java.util.Map;

/**
 * The owner's page: a sign-in form, then what the vault holds. Three fixed files and no more, so nothing on the disk
 * or the class path can be reached by naming it. The page carries no data: it fetches everything from the API once
 * signed in.
 */
final class PageRoutes implements HttpService {
    private static final String FOLDER = "/org/selfdata/server/page/";
    private static final Map<String, Page> PAGES = Map.of(
            "/", new Page("index.html", "text/html; charset=utf-8"),
            "/selfdata.js", new Page("selfdata.js", "text/javascript; charset=utf-8"),
            "/selfdata.css", new Page("selfdata.css", "text/css; charset=utf-8"));

    private record Page(String file, String contentType) {}

    @Override
    public void routing(RoutesConfig routes) {
        PAGES.forEach((path, page) -> {
            byte[] content = ClasspathResources.read(FOLDER + page.file());
            routes.get(path, ctx -> ctx.contentType(page.contentType()).result(content), Access.PUBLIC);
        });
    }
}
