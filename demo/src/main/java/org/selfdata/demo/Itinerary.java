package org.selfdata.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Plans one day of Camille's movements as a list of stops: lectures at La Doua on weekdays of term, shifts at the
 * bookshop, evenings with friends, afternoons in the park, trains on the days she leaves or comes back.
 */
final class Itinerary {
    private final Schedule schedule;
    private final ZoneId zone;
    private final RandomGenerator random;

    Itinerary(Schedule schedule, ZoneId zone, RandomGenerator random) {
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.random = requireNonNull(random, "random is null");
    }

    /** The day's stops, the first from midnight and the last to the next midnight. */
    List<Stop> plan(LocalDate day) {
        Plan plan = new Plan(day);
        Whereabouts last = schedule.whereabouts(day.minusDays(1));
        Whereabouts next = schedule.whereabouts(day);
        if (last != next) {
            travelDay(plan, last, next);
        }
        else if (next != Whereabouts.LYON) {
            awayDay(plan, next.bed());
        }
        else if (schedule.isLectureDay(day)) {
            lectureDay(plan, day);
        }
        else if (schedule.isShift(day)) {
            plan.go(Place.BOOKSHOP, minutes(9 * 60 + 20, 9 * 60 + 35), cityMode());
            plan.stayUntil(LocalTime.of(18, 0));
            evening(plan, 3);
        }
        else {
            plan.stay(Place.HOME, minutes(0, 0));
            if (random.nextInt(2) == 0) {
                plan.go(Place.PARK, minutes(14 * 60, 15 * 60), Stop.Mode.ON_BICYCLE);
                plan.stayFor(minutes(90, 180));
            }
            evening(plan, 3);
        }
        return plan.finish(next.bed());
    }

    private void lectureDay(Plan plan, LocalDate day) {
        plan.go(Place.CAMPUS, minutes(7 * 60 + 40, 8 * 60 + 40), random.nextInt(3) == 0 ? Stop.Mode.ON_BICYCLE : Stop.Mode.IN_TRAM);
        plan.stayUntil(LocalTime.of(12, 0).plusMinutes(minutes(0, 330)));
        if (schedule.isShift(day)) {
            plan.go(Place.BOOKSHOP, minutes(0, 10), Stop.Mode.IN_TRAM);
            plan.stayUntil(LocalTime.of(20, 30));
        }
        else {
            evening(plan, 4);
        }
    }

    private void evening(Plan plan, int oneIn) {
        if (random.nextInt(oneIn) == 0) {
            plan.go(Place.FRIENDS, minutes(15, 60), cityMode());
            plan.stayUntil(LocalTime.of(21, 0).plusMinutes(minutes(0, 150)));
        }
    }

    private void travelDay(Plan plan, Whereabouts from, Whereabouts to) {
        plan.stay(from.bed(), minutes(8 * 60 + 30, 11 * 60));
        if (from == Whereabouts.LYON) {
            plan.go(Place.PART_DIEU, 5, Stop.Mode.IN_TRAM);
            plan.stayFor(minutes(10, 25));
            plan.go(to.bed(), 10, Stop.Mode.IN_TRAIN);
        }
        else if (to == Whereabouts.LYON) {
            plan.go(Place.PART_DIEU, 10, Stop.Mode.IN_TRAIN);
            plan.stayFor(minutes(5, 15));
            plan.go(Place.HOME, 5, Stop.Mode.IN_TRAM);
        }
        else {
            plan.go(to.bed(), 10, Stop.Mode.IN_TRAIN);
        }
    }

    private void awayDay(Plan plan, Place bed) {
        plan.stay(bed, minutes(9 * 60 + 30, 11 * 60));
        if (random.nextInt(10) < 7) {
            double north = (random.nextDouble() - 0.5) * 4_000;
            double east = (random.nextDouble() - 0.5) * 4_000;
            Place outing = new Place("outing", bed.latitude() + north / Place.METERS_PER_DEGREE,
                    bed.longitude() + east / (Place.METERS_PER_DEGREE * Math.cos(Math.toRadians(bed.latitude()))), 150);
            plan.go(outing, 0, Stop.Mode.WALKING);
            plan.stayFor(minutes(120, 300));
        }
    }

    private Stop.Mode cityMode() {
        return random.nextInt(4) == 0 ? Stop.Mode.WALKING : random.nextBoolean() ? Stop.Mode.IN_TRAM : Stop.Mode.ON_BICYCLE;
    }

    private int minutes(int least, int most) {
        return least + random.nextInt(most - least + 1);
    }

    /** Stops being laid end to end through a day. */
    private final class Plan {
        private final LocalDate day;
        private final List<Stop> stops = new ArrayList<>();
        private Place here;
        private Instant arrived;
        private Stop.Mode cameBy = Stop.Mode.WALKING;

        private Plan(LocalDate day) {
            this.day = day;
            this.here = schedule.whereabouts(day.minusDays(1)).bed();
            this.arrived = day.atStartOfDay(zone).toInstant();
        }

        /** Stays where Camille is until this many minutes after midnight, or later if she arrived later. */
        private void stay(Place place, int minutesAfterMidnight) {
            here = place;
            stayUntil(LocalTime.MIDNIGHT.plusMinutes(minutesAfterMidnight));
        }

        private void stayUntil(LocalTime time) {
            Instant leave = day.atTime(time).atZone(zone).toInstant();
            close(leave.isAfter(arrived) ? leave : arrived.plus(Duration.ofMinutes(5)));
        }

        private void stayFor(int minutes) {
            close(arrived.plus(Duration.ofMinutes(minutes)));
        }

        private Instant departure = Instant.MIN;

        private void close(Instant leave) {
            stops.add(new Stop(here, arrived, leave, cameBy));
            departure = leave;
        }

        /** Leaves (after waiting {@code delayMinutes} if no stay was closed yet) and travels to {@code place}. */
        private void go(Place place, int delayMinutes, Stop.Mode mode) {
            if (departure.isBefore(arrived)) {
                stayFor(delayMinutes);
            }
            double kilometers = Math.max(0.3, distanceMeters(here, place) / 1000 * 1.3);
            long seconds = Math.round(kilometers / mode.kilometersPerHour() * 3600) + 60L * (mode == Stop.Mode.IN_TRAIN ? 20 : 4);
            arrived = departure.plusSeconds(seconds);
            here = place;
            cameBy = mode;
        }

        private List<Stop> finish(Place bed) {
            if (!here.equals(bed)) {
                if (departure.isBefore(arrived)) {
                    stayFor(minutes(20, 60));
                }
                go(bed, 0, cityMode());
            }
            Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
            stops.add(new Stop(here, arrived, midnight.isAfter(arrived) ? midnight : arrived, cameBy));
            return List.copyOf(stops);
        }
    }

    static double distanceMeters(Place from, Place to) {
        double north = (to.latitude() - from.latitude()) * Place.METERS_PER_DEGREE;
        double east = (to.longitude() - from.longitude()) * Place.METERS_PER_DEGREE * Math.cos(Math.toRadians(from.latitude()));
        return Math.hypot(north, east);
    }
}
