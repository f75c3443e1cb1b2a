package org.selfdata.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.OwnerSessions;
import org.selfdata.texts.Language;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The web interface: one page per thing a person does with their vault, rendered from templates compiled into the
 * jar, with the page's own small script and the front-end libraries it needs, served from their WebJars.
 *
 * <p>Pages carry words and never personal data: each page's script fetches what it shows from the same JSON API as
 * every other client, through the gate, so the owner's reads are on their log like anyone's. A page asked for without
 * a session leads to the sign-in page, which leads back. Files are served by name from two fixed places only: the
 * page folder, by a strict file-name pattern, and a list of library files; no path can climb out of either.
 */
final class PageRoutes implements HttpService {
    private static final String ASSETS = "/org/selfdata/server/page/";
    private static final Pattern ASSET_NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css|svg|png)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    private static final Duration LANGUAGE_KEPT = Duration.ofDays(365);

    private final OwnerSessions sessions;
    private final SessionCookie cookie;
    private final PageSettings settings;
    private final Arrival consentArrival;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "org.selfdata.server.templates");
    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
    private final Map<String, String> libraries = VendorLibraries.paths();

    /**
     * What answers a request for the consent page before it is shown, sign-in included: an address to send the request
     * back to, when its app is to be told what is wrong with it rather than the person.
     */
    @FunctionalInterface
    interface Arrival {
        Optional<URI> sentBack(Optional<String> query);
    }

    PageRoutes(OwnerSessions sessions, SessionCookie cookie, PageSettings settings, Arrival consentArrival) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.cookie = requireNonNull(cookie, "cookie is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.consentArrival = requireNonNull(consentArrival, "consentArrival is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        for (WebPage page : WebPage.values()) {
            routes.get(page.path(), ctx -> page(ctx, page), Access.PUBLIC);
        }
        routes.get("/assets/{file}", this::asset, Access.PUBLIC);
        routes.get("/vendor/{file}", this::library, Access.PUBLIC);
        routes.get("/language", this::switchLanguage, Access.PUBLIC);
    }

    private void page(Context ctx, WebPage page) {
        if (page == WebPage.CONSENT) {
            Optional<URI> back = consentArrival.sentBack(Optional.ofNullable(ctx.queryString()));
            if (back.isPresent()) {
                ctx.redirect(back.get().toString(), HttpStatus.SEE_OTHER);
                return;
            }
        }
        boolean signedIn = cookie.read(ctx).flatMap(sessions::find).isPresent();
        String address = Optional.ofNullable(ctx.queryString()).map(query -> page.path() + "?" + query).orElse(page.path());
        if (page.needsSession() && !signedIn) {
            ctx.redirect("/sign-in?next=" + URLEncoder.encode(address, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        if (page == WebPage.SIGN_IN && signedIn) {
            ctx.redirect(SafePaths.next(Optional.ofNullable(ctx.queryParam("next"))), HttpStatus.SEE_OTHER);
            return;
        }
        Language language = PageLanguage.chosen(ctx);
        PageView view = new PageView(page, language, Texts.load(language, page.pageName()), settings(ctx, page),
                SafePaths.next(Optional.of(address)));
        StringOutput output = new StringOutput();
        templates.render("page/" + page.pageName() + ".jte", view, output);
        settings.contentSecurityPolicy(page).ifPresent(policy -> ctx.header("Content-Security-Policy", policy));
        ctx.header("Content-Language", language.code());
        ctx.header("Vary", "Cookie, Accept-Language");
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }

    /**
     * The values a page's script reads from its markup. The sign-in page carries where to go once signed in, as
     * {@link SafePaths} vetted it: its script follows that and never reads its own address.
     */
    private Map<String, String> settings(Context ctx, WebPage page) {
        if (page == WebPage.SIGN_IN) {
            return signInSettings(ctx, PageLanguage.chosen(ctx));
        }
        return settings.of(page);
    }

    /**
     * The sign-in page's: where to go once signed in and, when the operator set a provider up, the way to sign in there
     * (which leads back to the same place) and why the last attempt there was refused, in the page's language.
     */
    private Map<String, String> signInSettings(Context ctx, Language language) {
        String next = SafePaths.next(Optional.ofNullable(ctx.queryParam("next")));
        Map<String, String> values = new java.util.HashMap<>(Map.of("next", next));
        settings.providerName().ifPresent(name -> {
            Words words = Words.of(language);
            values.put("provider-label", words.say(Wording.of("page.signIn.withProvider", name)));
            values.put("provider-start", OidcRoutes.START + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            Optional.ofNullable(ctx.queryParam("refused")).flatMap(OidcRoutes.Refusal::ofCode).ifPresent(refusal ->
                    values.put("refused", words.say(refusal.wording(name))));
        });
        return values;
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        if (!ASSET_NAME.matcher(file).matches()) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noFile"));
        }
        byte[] content = assets.computeIfAbsent(file, name -> ClasspathResources.find(ASSETS + name).orElse(null));
        if (content == null) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noFile"));
        }
        ctx.contentType(CONTENT_TYPES.get(file.substring(file.lastIndexOf('.') + 1))).result(content);
    }

    private void library(Context ctx) {
        String file = ctx.pathParam("file");
        String resource = libraries.get(file);
        if (resource == null) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noFile"));
        }
        byte[] content = assets.computeIfAbsent("vendor/" + file, name -> ClasspathResources.read(resource));
        ctx.contentType(CONTENT_TYPES.get(file.substring(file.lastIndexOf('.') + 1))).result(content);
    }

    /**
     * The language switch: a plain link, so that it works with a keyboard and without a script. It only sets a
     * preference, and leads back to a page of this site, never elsewhere.
     */
    private void switchLanguage(Context ctx) {
        Language language = Language.ofCode(Optional.ofNullable(ctx.queryParam("to")).orElse(""))
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.languageChoice")));
        ctx.cookie(new Cookie(PageLanguage.COOKIE, language.code(), "/", Math.toIntExact(LANGUAGE_KEPT.toSeconds()), false, true,
                null, SameSite.LAX));
        ctx.redirect(SafePaths.next(Optional.ofNullable(ctx.queryParam("back"))), HttpStatus.SEE_OTHER);
    }
}
