package org.selfdata.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A meter reading. Values are kept in one unit per quantity so that readings from different exports add up:
 * watt-hours for energy and indexes, watts for power.
 *
 * @param meter the meter's identifier (a Linky PRM, a Green Button usage point)
 * @param quantity what the value measures over the record's time span
 * @param register the tariff register for index readings ({@code HP}, {@code HC}, {@code F1}), when there is one
 */
public record EnergyReading(
        String meter,
        Quantity quantity,
        BigDecimal value,
        Optional<Integer> intervalMinutes,
        Optional<String> register) implements Payload {
    public enum Quantity {
        /** Energy consumed during the record's span, in watt-hours. */
        ENERGY,
        /** Average power over the record's span, in watts. */
        POWER,
        /** A cumulative meter index at the record's instant, in watt-hours. */
        INDEX
    }

    public EnergyReading {
        Fields.requiredText(meter, "meter", 64);
        requireNonNull(quantity, "quantity is null");
        requireNonNull(value, "value is null");
        intervalMinutes = Fields.optional(intervalMinutes);
        register = Fields.optionalText(register, "register", 32);
    }

    /** The unit {@link #value()} is expressed in. */
    @JsonIgnore
    public String unit() {
        return switch (quantity) {
            case ENERGY, INDEX -> "Wh";
            case POWER -> "W";
        };
    }

    @Override
    public RecordType type() {
        return RecordType.ENERGY_READING;
    }
}
