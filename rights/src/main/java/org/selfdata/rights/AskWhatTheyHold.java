package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Ask them what they hold: an access request (art. 15) drafted in one call to the organization behind a source of the
 * vault, or behind a recipient registered with selfdata, about what selfdata already holds from it or gave it.
 *
 * <p>The organization is the directory's when {@link Directory#bestMatch} finds it without doubt. Otherwise the request
 * is drafted to an organization made from the source's name, or from the recipient's registration, which the person
 * completes with an address (under the slug the request names) before it goes out: a name alone is not enough to
 * reach anyone, and a guess could send the person's request to a stranger.
 */
public final class AskWhatTheyHold {
    private final RightsDesk desk;
    private final Vault vault;

    public AskWhatTheyHold(RightsDesk desk, Vault vault) {
        this.desk = requireNonNull(desk, "desk is null");
        this.vault = requireNonNull(vault, "vault is null");
    }

    /** The access request to the organization a source of the person's vault came from. */
    public RightsDesk.RequestView fromSource(PersonId person, SourceId sourceId, Language language) {
        requireNonNull(person, "person is null");
        VaultStatus status = vault.status(person);
        Source source = status.sources().stream().filter(candidate -> candidate.id().equals(sourceId)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.rights.ask.noSource", sourceId.value())));
        Directory directory = desk.directory(person);
        Organization organization = directory.bestMatch(source.organization(), Optional.empty())
                .orElseGet(() -> unaddressed(directory, source.organization(), Optional.empty(), Optional.empty()));
        Language written = Letters.languageFor(organization, language);
        List<VaultStatus.Coverage> coverage = status.coverage().stream()
                .filter(covered -> covered.source().equals(sourceId)).toList();
        return draft(person, organization, aboutSource(Words.of(written), source, coverage,
                vault.people().get(person).zone()), language);
    }

    /** The access request to the organization behind a recipient registered with selfdata. */
    public RightsDesk.RequestView fromRecipient(PersonId person, RecipientId recipientId, Language language) {
        requireNonNull(person, "person is null");
        Recipient recipient = vault.recipients().find(recipientId).orElseThrow(() -> new SelfdataException(
                ErrorCode.NOT_FOUND, Wording.of("error.rights.ask.noRecipient", recipientId.value())));
        Directory directory = desk.directory(person);
        Optional<String> host = recipient.redirectUris().stream().map(URI::getHost)
                .filter(name -> !name.equals("localhost") && !name.startsWith("127.") && !name.startsWith("["))
                .findFirst();
        Organization organization = directory.bestMatch(recipient.identity().legalName(), host)
                .or(() -> directory.bestMatch(recipient.identity().name(), Optional.empty()))
                .orElseGet(() -> unaddressed(directory, recipient.identity().legalName(),
                        recipient.identity().dataProtectionOfficer().filter(AskWhatTheyHold::isEmail)
                                .or(() -> Optional.of(recipient.identity().contact()).filter(AskWhatTheyHold::isEmail)),
                        host.map(name -> "https://" + name)));
        Language written = Letters.languageFor(organization, language);
        return draft(person, organization, Words.of(written).say(Wording.of("rights.ask.aboutRecipient",
                recipient.identity().name())), language);
    }

    private RightsDesk.RequestView draft(PersonId person, Organization organization, String about, Language language) {
        return desk.draftTo(person, organization, Right.ACCESS, Optional.of(about),
                RightsDesk.preferredChannel(organization).orElse(Organization.Channel.LETTER), language);
    }

    /** An organization known by name, and an e-mail address when its registration gave one, not in the directory. */
    private static Organization unaddressed(Directory directory, String name, Optional<String> email,
            Optional<String> web) {
        return new Organization(ChangeEverywhere.proposedSlug(directory, name), name, Optional.empty(), email,
                Optional.empty(), Optional.empty(), web, Optional.empty(), List.of(), List.of(), List.of(), false,
                Optional.empty(), Optional.empty(), false, Organization.Origin.PERSON);
    }

    /** "the data of mine that selfdata holds from {source}: 12 records (bank transactions), from … to …". */
    private static String aboutSource(Words words, Source source, List<VaultStatus.Coverage> coverage, ZoneId zone) {
        long records = coverage.stream().mapToLong(covered -> covered.totals().records()).sum();
        String kinds = String.join(", ", coverage.stream().map(VaultStatus.Coverage::type).distinct()
                .sorted(Comparator.naturalOrder()).map(type -> inSentence(words.say(kind(type)))).toList());
        Optional<Instant> first = coverage.stream().flatMap(covered -> covered.totals().span().stream())
                .map(TimeSpan::start).min(Comparator.naturalOrder());
        // A span ends at the instant after its last moment: a day's records end at the next midnight.
        Optional<Instant> last = coverage.stream().flatMap(covered -> covered.totals().span().stream())
                .map(span -> span.end().isAfter(span.start()) ? span.end().minusMillis(1) : span.end())
                .max(Comparator.naturalOrder());
        Wording period = first.isPresent() && last.isPresent()
                ? Wording.of("rights.ask.period", date(first.orElseThrow(), zone), date(last.orElseThrow(), zone))
                : Wording.of("rights.ask.noPeriod");
        return words.say(Wording.of("rights.ask.aboutSource", source.organization(), records, kinds, period));
    }

    /** The type's name as the vault's vocabulary gives it ("Bank transactions"). */
    private static Wording kind(RecordType type) {
        String key = "record.type." + type.id();
        return Wording.of(key);
    }

    /** A name that heads a line, inside a sentence: "Bank transactions" is "bank transactions". */
    private static String inSentence(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + name.substring(1);
    }

    private static Wording date(Instant instant, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        String month = "rights.month." + day.getMonthValue();
        return Wording.of("rights.ask.date", day.getDayOfMonth(), Wording.of(month),
                String.valueOf(day.getYear()));
    }

    private static boolean isEmail(String text) {
        return PersonOrganizations.isEmailAddress(text.strip());
    }

}
