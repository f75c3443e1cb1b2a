package org.selfdata.demo;

import java.time.Instant;

/**
 * A stay at a place, from {@code arrive} to {@code leave}; reaching it from the previous stop is done by {@code mode}.
 */
record Stop(Place place, Instant arrive, Instant leave, Mode mode) {
    /** How Camille travels, as Google's activity recognition names it. */
    enum Mode {
        WALKING("WALKING", 4.5),
        ON_BICYCLE("ON_BICYCLE", 14),
        IN_TRAM("IN_RAIL_VEHICLE", 17),
        IN_TRAIN("IN_RAIL_VEHICLE", 110);

        private final String activity;
        private final double kilometersPerHour;

        Mode(String activity, double kilometersPerHour) {
            this.activity = activity;
            this.kilometersPerHour = kilometersPerHour;
        }

        String activity() {
            return activity;
        }

        double kilometersPerHour() {
            return kilometersPerHour;
        }
    }
}
