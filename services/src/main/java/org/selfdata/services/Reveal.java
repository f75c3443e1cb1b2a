package org.selfdata.services;

import com.uber.h3core.H3Core;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Contact;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What a person's data reveals about them, worked out on their own data in one pass through the gate per source, as
 * the owner: from their locations, where they live, work or study, the places they go to regularly, their weekly
 * routine, their periods away and the towns they stay in; from their bank transactions, where they shop and eat, where
 * their income comes from, their health spending and the payees that may reveal a special category of data; from their
 * calendar and address book, the rhythm of their week, their regular appointments and whom they keep. Each conclusion
 * says how sure it is and what it rests on.
 *
 * <p>The same conclusions are drawn through a {@link RevealLens.Received} lens from the records as a recipient would
 * receive them, so that the person sees, before they share, what the recipient could work out at that precision.
 * Nothing of it leaves the vault: the answer goes to the person alone. What the person said of the places found (a
 * name, a confirmation, a place marked wrong) is kept by {@link RevealCorrections} and applied to what is found.
 */
public final class Reveal {
    private static final Set<RecordType> LOCATION_TYPES = Set.of(RecordType.GEO_POINT, RecordType.GEO_VISIT);
    private static final Set<RecordType> MONEY_TYPES = Set.of(RecordType.BANK_TRANSACTION);
    private static final Set<RecordType> AGENDA_TYPES = Set.of(RecordType.CALENDAR_EVENT, RecordType.CONTACT);

    private final Gate gate;
    private final RevealCorrections corrections;
    private final RevealSettings settings;
    private final RevealMoneySettings moneySettings;
    private final RevealAgendaSettings agendaSettings;
    private final H3Core h3;
    private final LocationCache locationCache;

    public Reveal(Gate gate, RevealCorrections corrections) {
        this(gate, corrections, RevealSettings.STANDARD);
    }

    /** Reads the person's own locations through a cache the other services that read them all share. */
    public Reveal(Gate gate, RevealCorrections corrections, LocationCache locationCache) {
        this(gate, corrections, RevealSettings.STANDARD, RevealMoneySettings.STANDARD, RevealAgendaSettings.STANDARD,
                locationCache);
    }

    public Reveal(Gate gate, RevealCorrections corrections, RevealSettings settings) {
        this(gate, corrections, settings, RevealMoneySettings.STANDARD, RevealAgendaSettings.STANDARD);
    }

    public Reveal(Gate gate, RevealCorrections corrections, RevealSettings settings,
            RevealMoneySettings moneySettings, RevealAgendaSettings agendaSettings) {
        this(gate, corrections, settings, moneySettings, agendaSettings, new LocationCache(gate));
    }

