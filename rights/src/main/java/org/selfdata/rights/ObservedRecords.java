package org.selfdata.rights;

import org.selfdata.model.LocationPrecision;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimePrecision;
import org.selfdata.model.TimeSpan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import static java.util.Objects.requireNonNull;

/**
 * What an organization's answer shows, record type by record type: how many records, over what time, and how precise
 * their places and times are, read from the values themselves (a latitude given to five decimals places the person
 * within about a metre, whatever the organization calls it).
 */
public final class ObservedRecords {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Kilometres in one degree of latitude: enough to size the area a coordinate's last decimal leaves open. */
    private static final double KILOMETRES_PER_DEGREE = 111.32;

    private final ZoneId zone;
    private final Map<RecordType, Observed> byType = new EnumMap<>(RecordType.class);

    /**
     * What the answer shows of one record type.
     *
     * @param location the finest place the records give, when they give one
     * @param time the finest time the records give, when they are timed
     * @param span from the earliest record to the latest, when they are timed
     */
    public record Observed(long records, Optional<LocationPrecision> location, Optional<TimePrecision> time,
            Optional<TimeSpan> span) {
        public Observed {
            requireNonNull(location, "location is null");
            requireNonNull(time, "time is null");
            requireNonNull(span, "span is null");
        }

        Observed with(Optional<LocationPrecision> place, Optional<TimePrecision> when, Optional<TimeSpan> recordSpan) {
            return new Observed(records + 1, finest(location, place, LocationPrecision::isAtMost),
                    finest(time, when, TimePrecision::isAtMost), wider(span, recordSpan));
        }
    }

    public ObservedRecords(ZoneId zone) {
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** Takes one record of the answer into account. */
    public ObservedRecords add(StoredRecord record) {
        Optional<TimeSpan> span = record.time().span();
        Optional<LocationPrecision> place = location(JSON.readTree(record.payloadJson()));
        Optional<TimePrecision> when = span.map(timed -> time(timed.start().atZone(zone)));
        byType.merge(record.type(), new Observed(1, place, when, span),
                (known, added) -> known.with(place, when, span));
        return this;
    }

    public Map<RecordType, Observed> byType() {
        return Collections.unmodifiableMap(byType);
    }

    /**
     * The place a payload's coordinates give: the area a coordinate written to that many decimals leaves open, as the
     * finest H3 level whose cells are at least that large, or exact below a level 15 cell (under a square metre).
     */
    static Optional<LocationPrecision> location(JsonNode payload) {
        JsonNode latitude = payload.path("latitude");
        JsonNode longitude = payload.path("longitude");
        if (!latitude.isNumber() || !longitude.isNumber()) {
            return Optional.empty();
        }
        int decimals = Math.min(decimals(latitude.decimalValue()), decimals(longitude.decimalValue()));
        double side = KILOMETRES_PER_DEGREE * Math.pow(10, -decimals);
        double area = side * side;
        for (int resolution = 15; resolution >= 0; resolution--) {
            if (LocationPrecision.h3(resolution).areaSquareKilometres() >= area) {
                return Optional.of(resolution == 15 ? LocationPrecision.EXACT : LocationPrecision.h3(resolution));
            }
        }
        return Optional.of(LocationPrecision.COUNTRY);
    }

    /** The precision a time shows: exact when it has minutes or seconds, else the largest unit it starts. */
    static TimePrecision time(ZonedDateTime time) {
        if (time.getMinute() != 0 || time.getSecond() != 0 || time.getNano() != 0) {
            return TimePrecision.EXACT;
        }
        if (time.getHour() != 0) {
            return TimePrecision.HOUR;
        }
        if (time.getDayOfMonth() == 1) {
            return TimePrecision.MONTH;
        }
        return time.getDayOfWeek() == DayOfWeek.MONDAY ? TimePrecision.WEEK : TimePrecision.DAY;
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** The finer of two precisions, either of which may be absent; {@code isAtMost} orders them. */
    private static <T> Optional<T> finest(Optional<T> known, Optional<T> added, BiPredicate<T, T> isAtMost) {
        if (known.isEmpty()) {
            return added;
        }
        if (added.isEmpty()) {
            return known;
        }
        return isAtMost.test(known.get(), added.get()) ? added : known;
    }

    private static Optional<TimeSpan> wider(Optional<TimeSpan> known, Optional<TimeSpan> added) {
        if (known.isEmpty()) {
            return added;
        }
        if (added.isEmpty()) {
            return known;
        }
        TimeSpan one = known.get();
        TimeSpan other = added.get();
        return Optional.of(TimeSpan.between(one.start().isBefore(other.start()) ? one.start() : other.start(),
                one.end().isAfter(other.end()) ? one.end() : other.end()));
    }
}
