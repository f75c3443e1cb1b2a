package org.selfdata.services;

import org.selfdata.model.Precision;

import static java.util.Objects.requireNonNull;

/**
 * Through what the locations are looked at: the person's own exact records, or the records as a recipient given some
 * precision would receive them, transformed as the gate transforms them (a coordinate becomes an H3 cell or a named
 * area, a time is truncated to the hour or the day in the person's zone, a place's name is left out).
 */
public sealed interface RevealLens {
    /** The records as they are in the vault. */
    record Exact() implements RevealLens {}

    /** The records as the gate would send them at this precision, areas drawn from the gate's own geography. */
    record Received(Precision precision) implements RevealLens {
        public Received {
            requireNonNull(precision, "precision is null");
        }
    }

    static RevealLens exact() {
        return new Exact();
    }
}
