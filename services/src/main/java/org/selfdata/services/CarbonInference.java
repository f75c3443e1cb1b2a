package org.selfdata.services;

import java.util.Locale;
import java.util.Optional;

/**
 * How a leg of a trip was made, from what the phone recognized when it says, otherwise from the leg's average speed and
 * distance. The thresholds:
 * <ul>
 * <li>over {@value #PLANE_KILOMETRES_PER_HOUR} km/h from stay to stay, a plane, whatever the phone says: no train or car
 * keeps that average; a plane is short haul under {@value #SHORT_HAUL_KILOMETRES} km, medium haul up to
 * {@value #MEDIUM_HAUL_KILOMETRES} km, long haul beyond;</li>
 * <li>in a rail vehicle: under {@value #LOCAL_KILOMETRES} km, a tram or metro, the phone naming them alike; beyond, a train,
 * high-speed from {@value #HIGH_SPEED_KILOMETRES} km on (regional trains rarely go that far);</li>
 * <li>in a bus, a bus; in a car, on a motorbike or in a vehicle the phone did not name, a car;</li>
 * <li>with no activity recognized: under {@value #WALKING_KILOMETRES_PER_HOUR} km/h, walking; under
 * {@value #CYCLING_KILOMETRES_PER_HOUR} km/h over less than {@value #LOCAL_KILOMETRES} km, cycling; beyond
 * {@value #LOCAL_KILOMETRES} km at over {@value #TRAIN_KILOMETRES_PER_HOUR} km/h on average, stops included, which a car
 * on French roads hardly keeps, a train; anything else, a car. Trams and buses cannot be told from a car by speed in a
 * city: without the phone's word they are counted as a car, the heaviest, and the estimate says it guessed.</li>
 * </ul>
 */
final class CarbonInference {
    static final int PLANE_KILOMETRES_PER_HOUR = 300;
    static final int SHORT_HAUL_KILOMETRES = 1_000;
    static final int MEDIUM_HAUL_KILOMETRES = 3_500;
    static final int LOCAL_KILOMETRES = 20;
    static final int HIGH_SPEED_KILOMETRES = 200;
    static final int WALKING_KILOMETRES_PER_HOUR = 7;
    static final int CYCLING_KILOMETRES_PER_HOUR = 20;
    static final int TRAIN_KILOMETRES_PER_HOUR = 100;

    /** What the phone's recognized activities say, in broad classes; {@link #NONE} for standing still or unknown. */
    enum Activity {
        NONE, WALKING, CYCLING, RAIL, TRAM_METRO, TRAIN, BUS, ROAD, VEHICLE, FLYING;

        /**
         * Google's activity types, as the location history, the semantic history and the phone's own timeline write them
         * ({@code IN_RAIL_VEHICLE}, {@code IN_PASSENGER_VEHICLE}, {@code in train}).
         */
        static Activity of(Optional<String> activity) {
            if (activity.isEmpty()) {
                return NONE;
            }
            String type = activity.get().strip().toUpperCase(Locale.ROOT).replace(' ', '_');
            return switch (type) {
                case "WALKING", "ON_FOOT", "RUNNING", "HIKING" -> WALKING;
                case "ON_BICYCLE", "CYCLING", "IN_BICYCLE" -> CYCLING;
                case "IN_RAIL_VEHICLE" -> RAIL;
                case "IN_SUBWAY", "IN_TRAM", "IN_TRAMWAY", "IN_METRO" -> TRAM_METRO;
                case "IN_TRAIN" -> TRAIN;
                case "IN_BUS" -> BUS;
                case "IN_CAR", "IN_PASSENGER_VEHICLE", "IN_ROAD_VEHICLE", "MOTORCYCLING", "IN_TAXI" -> ROAD;
                case "IN_VEHICLE" -> VEHICLE;
                case "FLYING" -> FLYING;
                default -> NONE;
            };
        }
    }

    private CarbonInference() {}

    /**
     * @param metres the leg's length
     * @param seconds how long it took
     * @param activity what the phone recognized over most of the leg
     */
    static CarbonMode mode(double metres, long seconds, Activity activity) {
        double kilometres = metres / 1000;
        double kilometresPerHour = seconds <= 0 ? 0 : kilometres / (seconds / 3600.0);
        if (activity == Activity.FLYING || kilometresPerHour > PLANE_KILOMETRES_PER_HOUR) {
            return kilometres < SHORT_HAUL_KILOMETRES ? CarbonMode.PLANE_SHORT_HAUL
                    : kilometres <= MEDIUM_HAUL_KILOMETRES ? CarbonMode.PLANE_MEDIUM_HAUL : CarbonMode.PLANE_LONG_HAUL;
        }
        return switch (activity) {
            case WALKING -> CarbonMode.WALKING;
            case CYCLING -> CarbonMode.CYCLING;
            case TRAM_METRO -> CarbonMode.TRAM_METRO;
            case TRAIN -> train(kilometres);
            case RAIL -> kilometres < LOCAL_KILOMETRES ? CarbonMode.TRAM_METRO : train(kilometres);
            case BUS -> CarbonMode.BUS;
            case ROAD, VEHICLE -> CarbonMode.CAR;
            case NONE, FLYING -> bySpeed(kilometres, kilometresPerHour);
        };
    }

    private static CarbonMode bySpeed(double kilometres, double kilometresPerHour) {
        if (kilometresPerHour < WALKING_KILOMETRES_PER_HOUR) {
            return CarbonMode.WALKING;
        }
        if (kilometres < LOCAL_KILOMETRES) {
            return kilometresPerHour < CYCLING_KILOMETRES_PER_HOUR ? CarbonMode.CYCLING : CarbonMode.CAR;
        }
        return kilometresPerHour > TRAIN_KILOMETRES_PER_HOUR ? train(kilometres) : CarbonMode.CAR;
    }

    private static CarbonMode train(double kilometres) {
        return kilometres < HIGH_SPEED_KILOMETRES ? CarbonMode.TRAIN_REGIONAL : CarbonMode.TRAIN_HIGH_SPEED;
    }
}
