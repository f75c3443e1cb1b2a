package org.selfdata.gate;

/**
 * What a payload field is to a recipient, which decides what a grant's precision does to it.
 *
 * <p>{@link SharedFields} gives every field of every record type its class. A field with no class is left out.
 */
sealed interface FieldClass {
    /** One half of a coordinate; the two halves become one area, written under {@code area}. */
    record Coordinate(String area, Axis axis) implements FieldClass {}

    enum Axis {
        LATITUDE, LONGITUDE
    }

    /**
     * A value from a closed list (a currency, a kind of account, a mode of travel): written as the list spells it when
     * it is on the list, left out when it is not, since a value off the list is text somebody wrote.
     */
    record Category(Vocabulary vocabulary) implements FieldClass {}

    enum Kind implements FieldClass {
        /** A list of {@code {latitude, longitude}} objects: a path, written as its areas, repeats collapsed. */
        PATH,
        /**
         * Tells where beyond the coordinate (accuracy, altitude, a place id, a time zone, the length of a path, worked
         * out from the exact points): only at exact location.
         */
        LOCATION_DETAIL,
        /** Text that tells where (an address, a place's name): only at exact location, and only when named. */
        LOCATION_TEXT,
        /** Money: reduced to the amount precision. */
        AMOUNT,
        /** A calendar date: truncated to the time precision. */
        DATE,
        /** Tells when beyond the record's own times (a recurrence rule): only at exact time. */
        TIME_DETAIL,
        /** Identifies someone or something (an IBAN, a phone number, a device): pseudonymized unless clear. */
        IDENTIFIER,
        /** Written by a person, or naming one: left out unless the grant names the field. */
        FREE_TEXT,
        /** A measurement that tells neither where, when, how much money nor who: written as it is. */
        MEASURE
    }
}
