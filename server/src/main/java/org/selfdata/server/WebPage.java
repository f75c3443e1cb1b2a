package org.selfdata.server;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The pages of the web interface, in the order of the navigation. Each has a template ({@code page/NAME.jte}), words
 * ({@code text/LANGUAGE/NAME.properties}), a script of its own ({@code /assets/NAME.js}), and the front-end libraries it
 * needs from their WebJars; a page loads those and nothing else. Pages that show records or grant terms also load the
 * one script that writes them in words ({@code records.js}, {@code terms.js}), so that every page says them alike;
 * pages telling what a recipient could work out load the one that says it ({@code reveal-grants.js}), and pages
 * listing organizations that hold data about the person load the one that asks them what they hold
 * ({@code rights-ask.js}); pages showing places load the one map ({@code map.js}). A page's part with a domain of its
 * own has a script of its own, such as the auditors of the log on the activity page ({@code activity-auditors.js}) or
 * care and its reimbursements on the money page ({@code money-health.js}).
 */
public enum WebPage {
    OVERVIEW("/", "overview", List.of()),
    IMPORT("/import", "import", List.of()),
    EXPLORE("/explore", "explore", List.of("uplot.css", "uplot.js")),
    MONEY("/money", "money", List.of("uplot.css", "uplot.js")),
    PLACES("/places", "places", List.of("leaflet.css", "leaflet.js")),
    ENERGY("/energy", "energy", List.of("uplot.css", "uplot.js")),
    CARBON("/carbon", "carbon", List.of()),
    ACROSS("/across", "across", List.of()),
    REVEAL("/reveal", "reveal", List.of("leaflet.css", "leaflet.js")),
    SHARING("/sharing", "sharing", List.of()),
    ACTIVITY("/activity", "activity", List.of()),
    RIGHTS("/rights", "rights", List.of()),
    ACCOUNT("/account", "account", List.of()),
    CONSENT("/oauth/authorize", "consent", List.of()),
    SIGN_IN("/sign-in", "sign-in", List.of());

    private static final Set<WebPage> SHOWING_RECORDS = EnumSet.of(EXPLORE, SHARING, CONSENT);
    private static final Set<WebPage> SHOWING_TERMS = EnumSet.of(SHARING, CONSENT);
    /** The pages showing places on a map, which share its script and, when the operator set them, its tiles. */
    private static final Set<WebPage> SHOWING_MAPS = EnumSet.of(PLACES, REVEAL);
    private static final Set<WebPage> SHOWING_INFERENCES = EnumSet.of(SHARING, CONSENT, REVEAL);
    /** The pages listing organizations that hold data about the person: its sources, the recipients it registered. */
    private static final Set<WebPage> ASKING_ORGANIZATIONS = EnumSet.of(IMPORT, SHARING);

    private final String path;
    private final String name;
    private final List<String> libraries;

    WebPage(String path, String name, List<String> libraries) {
        this.path = path;
        this.name = name;
        this.libraries = libraries;
    }

    public String path() {
        return path;
    }

    /** The page's name in file names and text keys, such as {@code money}. */
    public String pageName() {
        return name;
    }

    /** The style sheets among the page's libraries, as served under {@code /vendor/}. */
    public List<String> styles() {
        return libraries.stream().filter(library -> library.endsWith(".css")).toList();
    }

    /** The scripts among the page's libraries, as served under {@code /vendor/}. */
    public List<String> libraryScripts() {
        return libraries.stream().filter(library -> library.endsWith(".js")).toList();
    }

    /** The scripts of selfdata's own that the page shares with others, as served under {@code /assets/}. */
    public List<String> sharedScripts() {
        List<String> scripts = new ArrayList<>();
        if (SHOWING_RECORDS.contains(this)) {
            scripts.add("records.js");
        }
        if (SHOWING_TERMS.contains(this)) {
            scripts.add("terms.js");
        }
        if (SHOWING_INFERENCES.contains(this)) {
            scripts.add("reveal-grants.js");
        }
        if (SHOWING_MAPS.contains(this)) {
            scripts.add("map.js");
        }
        if (this == IMPORT) {
            scripts.add("import-mapping.js");
        }
        if (this == ACTIVITY) {
            scripts.add("activity-auditors.js");
        }
        if (this == MONEY) {
            scripts.add("money-health.js");
        }
        if (ASKING_ORGANIZATIONS.contains(this)) {
            scripts.add("rights-ask.js");
        }
        if (this == RIGHTS) {
            scripts.add("rights-change.js");
            scripts.add("rights-identity.js");
            scripts.add("rights-reminders.js");
            scripts.add("rights-organizations.js");
        }
        return scripts;
    }

    /** The pages the navigation lists: all but the sign-in page and the consent page, which a recipient leads to. */
    public static List<WebPage> navigation() {
        return List.of(OVERVIEW, IMPORT, EXPLORE, MONEY, PLACES, ENERGY, CARBON, ACROSS, REVEAL, SHARING, ACTIVITY, RIGHTS,
                ACCOUNT);
    }

    /** Whether the page shows the vault, so needs a session, or is the sign-in page itself. */
    public boolean needsSession() {
        return this != SIGN_IN;
    }

    /** Whether the page shows places on a map, so loads the map's tiles when the operator set a tile server. */
    public boolean showsMap() {
        return SHOWING_MAPS.contains(this);
    }
}
