package org.selfdata.rights;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.gate.SearchWords;
import org.selfdata.gate.SearchableText;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.vault.Vault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * One change, everywhere: the organizations that hold the old value of a detail that changed (an address after a
 * move, an e-mail address, a phone number, a name), and the rectification (art. 16) to each the person chooses, in
 * one action.
 *
 * <p>An organization holds the value when records of the person's vault that came from it hold it (searched through
 * the gate, as the owner, so that the search is on the person's log), or when one of the person's requests gave it the
 * value. A source is the directory's organization when {@link Directory#bestMatch} says so without doubt; otherwise it
 * is offered as an organization to add, which nothing is sent to until the person gives its address.
 *
 * <p>The action goes to each organization on its own: one that fails is reported with its reason and the others go on.
 * It can be repeated safely: a rectification of the same change already sent to an organization is reported as such
 * and not sent again, and one left drafted is taken up again rather than drafted twice.
 */
public final class ChangeEverywhere {
    /** The most organizations one action writes to. */
    public static final int MAXIMUM_ORGANIZATIONS = 100;
    private static final int MAXIMUM_PROPOSED_SLUG = 60;

    private final RightsDesk desk;
    private final Vault vault;
    private final Gate gate;

    public ChangeEverywhere(RightsDesk desk, Vault vault, Gate gate) {
        this.desk = requireNonNull(desk, "desk is null");
        this.vault = requireNonNull(vault, "vault is null");
        this.gate = requireNonNull(gate, "gate is null");
    }

    /**
     * What the person asks: the change, the organizations (by slug) to send it to, how it travels when not by the
     * organization's own preference, and whether an e-mail goes out at once from the person's mailbox.
     */
    public record Action(ChangeOfDetail change, List<String> organizations, Optional<Organization.Channel> channel,
            boolean send, Language language) {
        public Action {
            requireNonNull(change, "change is null");
            organizations = List.copyOf(organizations);
            requireNonNull(channel, "channel is null");
            requireNonNull(language, "language is null");
        }
    }

    /** The organizations that hold this old value, by name, each with what shows it. */
    public List<Holder> holders(PersonId person, PersonalDetail detail, String oldValue) {
        requireNonNull(person, "person is null");
        HeldValue held = new HeldValue(detail, oldValue);
        Directory directory = desk.directory(person);
        Map<String, Gathering> holders = new LinkedHashMap<>();
        Map<SourceId, Source> sources = new LinkedHashMap<>();
        vault.imports().sources(person).forEach(source -> sources.put(source.id(), source));
        recordsHolding(person, held).forEach((sourceId, tally) -> {
            Source source = sources.get(sourceId);
            Optional<Organization> known = directory.bestMatch(source.organization(), Optional.empty());
            holders.computeIfAbsent(known.map(Organization::slug)
                            .orElseGet(() -> proposedSlug(directory, source.organization())),
                    slug -> new Gathering(known, source.organization())).evidence
                    .add(new Holder.Evidence.InRecords(sourceId, source.organization(), tally.count, tally.kinds));
        });
        Optional<Sender> sender = desk.settings().sender(person);
        for (RightsDesk.RequestView view : desk.overview(person).reversed()) {
            if (gaveIt(person, view.timeline(), held, sender)) {
                RightsRequest request = view.timeline().request();
                holders.computeIfAbsent(request.organization().slug(), slug -> new Gathering(directory.find(slug),
                        request.organization().name())).evidence
                        .add(new Holder.Evidence.InRequest(request.id(), request.reference(), request.right()));
            }
        }
        return holders.entrySet().stream().map(entry -> entry.getValue().holder(entry.getKey()))
                .sorted(Comparator.comparing(Holder::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Holder::slug))
                .toList();
    }

