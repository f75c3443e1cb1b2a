package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization.Origin;
import org.selfdata.texts.Wording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static java.util.Objects.requireNonNull;

/**
 * The organizations a person can send requests to and the supervisory authorities they can complain to: the
 * directory shipped with selfdata (the organizations of the Datenanfragen.de company database that serve France or
 * every country, and Europe's supervisory authorities; see {@code directory-NOTICE.txt}), to which a person's own
 * organizations are added, in place of the directory's entry when they share its slug.
 *
 * <p>The shipped directory is read once, on its first use, and held in memory: about a thousand organizations, a few
 * hundred kilobytes. It is bounded all the same, so that a damaged resource fails at once rather than filling the heap.
 */
public final class Directory {
    /** The shipped directory, one organization's JSON a line, compressed, beside this class. */
    public static final String RESOURCE = "directory.jsonl.gz";
    /** The most organizations one search returns. */
    public static final int MAXIMUM_LIMIT = 100;
    /** The longest query: a name or a web address, never a text. */
    public static final int MAXIMUM_QUERY_LENGTH = 200;
    static final int MAXIMUM_ENTRIES = 20_000;
    static final int MAXIMUM_LINE_LENGTH = 64 * 1024;
    private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");
    private static final Comparator<Entry> BY_NAME = Comparator.comparing((Entry entry) -> entry.name)
            .thenComparing(entry -> entry.organization.slug());

    private final List<Entry> entries;
    private final Map<String, Entry> bySlug;

    private Directory(List<Organization> organizations) {
        List<Entry> sorted = new ArrayList<>(organizations.stream().map(Entry::new).toList());
        sorted.sort(BY_NAME);
        this.entries = List.copyOf(sorted);
        Map<String, Entry> slugs = new LinkedHashMap<>();
        for (Entry entry : sorted) {
            slugs.put(entry.organization.slug(), entry);
        }
        this.bySlug = Map.copyOf(slugs);
    }

    /** The directory shipped with selfdata, read on the first call. */
    public static Directory shipped() {
        return Shipped.DIRECTORY;
    }

    /** A directory of exactly these organizations, for an operator's own list or a test. */
    public static Directory of(List<Organization> organizations) {
        return new Directory(unique(organizations));
    }

    /**
     * This directory with a person's own organizations: each replaces the directory's entry of the same slug (their
     * correction) or is added (an organization the directory lacks).
     */
    public Directory withPersonEntries(List<Organization> personEntries) {
        Map<String, Organization> combined = new LinkedHashMap<>();
        entries.forEach(entry -> combined.put(entry.organization.slug(), entry.organization));
        personEntries.forEach(organization -> combined.put(organization.slug(), organization));
        return new Directory(List.copyOf(combined.values()));
    }

