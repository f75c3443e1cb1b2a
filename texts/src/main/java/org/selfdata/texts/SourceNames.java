package org.selfdata.texts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a person's sources in their language.
 *
 * <p>Importers name a source by its organization and a label, stored as they were written: terms of selfdata's own
 * vocabulary ({@code Location History}, {@code account ••7360}, {@code Address book}) or words taken from the file (a
 * bank's name, a calendar's title). The stored form stays the same in every language, since it tells sources apart;
 * this class says the vocabulary's terms in the reader's language and leaves the file's own words as they are.
 */
public final class SourceNames {
    private static final Map<String, String> TERMS = Map.ofEntries(
            Map.entry("Address book", "source.organization.addressBook"),
            Map.entry("Calendar", "source.organization.calendar"),
            Map.entry("QIF export", "source.organization.qifExport"),
            Map.entry("CSV file", "source.organization.csvFile"),
            Map.entry("OFX bank", "source.organization.ofxBank"),
            Map.entry("vCard contacts", "source.label.vcardContacts"),
            Map.entry("Location History", "source.label.locationHistory"),
            Map.entry("Semantic Location History", "source.label.semanticLocationHistory"),
            Map.entry("Timeline", "source.label.timeline"),
            Map.entry("Energy usage download", "source.label.energyUsageDownload"),
            Map.entry("Download your information", "source.label.downloadYourInformation"),
            Map.entry("GPX file", "source.label.gpxFile"),
            Map.entry("CSV export", "source.label.csvExport"),
            Map.entry("all accounts", "source.label.allAccounts"),
            Map.entry("account not named in the file", "source.label.accountNotNamed"),
            Map.entry("Linky meter", "source.label.linkyMeterUnknown"));

    /** Terms that carry a part of their own (a masked number, a bank's id), in the order they are tried. */
    private static final List<Map.Entry<Pattern, String>> PATTERNS = List.of(
            Map.entry(Pattern.compile("account with no number at bank (\\S+), branch (.+)"),
                    "source.label.accountWithoutNumberAtBranch"),
            Map.entry(Pattern.compile("account with no number at bank (.+)"), "source.label.accountWithoutNumber"),
            Map.entry(Pattern.compile("account (.+)"), "source.label.account"),
            Map.entry(Pattern.compile("Linky meter (.+)"), "source.label.linkyMeter"),
            Map.entry(Pattern.compile("Bank (.+)"), "source.organization.bank"));

    private SourceNames() {}

    /** A source's organization or label as the reader's language says it. */
    public static String say(Language language, String stored) {
        return wording(stored).map(Words.of(language)::say).orElse(stored);
    }

    /** The wording of a stored name that is a term of the vocabulary; none for the file's own words. */
    static Optional<Wording> wording(String stored) {
        Optional<String> term = Optional.ofNullable(TERMS.get(stored));
        if (term.isPresent()) {
            return term.map(Wording::of);
        }
        for (Map.Entry<Pattern, String> pattern : PATTERNS) {
            Matcher matcher = pattern.getKey().matcher(stored);
            if (matcher.matches()) {
                Object[] parts = new Object[matcher.groupCount()];
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    parts[group - 1] = matcher.group(group);
                }
                return Optional.of(Wording.of(pattern.getValue(), parts));
            }
        }
        return Optional.empty();
    }
}