    /** Drafts, and sends where it can, the rectification to each organization chosen; one status each, in order. */
    public List<ChangeDelivery> send(PersonId person, Action action) {
        requireNonNull(person, "person is null");
        requireNonNull(action, "action is null");
        if (action.organizations().isEmpty() || action.organizations().size() > MAXIMUM_ORGANIZATIONS) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.change.organizations",
                    MAXIMUM_ORGANIZATIONS));
        }
        Directory directory = desk.directory(person);
        List<RightsDesk.RequestView> earlier = desk.overview(person);
        List<ChangeDelivery> deliveries = new ArrayList<>();
        for (String slug : action.organizations().stream().distinct().toList()) {
            deliveries.add(deliver(person, action, slug, directory.find(slug), earlier));
        }
        return deliveries;
    }

    private ChangeDelivery deliver(PersonId person, Action action, String slug, Optional<Organization> found,
            List<RightsDesk.RequestView> earlier) {
        Optional<Timeline> before = earlier.stream().map(RightsDesk.RequestView::timeline)
                .filter(timeline -> sameChange(person, timeline, slug, action.change())).findFirst();
        if (before.isPresent() && before.orElseThrow().status() != RequestStatus.DRAFT) {
            return new ChangeDelivery(slug, ChangeStatus.ALREADY_SENT, Optional.of(before.orElseThrow().request()),
                    Optional.empty());
        }
        if (found.isEmpty()) {
            return new ChangeDelivery(slug, ChangeStatus.NO_ADDRESS, Optional.empty(),
                    Optional.of(Wording.of("error.rights.change.notInDirectory")));
        }
        Organization organization = found.orElseThrow();
        Optional<Organization.Channel> channel = before.map(timeline -> timeline.request().channel())
                .or(() -> channel(organization, action.channel()));
        if (channel.isEmpty()) {
            return new ChangeDelivery(slug, ChangeStatus.NO_ADDRESS, Optional.empty(), Optional.of(
                    action.channel().map(wanted -> Wording.of("error.rights.desk.noAddress", organization.name(),
                            Wording.of(RightsDesk.channelKey(wanted))))
                            .orElseGet(() -> Wording.of("error.rights.change.noAddress", organization.name()))));
        }
        Optional<RightsRequest> drafted = before.map(Timeline::request);
        try {
            if (drafted.isEmpty()) {
                drafted = Optional.of(desk.draftRectification(person, slug, action.change(), channel.orElseThrow(),
                        action.language()).timeline().request());
            }
            if (action.send() && channel.orElseThrow() == Organization.Channel.EMAIL
                    && desk.settings().mailAccount(person).isPresent()) {
                desk.sendByEmail(person, drafted.orElseThrow().id());
                return new ChangeDelivery(slug, ChangeStatus.SENT, drafted, Optional.empty());
            }
            desk.letter(person, drafted.orElseThrow().id());
            return new ChangeDelivery(slug, ChangeStatus.DRAFTED, drafted, Optional.empty());
        }
        catch (SelfdataException failure) {
            return new ChangeDelivery(slug, ChangeStatus.FAILED, drafted, Optional.of(failure.wording()
                    .orElseGet(() -> Wording.of(SelfdataException.codeKey(failure.code())))));
        }
    }

    /** Whether a request is the rectification of this very change to this organization. */
    private boolean sameChange(PersonId person, Timeline timeline, String slug, ChangeOfDetail change) {
        RightsRequest request = timeline.request();
        return request.right() == Right.RECTIFICATION && request.organization().slug().equals(slug)
                && desk.settings().change(person, request.id()).filter(kept -> kept.detail() == change.detail()
                        && HeldValue.same(change.detail(), kept.oldValue(), change.oldValue())
                        && HeldValue.same(change.detail(), kept.newValue(), change.newValue())).isPresent();
    }

    /** The channel asked for when the organization can be reached by it; else its own preference, else the first. */
    private static Optional<Organization.Channel> channel(Organization organization,
            Optional<Organization.Channel> wanted) {
        if (wanted.isPresent()) {
            return wanted.filter(channel -> RightsDesk.reachable(organization, channel));
        }
        return RightsDesk.preferredChannel(organization);
    }

    /** The records holding the value, counted by source with their kinds; the gate logs the search. */
    private Map<SourceId, Tally> recordsHolding(PersonId person, HeldValue held) {
        Map<SourceId, Tally> tallies = new TreeMap<>();
        Set<RecordId> seen = new HashSet<>();
        for (SearchWords words : held.searches()) {
            try (Stream<StoredRecord> found = gate.search(new Accessor.Owner(person), RecordQuery.all(), words)) {
                found.filter(record -> !seen.contains(record.id()))
                        .filter(record -> held.foundIn(SearchableText.of(record.payload())))
                        .forEach(record -> {
                            seen.add(record.id());
                            tallies.computeIfAbsent(record.provenance().source(), source -> new Tally())
                                    .add(record.type());
                        });
            }
        }
        return tallies;
    }

    /**
     * Whether a request that went out gave the organization the value: among the values identifying the person, or in
     * the sender's details its letter carried, as long as the person has not changed them yet.
     */
    private boolean gaveIt(PersonId person, Timeline timeline, HeldValue held, Optional<Sender> sender) {
        if (timeline.status() == RequestStatus.DRAFT) {
            return false;
        }
        Optional<String> identified = Optional.ofNullable(
                desk.settings().identity(person, timeline.request().id()).get(held.detail().kind()));
        if (identified.filter(held::foundIn).isPresent()) {
            return true;
        }
        Optional<String> given = sender.flatMap(signed -> switch (held.detail()) {
            case NAME -> Optional.of(signed.name());
            case ADDRESS -> signed.postalAddress();
            case EMAIL -> signed.email();
            case PHONE -> Optional.<String>empty();
        });
        return given.filter(held::foundIn).isPresent();
    }

    /**
     * The slug an organization known only by name would be added under: "Mutuelle Générale" is "mutuelle-generale",
     * never the slug of another organization of the directory, which the action would otherwise write to.
     */
    static String proposedSlug(Directory directory, String name) {
        String slug = HeldValue.folded(name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String bounded = slug.length() > MAXIMUM_PROPOSED_SLUG ? slug.substring(0, MAXIMUM_PROPOSED_SLUG)
                .replaceAll("-+$", "") : slug;
        String base = bounded.isEmpty() ? "organization" : bounded;
        String proposed = base;
        for (int suffix = 2; directory.find(proposed).isPresent(); suffix++) {
            proposed = base + "-" + suffix;
        }
        return proposed;
    }

    private static final class Tally {
        private int count;
        private final Set<RecordType> kinds = EnumSet.noneOf(RecordType.class);

        void add(RecordType type) {
            count++;
            kinds.add(type);
        }
    }

    /** An organization's evidence as it is gathered, from its records and then from its requests. */
    private static final class Gathering {
        private final Optional<Organization> known;
        private final String name;
        private final List<Holder.Evidence> evidence = new ArrayList<>();

        Gathering(Optional<Organization> known, String name) {
            this.known = known;
            this.name = name;
        }

        Holder holder(String slug) {
            List<Organization.Channel> channels = known.map(RightsDesk::channels).orElse(List.of());
            return new Holder(slug, known.map(Organization::name).orElse(name), known.isPresent(), channels, evidence);
        }
    }
}