    private Reveal(Gate gate, RevealCorrections corrections, RevealSettings settings,
            RevealMoneySettings moneySettings, RevealAgendaSettings agendaSettings, LocationCache locationCache) {
        this.gate = requireNonNull(gate, "gate is null");
        this.corrections = requireNonNull(corrections, "corrections is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.moneySettings = requireNonNull(moneySettings, "moneySettings is null");
        this.agendaSettings = requireNonNull(agendaSettings, "agendaSettings is null");
        this.locationCache = requireNonNull(locationCache, "locationCache is null");
        try {
            h3 = H3Core.newInstance();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the H3 library could not be loaded", e);
        }
    }

    /**
     * What the person's locations reveal through the lens, their days and nights told in their zone. Through their own
     * exact records, the person's corrections of places apply ({@link RevealCorrected}); through a recipient's lens they
     * do not, since the recipient would not know them: it would conclude what the records say.
     */
    public RevealedLocations locations(PersonId person, ZoneId zone, RevealLens lens) {
        return seen(person, zone, lens, true).locations();
    }

    /**
     * What the locations reveal through the lens, with the area most nights fall in when only areas are told, or none
     * of it when the lens's recipient receives no locations at all. The owner's own look at all their locations is
     * logged as a read, unless {@code logged} is false: a look shown only beside what a recipient would receive, which
     * nothing of leaves the vault.
     */
    Seen seen(PersonId person, ZoneId zone, RevealLens lens, boolean logged) {
        return seen(person, zone, lens, logged, LOCATION_TYPES, record -> { });
    }

    /**
     * What the person's own exact locations reveal, the same records, and the trips their source recorded, given to
     * {@code also} as they are read: for a service that needs them too, so that they are read once.
     */
    RevealedLocations locations(PersonId person, ZoneId zone, Consumer<Located> also) {
        Set<RecordType> types = EnumSet.of(RecordType.GEO_TRIP);
        types.addAll(LOCATION_TYPES);
        return seen(person, zone, RevealLens.exact(), true, types, also).locations();
    }

    private Seen seen(PersonId person, ZoneId zone, RevealLens lens, boolean logged, Set<RecordType> types,
            Consumer<Located> also) {
        if (lens instanceof RevealLens.Received received) {
            gate.geography().requireSupported(received.precision().location());
            if (!covers(received.scope(), LOCATION_TYPES)) {
                return Seen.NO_LOCATIONS;
            }
        }
        RevealPass pass = new RevealPass(settings, requireNonNull(zone, "zone is null"), lens, h3, gate.geography());
        Consumer<Located> both = record -> {
            pass.add(record);
            also.accept(record);
        };
        if (scope(lens) instanceof RevealLens.Everything) {
            locationCache.read(person, types, Optional.empty(), Optional.empty(), logged, both);
        }
        else {
            try (Stream<StoredRecord> records = records(person, lens, logged, types)) {
                records.forEach(record -> Located.of(record).ifPresent(both));
            }
        }
        RevealFindings findings = pass.findings();
        RevealedLocations found = switch (lens) {
            case RevealLens.Exact exact -> RevealCorrected.apply(findings.locations(), corrections.current(person));
            case RevealLens.Received received -> findings.locations();
        };
        return new Seen(true, found, findings.nightsArea());
    }

    /** What the person's bank transactions reveal. */
    public RevealedSource money(PersonId person) {
        RevealMoney money = new RevealMoney(moneySettings);
        read(person, MONEY_TYPES, money::add);
        return money.source();
    }

    /** What the person's calendar and address book reveal, the events' days and hours told in their zone. */
    public RevealedSource agenda(PersonId person, ZoneId zone) {
        RevealAgenda agenda = new RevealAgenda(agendaSettings, requireNonNull(zone, "zone is null"));
        read(person, AGENDA_TYPES, agenda::add);
        return agenda.source();
    }

    /**
     * What the bank transactions reveal through the lens, or none when its recipient receives none: through a
     * recipient's lens, each line as {@link RevealAsReceived} says it would be received. Never logged: it is shown only
     * beside what a recipient would receive.
     */
    Optional<RevealedSource> money(PersonId person, ZoneId zone, RevealLens lens) {
        if (!covers(lens, MONEY_TYPES)) {
            return Optional.empty();
        }
        RevealMoney money = new RevealMoney(moneySettings);
        Optional<RevealAsReceived> received = asReceived(lens, zone);
        try (Stream<StoredRecord> records = records(person, lens, false, MONEY_TYPES)) {
            records.forEach(record -> {
                if (record.payload() instanceof BankTransaction line) {
                    money.add(record.id(), received.map(transform -> transform.transaction(line)).orElse(line));
                }
            });
        }
        return Optional.of(money.source());
    }

    /** What the calendar and address book reveal through the lens, or none when its recipient receives neither. */
    Optional<RevealedSource> agenda(PersonId person, ZoneId zone, RevealLens lens) {
        if (!covers(lens, AGENDA_TYPES)) {
            return Optional.empty();
        }
        RevealAgenda agenda = new RevealAgenda(agendaSettings, requireNonNull(zone, "zone is null"));
        Optional<RevealAsReceived> received = asReceived(lens, zone);
        try (Stream<StoredRecord> records = records(person, lens, false, AGENDA_TYPES)) {
            records.forEach(record -> {
                if (received.isEmpty()) {
                    agenda.add(record);
                }
                else if (record.payload() instanceof Contact contact) {
                    agenda.add(record.id(), received.get().contact(contact));
                }
                else if (record.payload() instanceof CalendarEvent event && record.time() instanceof TimeSpan span) {
                    received.get().event(event).ifPresent(seen -> agenda.add(record.id(),
                            received.get().time(span.start()), seen));
                }
            });
        }
        return Optional.of(agenda.source());
    }

    private static Optional<RevealAsReceived> asReceived(RevealLens lens, ZoneId zone) {
        return switch (lens) {
            case RevealLens.Exact exact -> Optional.empty();
            case RevealLens.Received received -> Optional.of(new RevealAsReceived(received.precision(),
                    fields(received.scope()), zone));
        };
    }

    /** The free-text fields the lens's recipient receives: those its terms name, none without terms. */
    private static Set<String> fields(RevealLens.Scope scope) {
        return switch (scope) {
            case RevealLens.Everything everything -> Set.of();
            case RevealLens.Terms terms -> terms.terms().fields();
            case RevealLens.Reads reads -> reads.grant().terms().fields();
        };
    }

    /** Reads every record of these types the person owns, in one pass through the gate. */
    private void read(PersonId person, Set<RecordType> types, Consumer<StoredRecord> pass) {
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(requireNonNull(person, "person is null")),
                RecordQuery.all().withTypes(types))) {
            records.forEach(pass);
        }
    }

    /** The person's records a lens looks at: all of them as the owner, or those of a recipient's, never logged. */
    private Stream<StoredRecord> records(PersonId person, RevealLens lens, boolean logged, Set<RecordType> types) {
        return switch (scope(lens)) {
            case RevealLens.Everything everything -> logged ? gate.records(new Accessor.Owner(person),
                    RecordQuery.all().withTypes(types)) : gate.inspected(person, types);
            case RevealLens.Terms terms -> gate.covered(person, terms.terms(), terms.givenAt(), types);
            case RevealLens.Reads reads -> gate.received(person, reads.grant(), types);
        };
    }

    /** Which of the person's records the lens looks at: all of them through the person's own, else a recipient's share. */
    private static RevealLens.Scope scope(RevealLens lens) {
        return switch (lens) {
            case RevealLens.Exact exact -> new RevealLens.Everything();
            case RevealLens.Received received -> received.scope();
        };
    }

    private boolean covers(RevealLens lens, Set<RecordType> types) {
        return switch (lens) {
            case RevealLens.Exact exact -> true;
            case RevealLens.Received received -> covers(received.scope(), types);
        };
    }

    private boolean covers(RevealLens.Scope scope, Set<RecordType> types) {
        return switch (scope) {
            case RevealLens.Everything everything -> true;
            case RevealLens.Terms terms -> reads(terms.terms(), types);
            case RevealLens.Reads reads -> reads(reads.grant().terms(), types);
        };
    }

    /** Whether the terms let their recipient read any of these types: a write grant carries nothing out. */
    private boolean reads(GrantTerms terms, Set<RecordType> types) {
        return terms.kind() == GrantKind.READ && gate.readableTypes(terms).stream().anyMatch(types::contains);
    }

    /**
     * What a lens shows.
     *
     * @param covered whether the lens's recipient receives any locations at all
     * @param nightsArea the area most nights fall in, when positions are told only as named areas
     */
    record Seen(boolean covered, RevealedLocations locations, Optional<String> nightsArea) {
        static final Seen NO_LOCATIONS = new Seen(false, RevealedLocations.none(Wording.of("reveal.imprecise.noLocations")),
                Optional.empty());
    }
}