    /**
     * The organizations whose name, slug, brands or web host match the query, whatever the case and accents, best
     * first: the exact name, then names that start with the query, then a word that does, then the query anywhere.
     * An empty query lists the organizations by name.
     *
     * @param category only the organizations of this directory category, when given
     * @param limit how many at most, from 1 to {@link #MAXIMUM_LIMIT}
     */
    public List<Organization> search(String query, Optional<String> category, int limit) {
        requireNonNull(query, "query is null");
        requireNonNull(category, "category is null");
        if (query.length() > MAXIMUM_QUERY_LENGTH) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.rights.directory.query",
                    MAXIMUM_QUERY_LENGTH));
        }
        if (limit < 1 || limit > MAXIMUM_LIMIT) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.directory.limit",
                    MAXIMUM_LIMIT));
        }
        String normalized = SearchText.normalized(query);
        String wanted = SearchText.host(normalized).filter(host -> normalized.startsWith("http")).orElse(normalized);
        return entries.stream()
                .filter(entry -> category.map(entry.organization.categories()::contains).orElse(true))
                .map(entry -> new Ranked(entry, entry.rank(wanted)))
                .filter(ranked -> ranked.rank < Entry.NO_MATCH)
                .sorted(Comparator.comparingInt(Ranked::rank).thenComparing(Ranked::entry, BY_NAME))
                .limit(limit)
                .map(ranked -> ranked.entry.organization)
                .toList();
    }

    /** The organization of this slug. */
    public Optional<Organization> find(String slug) {
        requireNonNull(slug, "slug is null");
        return Optional.ofNullable(bySlug.get(slug)).map(entry -> entry.organization);
    }

    /** Every category an organization of the directory is in, in alphabetical order. */
    public List<String> categories() {
        TreeSet<String> categories = new TreeSet<>();
        entries.forEach(entry -> categories.addAll(entry.organization.categories()));
        return List.copyOf(categories);
    }

    /** The supervisory authorities, by name. */
    public List<Organization> authorities() {
        return entries.stream().map(entry -> entry.organization).filter(Organization::authority).toList();
    }

    /**
     * The one supervisory authority of a country, given by its ISO 3166-1 alpha-2 code: the CNIL for "fr". Empty when
     * the directory knows none, or several, as in Germany, where the authority depends on the region and the sector.
     */
    public Optional<Organization> competentAuthority(String countryCode) {
        requireNonNull(countryCode, "countryCode is null");
        String country = countryCode.toLowerCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.directory.country"));
        }
        List<Organization> serving = authorities().stream()
                .filter(authority -> authority.countries().contains(country)).toList();
        return serving.size() == 1 ? Optional.of(serving.getFirst()) : Optional.empty();
    }

    /**
     * The directory's organization for something already known by name: a source in the vault ("SNCF Connect") or a
     * registered recipient. The web host, when known, decides first (the organization of that host or of a domain it
     * belongs to); then the name, matched whole to a name, a brand or a slug, ignoring case, accents, punctuation and
     * a trailing legal form. Nothing looser, and nothing ambiguous (a brand two organizations claim decides nothing):
     * a wrong organization would send a person's request to a stranger.
     */
    public Optional<Organization> bestMatch(String name, Optional<String> webHost) {
        requireNonNull(name, "name is null");
        requireNonNull(webHost, "webHost is null");
        Optional<Organization> byHost = webHost.flatMap(SearchText::host).flatMap(this::byHost);
        if (byHost.isPresent()) {
            return byHost;
        }
        String key = SearchText.nameKey(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Stream.<Optional<Entry>>of(
                        only(entry -> entry.nameKey.equals(key)),
                        only(entry -> entry.brandKeys.contains(key)),
                        only(entry -> entry.slugKey.equals(key)))
                .flatMap(Optional::stream).findFirst().map(entry -> entry.organization);
    }

    /** The organization of this host, else of the nearest domain it belongs to ("mobile.free.fr" is "free.fr"). */
    private Optional<Organization> byHost(String host) {
        for (String domain = host; domain.contains("."); domain = domain.substring(domain.indexOf('.') + 1)) {
            String wanted = domain;
            Optional<Entry> found = only(entry -> entry.host.filter(wanted::equals).isPresent());
            if (found.isPresent()) {
                return found.map(entry -> entry.organization);
            }
        }
        return Optional.empty();
    }

    /** The one entry that matches, counting only the person's own when some of theirs match; empty when several do. */
    private Optional<Entry> only(Predicate<Entry> matches) {
        List<Entry> matching = entries.stream().filter(matches).toList();
        List<Entry> personal = matching.stream().filter(entry -> entry.organization.origin() == Origin.PERSON).toList();
        List<Entry> candidates = personal.isEmpty() ? matching : personal;
        return candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    private static List<Organization> unique(List<Organization> organizations) {
        Map<String, Organization> bySlug = new LinkedHashMap<>();
        for (Organization organization : organizations) {
            if (bySlug.put(organization.slug(), organization) != null) {
                throw new IllegalArgumentException("two organizations have the slug " + organization.slug());
            }
        }
        return List.copyOf(bySlug.values());
    }

    /** Reads the shipped directory from the class path, refusing a resource beyond the bounds. */
    static List<Organization> read(InputStream compressed) throws IOException {
        List<Organization> organizations = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(compressed),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.length() > MAXIMUM_LINE_LENGTH || organizations.size() == MAXIMUM_ENTRIES) {
                    throw new IOException("the directory resource is larger than a directory can be");
                }
                organizations.add(OrganizationJson.read(line, Origin.DIRECTORY));
            }
        }
        return organizations;
    }

    private record Ranked(Entry entry, int rank) {}

    /** An organization with the forms of its name, brands and host that searches compare. */
    private static final class Entry {
        static final int EXACT = 0;
        static final int PREFIX = 1;
        static final int WORD_PREFIX = 2;
        static final int CONTAINS = 3;
        static final int NO_MATCH = 4;

        final Organization organization;
        final String name;
        final String nameKey;
        final String slugKey;
        final List<String> brandKeys;
        final Optional<String> host;
        final List<String> searched;

        Entry(Organization organization) {
            this.organization = organization;
            this.name = SearchText.normalized(organization.name());
            this.nameKey = SearchText.nameKey(organization.name());
            this.slugKey = organization.slug().replace('-', ' ');
            this.brandKeys = organization.runs().stream().map(SearchText::nameKey).toList();
            this.host = organization.web().flatMap(SearchText::host);
            List<String> texts = new ArrayList<>();
            texts.add(name);
            texts.add(organization.slug());
            organization.runs().stream().map(SearchText::normalized).forEach(texts::add);
            host.ifPresent(texts::add);
            this.searched = List.copyOf(texts);
        }

        int rank(String query) {
            if (query.isEmpty()) {
                return EXACT;
            }
            int best = NO_MATCH;
            for (String text : searched) {
                best = Math.min(best, rank(text, query));
            }
            return best;
        }

        private static int rank(String text, String query) {
            if (text.equals(query)) {
                return EXACT;
            }
            if (text.startsWith(query)) {
                return PREFIX;
            }
            if (SearchText.startsAWord(text, query)) {
                return WORD_PREFIX;
            }
            return text.contains(query) ? CONTAINS : NO_MATCH;
        }
    }

    /** The shipped directory, read when first asked for: the class loader runs this once, whatever the threads. */
    private static final class Shipped {
        static final Directory DIRECTORY = load();

        private static Directory load() {
            try (InputStream compressed = Directory.class.getResourceAsStream(RESOURCE)) {
                if (compressed == null) {
                    throw new SelfdataException(ErrorCode.INTERNAL, "the directory of organizations " + RESOURCE
                            + " is missing from selfdata's class path");
                }
                return new Directory(unique(read(compressed)));
            }
            catch (IOException | SelfdataException | IllegalArgumentException e) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the directory of organizations " + RESOURCE
                        + " in selfdata's class path cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
