package org.selfdata.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The content of a record: what is sealed in the vault and what a grant's precision transforms.
 *
 * <p>One record type per payload class; each has a JSON Schema beside it ({@link RecordType#schemaResource()})
 * that describes exactly the JSON {@link PayloadCodec} writes for it.
 */
public sealed interface Payload
        permits BankAccount, BankTransaction, GeoPoint, GeoVisit, GeoTrip, EnergyReading, Contact, CalendarEvent,
        SocialMessage, SocialPost, Document {
    @JsonIgnore
    RecordType type();
}
