package org.selfdata.rights;

import org.selfdata.model.Grant;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimePrecision;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Sets what an organization's answer shows against what it declared (its record of processing, art. 30) and what the
 * log shows selfdata gave it under the person's grants, and says where they differ: a kind of data its declaration does
 * not mention, data it never received through selfdata, places or times finer than any grant let through ("you gave it
 * your region; its answer shows exact positions"), and data kept after the retention it declared.
 *
 * <p>Precision is read from the answer's values ({@link ObservedRecords}), never from what the organization says of
 * them. What the answer says in words (purposes, recipients) is for the person to read: the art. 15 checklist holds it.
 */
public final class DeclaredAgainstObserved {
    private DeclaredAgainstObserved() {}

    /** One difference, in words for the person. */
    public record Difference(Kind kind, RecordType type, Wording wording) {
        public Difference {
            requireNonNull(kind, "kind is null");
            requireNonNull(type, "type is null");
            requireNonNull(wording, "wording is null");
        }
    }

    public enum Kind {
        /** A kind of data the declaration of processing does not mention. */
        UNDECLARED,
        /** A kind of data no grant of the person covers: the organization had it from elsewhere. */
        NEVER_GIVEN,
        /** Places finer than any grant let through. */
        FINER_PLACES,
        /** Times finer than any grant let through. */
        FINER_TIMES,
        /** Data received longer ago than the retention it declared, still held. */
        KEPT_LONGER;

        public String term() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What the organization declared and was given, as the vault knows it. */
    public record Declared(RecipientId recipient, Optional<ProcessingDeclaration> declaration, List<Grant> grants,
            List<LogEntry> log) {
        public Declared {
            requireNonNull(recipient, "recipient is null");
            requireNonNull(declaration, "declaration is null");
            grants = List.copyOf(grants);
            log = List.copyOf(log);
        }
    }

    /**
     * The differences, kind of data by kind of data in the answer, in the order of {@link Kind}; none when the answer
     * shows nothing beyond what was declared and given.
     *
     * @param answeredOn the day the answer came, which a declared retention is counted back from
     */
    public static List<Difference> compare(Declared declared, ObservedRecords observed, LocalDate answeredOn, ZoneId zone) {
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<RecordType, ObservedRecords.Observed> entry : observed.byType().entrySet()) {
            RecordType type = entry.getKey();
            ObservedRecords.Observed shown = entry.getValue();
            List<GrantTerms> covering = declared.grants().stream().map(Grant::terms)
                    .filter(terms -> covers(terms, type)).toList();
            declared.declaration().filter(declaration -> !declares(declaration, type))
                    .ifPresent(declaration -> differences.add(new Difference(Kind.UNDECLARED, type, Wording.of(
                            "rights.compare.undeclared", typeWords(type), shown.records()))));
            if (covering.isEmpty()) {
                differences.add(new Difference(Kind.NEVER_GIVEN, type, Wording.of("rights.compare.neverGiven",
                        typeWords(type), shown.records())));
                continue;
            }
            finerPlaces(type, shown, covering).ifPresent(differences::add);
            finerTimes(type, shown, covering).ifPresent(differences::add);
            declared.declaration().flatMap(declaration -> keptLonger(type, shown, declared, declaration,
                    new Answer(answeredOn, zone))).ifPresent(differences::add);
        }
        differences.sort(Comparator.comparing(Difference::kind).thenComparing(Difference::type));
        return List.copyOf(differences);
    }

    private static Optional<Difference> finerPlaces(RecordType type, ObservedRecords.Observed shown,
            List<GrantTerms> covering) {
        if (shown.location().isEmpty()) {
            return Optional.empty();
        }
        LocationPrecision finestGiven = covering.stream().map(terms -> terms.precision().location())
                .reduce((one, other) -> one.isAtMost(other) ? other : one).orElseThrow();
        LocationPrecision seen = shown.location().orElseThrow();
        if (seen.isAtMost(finestGiven)) {
            return Optional.empty();
        }
        Wording wording = finestGiven.level() == LocationPrecision.Level.NONE
                ? Wording.of("rights.compare.placesNotGiven", locationWords(seen), shown.records())
                : Wording.of("rights.compare.finerPlaces", locationWords(finestGiven), locationWords(seen), shown.records());
        return Optional.of(new Difference(Kind.FINER_PLACES, type, wording));
    }

    private static Optional<Difference> finerTimes(RecordType type, ObservedRecords.Observed shown,
            List<GrantTerms> covering) {
        if (shown.time().isEmpty()) {
            return Optional.empty();
        }
        TimePrecision finestGiven = covering.stream().map(terms -> terms.precision().time())
                .reduce((one, other) -> one.isAtMost(other) ? other : one).orElseThrow();
        TimePrecision seen = shown.time().orElseThrow();
        if (seen.isAtMost(finestGiven)) {
            return Optional.empty();
        }
        return Optional.of(new Difference(Kind.FINER_TIMES, type, Wording.of("rights.compare.finerTimes",
                timeWords(finestGiven), timeWords(seen), shown.records())));
    }

    /**
     * Data of this kind the organization read more than its declared retention before the answer, whose time the
     * answer's records still cover: it kept what it said it would delete.
     */
    private static Optional<Difference> keptLonger(RecordType type, ObservedRecords.Observed shown, Declared declared,
            ProcessingDeclaration declaration, Answer answer) {
        LocalDate answeredOn = answer.answeredOn();
        ZoneId zone = answer.zone();
        if (shown.span().isEmpty()) {
            return Optional.empty();
        }
        Instant limit = answeredOn.atStartOfDay(zone).toInstant().minus(declaration.retention());
        TimeSpan answered = shown.span().orElseThrow();
        return declared.log().stream()
                .filter(entry -> entry.draft().action() == LogAction.READ)
                .filter(entry -> entry.draft().actor() instanceof LogActor.Recipient reader
                        && reader.id().equals(declared.recipient()))
                .filter(entry -> entry.draft().types().contains(type) && entry.recordedAt().isBefore(limit))
                .filter(entry -> entry.draft().span().filter(read -> overlaps(widened(read, entry, declared, zone),
                        answered)).isPresent())
                .findFirst()
                .map(entry -> new Difference(Kind.KEPT_LONGER, type, Wording.of("rights.compare.keptLonger",
                        typeWords(type), DayWording.of(entry.recordedAt().atZone(zone).toLocalDate()),
                        declaration.retention().toDays(), DayWording.of(answeredOn))));
    }

    /** The day an answer came, in the person's zone. */
    private record Answer(LocalDate answeredOn, ZoneId zone) {}

    /**
     * The time a recipient's read covered: the log keeps its span at the grant's time precision (a day's reads as the
     * start of that day), so the span runs to the end of its last unit.
     */
    private static TimeSpan widened(TimeSpan read, LogEntry entry, Declared declared, ZoneId zone) {
        TimePrecision precision = declared.grants().stream()
                .filter(grant -> entry.draft().grant().filter(grant.id()::equals).isPresent())
                .map(grant -> grant.terms().precision().time()).findFirst().orElse(TimePrecision.EXACT);
        ZonedDateTime end = read.end().atZone(zone);
        ZonedDateTime widened = switch (precision) {
            case EXACT -> end;
            case HOUR -> end.plusHours(1);
            case DAY -> end.plusDays(1);
            case WEEK -> end.plusWeeks(1);
            case MONTH -> end.plusMonths(1);
        };
        return TimeSpan.between(read.start(), widened.toInstant());
    }

    private static boolean overlaps(TimeSpan one, TimeSpan other) {
        return !one.start().isAfter(other.end()) && !other.start().isAfter(one.end());
    }

    private static boolean covers(GrantTerms terms, RecordType type) {
        return terms.types().contains(type)
                || terms.categories().stream().anyMatch(category -> type.defaultCategory().isWithin(category));
    }

    private static boolean declares(ProcessingDeclaration declaration, RecordType type) {
        return declaration.purposes().stream().anyMatch(purpose -> purpose.types().isEmpty()
                ? purpose.categories().stream().anyMatch(category -> type.defaultCategory().isWithin(category))
                : purpose.types().contains(type));
    }

    private static Wording typeWords(RecordType type) {
        String key = "record.type." + type.id();
        return Wording.of(key);
    }

    private static Wording locationWords(LocationPrecision location) {
        String key = "precision.location." + location.level().name().toLowerCase(Locale.ROOT);
        return Wording.of(key, location.resolution());
    }

    private static Wording timeWords(TimePrecision time) {
        String key = "precision.time." + time.term();
        return Wording.of(key);
    }
}
