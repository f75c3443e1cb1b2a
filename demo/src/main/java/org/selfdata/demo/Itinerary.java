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
            plan.leaveAt(at(9 * 60 + 20, 9 * 60 + 35));
            plan.go(Place.BOOKSHOP, cityMode());
            plan.leaveAt(LocalTime.of(18, 0));
            evening(plan, 3);
        }
        else {
            if (random.nextInt(2) == 0) {
                plan.leaveAt(at(14 * 60, 15 * 60));
                plan.go(Place.PARK, Stop.Mode.ON_BICYCLE);
                plan.stayFor(minutes(90, 180));
            }
            evening(plan, 3);
        }
        return plan.finish(next.bed());
    }

    private void lectureDay(Plan plan, LocalDate day) {
        plan.leaveAt(at(7 * 60 + 40, 8 * 60 + 40));
        plan.go(Place.CAMPUS, random.nextInt(3) == 0 ? Stop.Mode.ON_BICYCLE : Stop.Mode.IN_TRAM);
        plan.leaveAt(at(12 * 60, 17 * 60 + 30));
        if (schedule.isShift(day)) {
            plan.go(Place.BOOKSHOP, Stop.Mode.IN_TRAM);
            plan.leaveAt(LocalTime.of(20, 30));
        }
        else {
            evening(plan, 4);
        }
    }

    /** Now and then an evening at friends' in Croix-Rousse, straight from where Camille is or from home after dinner. */
    private void evening(Plan plan, int oneIn) {
        if (random.nextInt(oneIn) == 0) {
            if (plan.isStaying()) {
                plan.leaveAt(at(19 * 60, 20 * 60));
            }
            plan.go(Place.FRIENDS, cityMode());
            plan.leaveAt(at(21 * 60, 23 * 60 + 30));
        }
    }

    private void travelDay(Plan plan, Whereabouts from, Whereabouts to) {
        plan.leaveAt(at(8 * 60 + 30, 11 * 60));
        if (from == Whereabouts.LYON) {
            plan.go(Place.PART_DIEU, Stop.Mode.IN_TRAM);
            plan.stayFor(minutes(10, 25));
            plan.go(to.bed(), Stop.Mode.IN_TRAIN);
        }
        else if (to == Whereabouts.LYON) {
            plan.go(Place.PART_DIEU, Stop.Mode.IN_TRAIN);
            plan.stayFor(minutes(5, 15));
            plan.go(Place.HOME, Stop.Mode.IN_TRAM);
        }
        else {
            plan.go(to.bed(), Stop.Mode.IN_TRAIN);
        }
    }

    private void awayDay(Plan plan, Place bed) {
        if (random.nextInt(10) < 7) {
            double north = (random.nextDouble() - 0.5) * 4_000;
            double east = (random.nextDouble() - 0.5) * 4_000;
            Place outing = new Place("outing", bed.latitude() + north / Place.METERS_PER_DEGREE,
                    bed.longitude() + east / (Place.METERS_PER_DEGREE * Math.cos(Math.toRadians(bed.latitude()))), 150);
            plan.leaveAt(at(9 * 60 + 30, 11 * 60));
            plan.go(outing, Stop.Mode.WALKING);
            plan.stayFor(minutes(120, 300));
        }
    }

    private Stop.Mode cityMode() {
        return random.nextInt(4) == 0 ? Stop.Mode.WALKING : random.nextBoolean() ? Stop.Mode.IN_TRAM : Stop.Mode.ON_BICYCLE;
    }

    private LocalTime at(int earliestMinute, int latestMinute) {
        return LocalTime.MIDNIGHT.plusMinutes(minutes(earliestMinute, latestMinute));
    }

    private int minutes(int least, int most) {
        return least + random.nextInt(most - least + 1);
    }

    /** Stops laid end to end through a day: Camille is either staying somewhere or on her way to the next place. */
    private final class Plan {
        private final LocalDate day;
        private final List<Stop> stops = new ArrayList<>();
        private Place here;
        private Instant arrived;
        private Instant departed;
        private Stop.Mode cameBy = Stop.Mode.WALKING;
        private boolean staying = true;

        private Plan(LocalDate day) {
            this.day = day;
            this.here = schedule.whereabouts(day.minusDays(1)).bed();
            this.arrived = day.atStartOfDay(zone).toInstant();
            this.departed = arrived;
        }

        private boolean isStaying() {
            return staying;
        }

        /** Leaves the current place at this time, or five minutes after arriving if she arrived later. */
        private void leaveAt(LocalTime time) {
            leave(day.atTime(time).atZone(zone).toInstant());
        }

        private void stayFor(int minutes) {
            leave(arrived.plus(Duration.ofMinutes(minutes)));
        }

        private void leave(Instant at) {
            Instant earliest = arrived.plus(Duration.ofMinutes(5));
            departed = at.isAfter(earliest) ? at : earliest;
            stops.add(new Stop(here, arrived, departed, cameBy));
            staying = false;
        }

        /** Travels to {@code place}, leaving right away if she was still staying somewhere. */
        private void go(Place place, Stop.Mode mode) {
            if (staying) {
                leave(arrived);
            }
            double kilometers = Math.max(0.3, distanceMeters(here, place) / 1000 * 1.3);
            long seconds = Math.round(kilometers / mode.kilometersPerHour() * 3600) + 60L * (mode == Stop.Mode.IN_TRAIN ? 20 : 4);
            arrived = departed.plusSeconds(seconds);
            here = place;
            cameBy = mode;
            staying = true;
        }

        private List<Stop> finish(Place bed) {
            if (!here.equals(bed)) {
                if (staying) {
                    stayFor(minutes(20, 60));
                }
                go(bed, cityMode());
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
