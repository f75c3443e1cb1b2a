package org.selfdata.services;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The energy of a period's readings put where each option prices it: by month of the person's calendar, in peak or
 * off-peak hours, and for Tempo by the estimated colour of its day, which runs from 06:00 to 06:00.
 *
 * <p>A reading of an hour or less falls where its middle does. A longer one is shared among the months it spans in
 * proportion to the time, and counted in peak hours (of a blue day for Tempo). When readings of an hour or less hold
 * less than {@value EnergyBill#SPLIT_SHARE} of the energy, as with daily readings, the period is not split at all.
 */
final class EnergyBillUse {
    private static final LocalTime TEMPO_MORNING = LocalTime.of(6, 0);
    private static final LocalTime TEMPO_EVENING = LocalTime.of(22, 0);

    private final boolean split;
    private final List<EnergyCosts.MonthUse> months;
    private final SortedMap<YearMonth, Map<TariffSlot, Double>> slots;
    private final Map<YearMonth, Double> monthShare;
    private final Map<TempoColour, Integer> tempoDays;

    private EnergyBillUse(boolean split, List<EnergyCosts.MonthUse> months, SortedMap<YearMonth, Map<TariffSlot, Double>> slots,
            Map<YearMonth, Double> monthShare, Map<TempoColour, Integer> tempoDays) {
        this.split = split;
        this.months = months;
        this.slots = slots;
        this.monthShare = monthShare;
        this.tempoDays = tempoDays;
    }

    static EnergyBillUse of(List<EnergyUse.Span> spans, Instant from, Instant to, ZoneId zone, Optional<TariffTable> table) {
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        TreeMap<YearMonth, Double> monthShare = new TreeMap<>();
        for (YearMonth month = YearMonth.from(from.atZone(zone)); !month.atDay(1).atStartOfDay(zone).toInstant().isAfter(
                to.minusMillis(1)); month = month.plusMonths(1)) {
            long start = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
            long end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
            monthShare.put(month, (double) (Math.min(end, toMillis) - Math.max(start, fromMillis)) / (end - start));
        }
        List<EnergyUse.Span> fine = new ArrayList<>();
        Map<YearMonth, Double> coarse = new HashMap<>();
        double fineWattHours = 0;
        double coarseWattHours = 0;
        for (EnergyUse.Span span : spans) {
            long length = span.endMillis() - span.startMillis();
            long middle = span.startMillis() + length / 2;
            if (length <= EnergyBill.FINEST.toMillis()) {
                if (middle >= fromMillis && middle < toMillis) {
                    fine.add(span);
                    fineWattHours += span.wattHours();
                }
                continue;
            }
            for (YearMonth month : monthShare.keySet()) {
                long start = Math.max(fromMillis, month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli());
                long end = Math.min(toMillis, month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli());
                long overlap = Math.min(end, span.endMillis()) - Math.max(start, span.startMillis());
                if (overlap > 0) {
                    double share = span.wattHours() * overlap / length;
                    coarse.merge(month, share, Double::sum);
                    coarseWattHours += share;
                }
            }
        }
        double all = fineWattHours + coarseWattHours;
        boolean split = all > 0 && fineWattHours / all >= EnergyBill.SPLIT_SHARE;
        Map<LocalDate, TempoColour> colours = table.map(tariffs -> colours(fine, from, to, zone, tariffs)).orElse(Map.of());
        TreeMap<YearMonth, Map<TariffSlot, Double>> slots = new TreeMap<>();
        monthShare.keySet().forEach(month -> slots.put(month, new EnumMap<>(TariffSlot.class)));
        for (EnergyUse.Span span : fine) {
            ZonedDateTime middle = Instant.ofEpochMilli(span.startMillis() + (span.endMillis() - span.startMillis()) / 2)
                    .atZone(zone);
            Map<TariffSlot, Double> month = slots.get(YearMonth.from(middle));
            if (month == null) {
                continue;
            }
            month.merge(TariffSlot.ALL, span.wattHours() / 1000, Double::sum);
            if (table.isPresent()) {
                boolean offPeak = table.get().offPeak(middle.toLocalTime());
                month.merge(offPeak ? TariffSlot.OFF_PEAK : TariffSlot.PEAK, span.wattHours() / 1000, Double::sum);
                LocalTime time = middle.toLocalTime();
                boolean tempoOffPeak = !time.isBefore(TEMPO_EVENING) || time.isBefore(TEMPO_MORNING);
                TempoColour colour = colours.getOrDefault(tempoDay(middle), TempoColour.BLUE);
                month.merge(TariffSlot.tempo(colour, tempoOffPeak), span.wattHours() / 1000, Double::sum);
            }
        }
        coarse.forEach((month, wattHours) -> {
            Map<TariffSlot, Double> kilowattHours = slots.get(month);
            for (TariffSlot slot : List.of(TariffSlot.ALL, TariffSlot.PEAK, TariffSlot.BLUE_PEAK)) {
                kilowattHours.merge(slot, wattHours / 1000, Double::sum);
            }
        });
        List<EnergyCosts.MonthUse> months = slots.entrySet().stream().map(month -> new EnergyCosts.MonthUse(month.getKey(),
                rounded(month.getValue().getOrDefault(TariffSlot.ALL, 0.0)),
                split && table.isPresent() ? Optional.of(rounded(month.getValue().getOrDefault(TariffSlot.OFF_PEAK, 0.0)))
                        : Optional.empty())).toList();
        Map<TempoColour, Integer> tempoDays = new EnumMap<>(TempoColour.class);
        for (TempoColour colour : TempoColour.values()) {
            tempoDays.put(colour, 0);
        }
        if (table.isPresent()) {
            // Counted by the days of the calendar read, so that a year shows 365 days though it starts at midnight.
            for (LocalDate day = from.atZone(zone).toLocalDate(); day.isBefore(to.atZone(zone).toLocalDate()) || day.equals(
                    from.atZone(zone).toLocalDate()); day = day.plusDays(1)) {
                tempoDays.merge(colours.getOrDefault(day, TempoColour.BLUE), 1, Integer::sum);
            }
        }
        return new EnergyBillUse(split, months, slots, monthShare, tempoDays);
    }

    boolean split() {
        return split;
    }

    List<EnergyCosts.MonthUse> months() {
        return months;
    }

    /** Each month's kilowatt-hours in each slot of every option. */
    SortedMap<YearMonth, Map<TariffSlot, Double>> slots() {
        return slots;
    }

    /** The share of each month's time in the period, which its subscription is counted for. */
    Map<YearMonth, Double> monthShare() {
        return monthShare;
    }

    Map<TempoColour, Integer> tempoDays() {
        return tempoDays;
    }

    /** The Tempo day a time belongs to: the day before until 06:00. */
    static LocalDate tempoDay(ZonedDateTime time) {
        return time.minusHours(TEMPO_MORNING.getHour()).toLocalDate();
    }

    /**
     * Red days on the weekdays from November to March with the most energy, white days on the next heaviest days but
     * Sundays, as many as the Tempo year (1 September to 31 August) holds, for the share of its candidate days read.
     */
    static Map<LocalDate, TempoColour> colours(List<EnergyUse.Span> fine, Instant from, Instant to, ZoneId zone,
            TariffTable table) {
        Map<LocalDate, Double> used = new HashMap<>();
        for (EnergyUse.Span span : fine) {
            used.merge(tempoDay(Instant.ofEpochMilli(span.startMillis() + (span.endMillis() - span.startMillis()) / 2)
                    .atZone(zone)), span.wattHours(), Double::sum);
        }
        LocalDate first = tempoDay(from.atZone(zone));
        LocalDate last = tempoDay(to.minusMillis(1).atZone(zone));
        Map<LocalDate, TempoColour> colours = new HashMap<>();
        for (int year = tempoYear(first); year <= tempoYear(last); year++) {
            LocalDate start = LocalDate.of(year, Month.SEPTEMBER, 1);
            LocalDate end = start.plusYears(1);
            List<LocalDate> redSeason = days(start, end).stream().filter(EnergyBillUse::mayBeRed).toList();
            List<LocalDate> whiteSeason = days(start, end).stream().filter(day -> day.getDayOfWeek() != DayOfWeek.SUNDAY)
                    .toList();
            LocalDate readFrom = first.isAfter(start) ? first : start;
            LocalDate readTo = last.plusDays(1).isBefore(end) ? last.plusDays(1) : end;
            List<LocalDate> read = days(readFrom, readTo);
            Comparator<LocalDate> heaviest = Comparator.<LocalDate>comparingDouble(day -> used.getOrDefault(day, 0.0))
                    .reversed().thenComparing(Comparator.naturalOrder());
            List<LocalDate> redRead = read.stream().filter(EnergyBillUse::mayBeRed).sorted(heaviest).toList();
            long red = Math.round((double) table.tempoDays(TempoColour.RED) * redRead.size() / redSeason.size());
            redRead.stream().limit(red).forEach(day -> colours.put(day, TempoColour.RED));
            List<LocalDate> whiteRead = read.stream()
                    .filter(day -> day.getDayOfWeek() != DayOfWeek.SUNDAY && !colours.containsKey(day)).sorted(heaviest)
                    .toList();
            long white = Math.round((double) table.tempoDays(TempoColour.WHITE)
                    * read.stream().filter(day -> day.getDayOfWeek() != DayOfWeek.SUNDAY).count() / whiteSeason.size());
            whiteRead.stream().limit(white).forEach(day -> colours.put(day, TempoColour.WHITE));
        }
        return colours;
    }

    private static boolean mayBeRed(LocalDate day) {
        Month month = day.getMonth();
        boolean winter = month.compareTo(Month.NOVEMBER) >= 0 || month.compareTo(Month.MARCH) <= 0;
        return winter && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static int tempoYear(LocalDate day) {
        return day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
    }

    private static List<LocalDate> days(LocalDate from, LocalDate to) {
        return from.datesUntil(to).toList();
    }

    private static double rounded(double kilowattHours) {
        return Math.round(kilowattHours * 1000) / 1000.0;
    }
}
