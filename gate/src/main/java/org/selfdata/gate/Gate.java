package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceKind;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.RecordTiming;
import org.selfdata.vault.Vault;
import tools.jackson.core.JsonGenerator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The one way personal data leaves the vault, for every accessor, the owner included.
 *
 * <p>Each read names who asks and what for; the gate finds the grant that allows it, narrows the query to that grant
 * (types, categories, period, daily volume), applies the grant's precision before anything is serialized, and records
 * the flow on the person's transparency log. The owner holds an implicit grant to everything at full precision, so for
 * the owner the query passes unchanged, and is logged too. Surfaces (the API, the web pages, exports, the command
 * line) read through here and nowhere else. Organizations push data back through here as well, under a write grant.
 */
public final class Gate {
    private static final Duration VOLUME_WINDOW = Duration.ofDays(1);
    private static final String PUSH_FORMAT = "push";

    private final Vault vault;
    private final Geography geography;
    private final Clock clock;
    private final RequestPace pace;
    private final FoldedEntries folded;
    private final GateMeters meters;
    private final UnitOrders orders;

    public Gate(Vault vault, Geography geography, Clock clock) {
        this(vault, geography, clock, new RequestPace(RequestPace.DEFAULT_PER_MINUTE, clock));
    }

    /** With the pace recipients may ask at, per grant. */
    public Gate(Vault vault, Geography geography, Clock clock, RequestPace pace) {
        this.vault = requireNonNull(vault, "vault is null");
        this.geography = requireNonNull(geography, "geography is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pace = requireNonNull(pace, "pace is null");
        this.folded = new FoldedEntries(vault.log(), clock);
        this.orders = new UnitOrders(clock);
        // The vault's registry: whoever opened the vault for an operator to watch has the gate counted there too.
        this.meters = new GateMeters(vault.meters());
    }

    /** A gate over a vault with selfdata's own geography and the system clock. */
    public static Gate over(Vault vault) {
        return new Gate(vault, Geography.bundled(), Clock.systemUTC());
    }

    /** The geography this gate turns positions into areas with, for what must transform them as it does. */
    public Geography geography() {
        return geography;
    }

    /**
     * The owner's records matching the query, in id order; the read is logged, with its count, when the stream is
     * closed. Close it when done: it holds a connection.
     */
    public Stream<StoredRecord> records(Accessor accessor, RecordQuery query) {
        requireNonNull(query, "query is null");
        return ownerRead(accessor, person -> vault.records().read(person, query), ReadTally::add);
    }

    /**
     * The id and time of each of the owner's records matching the query, in id order, without opening one: what a
     * count by kind and by day needs. The read is logged when the stream is closed exactly as {@link #records} logs the
     * same records (their types, their number, the span they cover), since what the person is shown comes from them.
     * Close it when done: it holds a connection.
     */
    public Stream<RecordTiming> timings(Accessor accessor, RecordQuery query) {
        requireNonNull(query, "query is null");
        return ownerRead(accessor, person -> vault.records().timings(person, query),
                (tally, timing) -> tally.add(timing.id().type(), timing.time().span()));
    }

    /**
     * The owner's records whose words hold every searched word ({@link SearchWords}), matching the query's filters, in
     * id order and at most {@code query.limit()} of them, so that the id of the last is the next page's {@code after}.
     * Payloads are sealed, so each record of the types that hold words is opened, in groups, and its words looked
     * through; records are yielded as they are found. Logged when the stream is closed, as a read of those found.
     *
     * <p>The owner's alone: a recipient that searched would learn something of each record's text, including text its
     * grant leaves out and exact values below its precision, from which records a word finds.
     */
    public Stream<StoredRecord> search(Accessor accessor, RecordQuery query, SearchWords words) {
        requireNonNull(query, "query is null");
        requireNonNull(words, "words is null");
        Set<RecordType> types = SearchableText.typesWithin(query.types());
        return ownerRead(accessor, person -> types.isEmpty() ? Stream.empty()
                : vault.records().read(person, query.withTypes(types).limit(Integer.MAX_VALUE))
                        .filter(record -> words.foundIn(SearchableText.of(record.payload())))
                        .limit(query.limit()), ReadTally::add);
    }

    /**
     * The owner's read of what {@code read} streams, each item counted into the read's tally, logged when the stream
     * is closed; a recipient is refused before anything is read.
     */
    private <T> Stream<T> ownerRead(Accessor accessor, Function<PersonId, Stream<T>> read, BiConsumer<ReadTally, T> count) {
        return switch (accessor) {
            case Accessor.Owner owner -> {
                meters.ownerRead();
                ReadTally tally = new ReadTally();
                yield read.apply(owner.person()).peek(item -> count.accept(tally, item))
                        .onClose(() -> log(owner.person(), tally.entry(new LogActor.Owner())));
            }
            case Accessor.Recipient recipient -> throw ownerOnly(recipient);
        };
    }

    public Optional<StoredRecord> record(Accessor accessor, RecordId id) {
        requireNonNull(id, "id is null");
        return switch (accessor) {
            case Accessor.Owner owner -> {
                meters.ownerRead();
                Optional<StoredRecord> found = vault.records().find(owner.person(), id);
                found.ifPresent(record -> {
                    ReadTally tally = new ReadTally();
                    tally.add(record);
                    log(owner.person(), tally.entry(new LogActor.Owner()));
                });
                yield found;
            }
            case Accessor.Recipient recipient -> throw ownerOnly(recipient);
        };
    }

    /** A record with its earlier versions: only its owner may see what it said before it was corrected. */
    public RecordHistory history(Accessor accessor, RecordId id) {
        requireNonNull(id, "id is null");
        return switch (accessor) {
            case Accessor.Owner owner -> vault.records().history(owner.person(), id);
            case Accessor.Recipient recipient -> throw ownerOnly(recipient);
        };
    }

    /**
     * Opens the owner's export: every record it reads is counted, and one export entry is logged for the whole archive
     * once it is complete, rather than an entry for each type it reads.
     */
    public ExportRead export(Accessor.Owner owner) {
        return new ExportRead(owner.person());
    }

    /** An export under way, for the export alone: its reads are logged as one flow when it completes. */
    public final class ExportRead {
        private final PersonId person;
        private final ReadTally tally = new ReadTally();

        private ExportRead(PersonId person) {
            this.person = person;
        }

        /** Records for the archive, in id order. Close the stream when done: it holds a connection. */
        public Stream<StoredRecord> records(RecordQuery query) {
            return vault.records().read(person, query).peek(tally::add);
        }

        public RecordHistory history(RecordId id) {
            return vault.records().history(person, id);
        }

        /** Logs the export, once its archive is complete: what left the vault, as one entry. */
        public void completed() {
            log(person, tally.entry(new LogActor.Owner(), LogAction.EXPORT));
        }
    }

    /**
     * Opens a recipient's read under its grant. The query is narrowed, and refused if it asks beyond the grant, before
     * anything is written; the page is then cut in the recipient's order ({@link SharedPages}), its records are
     * written transformed to the grant's precision, and the flow is logged when the read is closed.
     *
     * <p>Everything the recipient can observe (which records, their order, how many, where a page ends, the answer to
     * every filter) is worked out from the records as the grant transforms them, never from their exact values.
     *
     * @param cursor the {@code next} of the previous page, opaque to the recipient
     */
    public SharedRead share(Accessor.Recipient recipient, RecordQuery query, Optional<String> cursor) {
        requireNonNull(query, "query is null");
        requireNonNull(cursor, "cursor is null");
        PersonId person = recipient.person();
        GrantTerms terms = recipient.grant().terms();
        Optional<Duration> wait = pace.admit(recipient.grant().id());
        if (wait.isPresent()) {
            meters.recipientRefused();
            folded.append(person, recipient.grant().id(), refusal(recipient, query.types()));
            throw new SelfdataException(ErrorCode.RATE_LIMITED, Wording.of("error.gate.paceRead",
                    recipient.grant().id().toString(), Integer.toString(pace.perMinute())), wait.get());
        }
        Instant now = clock.instant();
        ZoneId zone = vault.people().get(person).zone();
        long readToday = vault.log().countSince(person, recipient.grant().id(), LogAction.READ, now.minus(VOLUME_WINDOW));
        Cursors cursors = new Cursors(vault.sharingKeys().cursorKey(person, terms.recipient()), recipient.grant().id());
        Optional<SharedPosition> after = cursor.map(cursors::open);
        Optional<RecordQuery> narrowed;
        try {
            narrowed = GrantScope.narrow(recipient.grant(), query, now, zone, readToday);
        }
        catch (SelfdataException refusal) {
            meters.recipientRefused();
            folded.append(person, recipient.grant().id(), refusal(recipient, query.types()));
            throw refusal;
        }
        Pseudonyms pseudonyms = pseudonyms(person, terms);
        Times times = new Times(terms.precision().time(), zone);
        SharedPages.Page page = narrowed
                .map(scoped -> new SharedPages(vault.records(), times, pseudonyms, terms, orders).page(person, scoped, after))
                .orElse(new SharedPages.Page(List.of(), Optional.empty()));
        meters.recipientRead();
        boolean full = narrowed.isPresent() && page.records().size() == narrowed.get().limit();
        return new SharedRead(recipient, page.records(), full ? page.last().map(cursors::seal) : Optional.empty(),
                new SharedRecordWriter(terms.precision(), declaredFreeText(terms), pseudonyms, geography, zone), times);
    }

    /** What a refused request of a recipient's is on the log: who asked, for which types, under which grant. */
    private static LogEntryDraft refusal(Accessor.Recipient recipient, Set<RecordType> types) {
        GrantTerms terms = recipient.grant().terms();
        return LogEntryDraft.of(new LogActor.Recipient(terms.recipient()), LogAction.REFUSAL, types, 0)
                .withGrant(recipient.grant().id()).withPurpose(terms.purpose().term());
    }

    /**
     * Writes the repeats of recipients' refusals and empty reads counted over the last minute, or all of them when the
     * gate is about to stop. A server calls this now and then, and once before it closes its vault.
     */
    public void writeFoldedEntries(boolean stopping) {
        folded.endRuns(stopping);
    }

    private Pseudonyms pseudonyms(PersonId person, GrantTerms terms) {
        return new Pseudonyms(vault.sharingKeys().pseudonymKey(person, terms.recipient()));
    }

    /**
     * The free-text fields the terms let through: those they name that the declaration they were given on names for
     * every type they leave in. The consent check gives no other, and this holds to the same rule a grant given before
     * it did, or written to the vault some other way.
     */
    private Set<String> declaredFreeText(GrantTerms terms) {
        if (terms.fields().isEmpty()) {
            return Set.of();
        }
        return vault.recipients().declaration(terms.recipient(), terms.declarationVersion())
                .flatMap(declaration -> declaration.purpose(terms.purpose()))
                .map(declared -> FreeTextConsent.justified(terms.fields(), GrantScope.readableTypes(terms), declared))
                .orElse(Set.of());
    }

    /**
     * Refuses terms this gate could not apply, before they are given: commune precision without a commune list.
     */
    public void requireApplicable(GrantTerms terms) {
        geography.requireSupported(terms.precision().location());
    }

    /**
     * A few of the person's records as the recipient of these terms would receive them, first in its order, for the
     * consent screen. Shown to the person only; nothing leaves, so nothing is logged.
     */
    public List<String> preview(PersonId person, GrantTerms terms, int count) {
        if (GrantScope.readableTypes(terms).isEmpty()) {
            return List.of();
        }
        ZoneId zone = vault.people().get(person).zone();
        Instant now = clock.instant();
        Optional<RecordQuery> covered = GrantScope.window(terms, now,
                RecordQuery.all().withTypes(GrantScope.readableTypes(terms)).limit(count), now, zone);
        Pseudonyms pseudonyms = pseudonyms(person, terms);
        SharedRecordWriter writer = new SharedRecordWriter(terms.precision(), declaredFreeText(terms), pseudonyms, geography,
                zone);
        return covered.map(query -> new SharedPages(vault.records(), new Times(terms.precision().time(), zone), pseudonyms,
                terms, orders).page(person, query, Optional.empty()).records()).orElse(List.of()).stream()
                .map(writer::toJson).toList();
    }

    /**
     * How many times the person's records changed: a service that keeps records it read through this gate compares it
     * with the count it read before them, and reads them again when it differs. Not found for a person the vault does
     * not hold.
     */
    public long changes(PersonId person) {
        return vault.records().changes(requireNonNull(person, "person is null"));
    }

    /**
     * The owner's read of records a service read through this gate before and kept: logged, when closed, as a read of
     * those counted, exactly as {@link #records} logs them, since the person (or whoever holds her session) saw them
     * again.
     */
    public Recall recall(Accessor.Owner owner) {
        requireNonNull(owner, "owner is null");
        meters.ownerRead();
        return new Recall(owner.person());
    }

    /**
     * The owner's records of these types, in time order, for what selfdata works out from them and shows the person
     * alone beside what a recipient would receive: nothing leaves the vault, so nothing is logged. Close the stream
     * when done: it holds a connection.
     */
    public Stream<StoredRecord> inspected(PersonId person, Set<RecordType> types) {
        if (types.isEmpty()) {
            return Stream.empty();
        }
        return vault.records().read(person, RecordQuery.all().withTypes(types));
    }

    /** The types these terms let their recipient read: those they name, and those within a category they name. */
    public Set<RecordType> readableTypes(GrantTerms terms) {
        return GrantScope.readableTypes(terms);
    }

    /**
     * The person's exact records of the given types that these terms would let their recipient read, were they given at
     * {@code givenAt}, in time order: for what selfdata works out from them and shows the person alone before they
     * share. Nothing leaves the vault, so nothing is logged; transforming the records to the terms' precision is the
     * reader's part. Close the stream when done: it holds a connection.
     */
    public Stream<StoredRecord> covered(PersonId person, GrantTerms terms, Instant givenAt, Set<RecordType> types) {
        requireNonNull(givenAt, "givenAt is null");
        Set<RecordType> readable = EnumSet.noneOf(RecordType.class);
        GrantScope.readableTypes(terms).stream().filter(types::contains).forEach(readable::add);
        if (readable.isEmpty()) {
            return Stream.empty();
        }
        ZoneId zone = vault.people().get(person).zone();
        return GrantScope.window(terms, givenAt, RecordQuery.all().withTypes(readable), clock.instant(), zone)
                .map(query -> vault.records().read(person, query)).orElse(Stream.empty());
    }

    /**
     * The person's exact records of the given types that a grant's recipient has received so far, in time order, as the
     * grant's reads on the log tell: each read's entry keeps the types it carried and the span of their times at the
     * grant's time precision, so the records are those of its types that begin within its span, read again from the
     * vault. A read that ended within a unit of time may have carried only some of that unit's records, so the last
     * unit of each read counts whole. For what selfdata works out from them and shows the person alone: nothing leaves
     * the vault, so nothing is logged. Close the stream when done: it holds a connection.
     */
    public Stream<StoredRecord> received(PersonId person, Grant grant, Set<RecordType> types) {
        ZoneId zone = vault.people().get(person).zone();
        ReadSpans spans = new ReadSpans(new Times(grant.terms().precision().time(), zone), types);
        reads(person, grant).forEach(spans::add);
        return spans.merged().stream().flatMap(span -> vault.records().read(person, RecordQuery.all()
                        .withTypes(spans.types()).between(Optional.of(span.start()), Optional.of(span.end()))))
                .filter(spans::holds);
    }

    /** How many reads a grant's recipient has made so far, and how many records they carried, as the log tells. */
    public GrantReads readCount(PersonId person, Grant grant) {
        List<LogEntry> reads = reads(person, grant);
        return new GrantReads(reads.stream().mapToLong(entry -> entry.draft().requests()).sum(),
                reads.stream().mapToLong(entry -> entry.draft().count()).sum());
    }

    /** The entries of a grant's recipient's reads on the person's log, in the log's order. */
    private List<LogEntry> reads(PersonId person, Grant grant) {
        LogQuery query = LogQuery.all().withGrant(grant.id()).withAction(LogAction.READ);
        List<LogEntry> reads = new ArrayList<>();
        List<LogEntry> page = vault.log().query(person, query);
        while (!page.isEmpty()) {
            page.stream().filter(entry -> entry.actor() instanceof LogActor.Recipient).forEach(reads::add);
            page = page.size() < LogQuery.MAXIMUM_LIMIT ? List.of()
                    : vault.log().query(person, query.after(page.getLast().index()));
        }
        return reads;
    }

    /**
     * Lands records an organization pushes back under a write grant, with the organization as their source. A record
     * whose type or category the grant does not name refuses the whole push, nothing lands, and the refusal is written
     * on the person's log for them to see.
     */
    public Pushed push(Accessor.Recipient recipient, List<RecordDraft> drafts) {
        PersonId person = recipient.person();
        GrantTerms terms = recipient.grant().terms();
        Optional<Duration> wait = pace.admit(recipient.grant().id());
        if (wait.isPresent()) {
            throw new SelfdataException(ErrorCode.RATE_LIMITED, Wording.of("error.gate.pacePush",
                    recipient.grant().id().toString(), Integer.toString(pace.perMinute())), wait.get());
        }
        Instant now = clock.instant();
        GrantScope.requireInForce(recipient.grant(), now);
        if (terms.kind() != GrantKind.WRITE) {
            throw refused(person, recipient, drafts,
                    Wording.of("error.gate.readGrantPushes", recipient.grant().id().toString()));
        }
        SortedMap<String, Wording> beyond = new TreeMap<>();
        drafts.stream()
                .filter(draft -> !terms.types().contains(draft.type())
                        && terms.categories().stream().noneMatch(draft.category()::isWithin))
                .forEach(draft -> beyond.put(draft.type().id() + " in " + draft.category().term(),
                        Wording.of("error.gate.typeInCategory", draft.type().id(), draft.category().term())));
        if (!beyond.isEmpty()) {
            throw refused(person, recipient, drafts, Wording.of("error.gate.pushNotCovered",
                    recipient.grant().id().toString(), listed(List.copyOf(beyond.values()))));
        }
        long pushedToday = vault.log().countSince(person, recipient.grant().id(), LogAction.PUSH, now.minus(VOLUME_WINDOW));
        if (pushedToday + drafts.size() > terms.volumeLimit()) {
            throw new SelfdataException(ErrorCode.RATE_LIMITED, Wording.of("error.gate.pushVolume",
                    recipient.grant().id().toString(), Integer.toString(terms.volumeLimit())));
        }
        String organization = vault.recipients().get(terms.recipient()).identity().name();
        LogEntryDraft flow = LogEntryDraft.of(new LogActor.Recipient(terms.recipient()), LogAction.PUSH, Set.of(), 0)
                .withGrant(recipient.grant().id()).withPurpose(terms.purpose().term());
        ImportBatch batch = vault.imports().writeAtOnce(person, new ImportRequest(
                new SourceDescriptor(SourceKind.ORGANIZATION, organization, "restitution"), PUSH_FORMAT,
                "push " + now, Optional.of(flow)), drafts.stream());
        return new Pushed(batch.id(), batch.added(), batch.duplicates());
    }

    private SelfdataException refused(PersonId person, Accessor.Recipient recipient, List<RecordDraft> drafts,
                                      Wording message) {
        meters.recipientRefused();
        Set<RecordType> types = drafts.stream().map(RecordDraft::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecordType.class)));
        log(person, LogEntryDraft.of(new LogActor.Recipient(recipient.grant().terms().recipient()), LogAction.REFUSAL,
                types, drafts.size()).withGrant(recipient.grant().id()));
        return new SelfdataException(ErrorCode.FORBIDDEN, message);
    }

    /** Items said one after the other, separated as the reader's language separates a list. */
    private static Wording listed(List<Wording> items) {
        Wording said = items.getFirst();
        for (Wording item : items.subList(1, items.size())) {
            said = Wording.of("error.gate.listMore", said, item);
        }
        return said;
    }

    private void log(PersonId person, LogEntryDraft entry) {
        vault.log().append(person, entry);
    }

    private static SelfdataException ownerOnly(Accessor.Recipient recipient) {
        return new SelfdataException(ErrorCode.FORBIDDEN, Wording.of("error.gate.ownerOnly", recipient.grant().id().toString()));
    }

    /**
     * A recipient's read, its page chosen: writes it, then logs it when closed, whether or not every record was written,
     * since what went out went out. The entry's span is the page's as the recipient received it, at the grant's time
     * precision.
     */
    public final class SharedRead implements AutoCloseable {
        private final Accessor.Recipient recipient;
        private final List<StoredRecord> records;
        private final Optional<String> next;
        private final SharedRecordWriter writer;
        private final Times times;
        private final ReadTally tally = new ReadTally();

        private SharedRead(Accessor.Recipient recipient, List<StoredRecord> records, Optional<String> next,
                           SharedRecordWriter writer, Times times) {
            this.recipient = recipient;
            this.records = records;
            this.next = next;
            this.writer = writer;
            this.times = times;
        }

        /** Writes each record of the page as an element of the array the generator is in. */
        public SharedPage writeTo(JsonGenerator json) {
            for (StoredRecord record : records) {
                writer.write(json, record);
                tally.add(record.type(), record.time().span().map(span -> TimeSpan.between(times.floor(span.start()),
                        span.isInstant() ? times.floor(span.start()) : times.ceiling(span.end()))));
            }
            return new SharedPage(tally.count(), next);
        }

        /** Logs what went out; a read that carried nothing is folded with its identical repeats. */
        @Override
        public void close() {
            GrantTerms terms = recipient.grant().terms();
            LogEntryDraft entry = tally.entry(new LogActor.Recipient(terms.recipient()))
                    .withPrecision(terms.precision().describe())
                    .withGrant(recipient.grant().id())
                    .withPurpose(terms.purpose().term());
            if (tally.count() == 0) {
                folded.append(recipient.person(), recipient.grant().id(), entry);
            }
            else {
                folded.end(recipient.grant().id());
                log(recipient.person(), entry);
            }
        }
    }

    /** Counts the records of a {@link #recall}, and logs their read when closed. */
    public final class Recall implements AutoCloseable {
        private final PersonId person;
        private final ReadTally tally = new ReadTally();

        private Recall(PersonId person) {
            this.person = person;
        }

        /** Counts one record, of this type, that starts and ends at these instants. */
        public void add(RecordType type, long startMillis, long endMillis) {
            tally.add(requireNonNull(type, "type is null"), startMillis, endMillis);
        }

        @Override
        public void close() {
            log(person, tally.entry(new LogActor.Owner()));
        }
    }

    /** Counts what a read carried: types, number, and the span of time it covers. */
    private static final class ReadTally {
        private final Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        private long count;
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;

        void add(StoredRecord record) {
            add(record.type(), record.time().span());
        }

        /** Counts a record; one without a time widens no span. */
        void add(RecordType type, Optional<TimeSpan> time) {
            types.add(type);
            count++;
            time.ifPresent(span -> {
                firstStart = Math.min(firstStart, span.startMillis());
                lastEnd = Math.max(lastEnd, span.endMillis());
            });
        }

        void add(RecordType type, long startMillis, long endMillis) {
            types.add(type);
            count++;
            firstStart = Math.min(firstStart, startMillis);
            lastEnd = Math.max(lastEnd, endMillis);
        }

        long count() {
            return count;
        }

        LogEntryDraft entry(LogActor actor) {
            return entry(actor, LogAction.READ);
        }

        LogEntryDraft entry(LogActor actor, LogAction action) {
            LogEntryDraft entry = LogEntryDraft.of(actor, action, types, count);
            return firstStart == Long.MAX_VALUE ? entry : entry.withSpan(TimeSpan.ofEpochMillis(firstStart, lastEnd));
        }
    }
}
