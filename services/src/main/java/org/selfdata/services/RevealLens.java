package org.selfdata.services;

import org.selfdata.model.Grant;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.Precision;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Through what the locations are looked at: the person's own exact records, or the records as a recipient given some
 * precision would receive them, transformed as the gate transforms them (a coordinate becomes an H3 cell or a named
 * area, a time is truncated to the hour or the day in the person's zone, a place's name is left out).
 *
 * <p>Which records a recipient receives is the lens's {@link Scope}: all the person's locations, to see what a
 * precision alone leaves; those grant terms would let through, of their types and over their period, before they are
 * given; or those a grant's recipient has received so far, as the log tells.
 */
public sealed interface RevealLens {
    /** The records as they are in the vault. */
    record Exact() implements RevealLens {}

    /** The records of the scope as the gate would send them at this precision, areas drawn from the gate's geography. */
    record Received(Precision precision, Scope scope) implements RevealLens {
        public Received {
            requireNonNull(precision, "precision is null");
            requireNonNull(scope, "scope is null");
        }

        /** All the person's locations at this precision. */
        public Received(Precision precision) {
            this(precision, new Everything());
        }
    }

    /** Which of the person's records a recipient receives. */
    sealed interface Scope {}

    /** All of them. */
    record Everything() implements Scope {}

    /**
     * Those the terms let through, of their types and over their period, were they given at {@code givenAt}.
     */
    record Terms(GrantTerms terms, Instant givenAt) implements Scope {
        public Terms {
            requireNonNull(terms, "terms is null");
            requireNonNull(givenAt, "givenAt is null");
        }
    }

    /** Those the grant's recipient has read so far, as the grant's reads on the log tell. */
    record Reads(Grant grant) implements Scope {
        public Reads {
            requireNonNull(grant, "grant is null");
        }
    }

    static RevealLens exact() {
        return new Exact();
    }

    /** The records the terms let through, at their precision, were they given at {@code givenAt}. */
    static RevealLens terms(GrantTerms terms, Instant givenAt) {
        return new Received(terms.precision(), new Terms(terms, givenAt));
    }

    /** The records the grant's recipient has read so far, at the grant's precision. */
    static RevealLens reads(Grant grant) {
        return new Received(grant.terms().precision(), new Reads(grant));
    }
}
