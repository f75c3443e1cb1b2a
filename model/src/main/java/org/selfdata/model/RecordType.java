package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of record types. Each type has one payload class, one JSON Schema describing its payload's JSON,
 * and the DPV category its records carry unless an importer says better.
 *
 * <p>{@link #countsOccurrences()} decides what two identical records in one file mean. For a bank statement
 * they are two facts (two coffees on the same day at the same price), so the vault keeps both and numbers them;
 * for a location history they are one fact written twice, so the vault keeps one.
 */
public enum RecordType {
    BANK_ACCOUNT("bank.account", BankAccount.class, Category.BANK_ACCOUNT, false),
    BANK_TRANSACTION("bank.transaction", BankTransaction.class, Category.TRANSACTION, true),
    GEO_POINT("geo.point", GeoPoint.class, Category.GPS_COORDINATE, false),
    GEO_VISIT("geo.visit", GeoVisit.class, Category.LOCATION, false),
    GEO_TRIP("geo.trip", GeoTrip.class, Category.TRAVEL_HISTORY, false),
    ENERGY_READING("energy.reading", EnergyReading.class, Category.HOUSEHOLD, false),
    CONTACT("contact", Contact.class, Category.CONTACT, false),
    CALENDAR_EVENT("calendar.event", CalendarEvent.class, Category.BEHAVIORAL, false),
    SOCIAL_MESSAGE("social.message", SocialMessage.class, Category.SOCIAL_MEDIA_COMMUNICATION, true),
    SOCIAL_POST("social.post", SocialPost.class, Category.SOCIAL_MEDIA, true),
    DOCUMENT("document", Document.class, Category.PERSONAL_DOCUMENTS, false);

    private static final Map<String, RecordType> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RecordType::id, Function.identity()));

    private final String id;
    private final Class<? extends Payload> payloadClass;
    private final Category defaultCategory;
    private final boolean countsOccurrences;

    RecordType(String id, Class<? extends Payload> payloadClass, Category defaultCategory, boolean countsOccurrences) {
        this.id = id;
        this.payloadClass = payloadClass;
        this.defaultCategory = defaultCategory;
        this.countsOccurrences = countsOccurrences;
    }

    /** The name used in storage, the API, exports and on the command line, such as {@code bank.transaction}. */
    public String id() {
        return id;
    }

    public Class<? extends Payload> payloadClass() {
        return payloadClass;
    }

    public Category defaultCategory() {
        return defaultCategory;
    }

    public boolean countsOccurrences() {
        return countsOccurrences;
    }

    /** The class-path resource holding this type's JSON Schema (draft 2020-12). */
    public String schemaResource() {
        return "/org/selfdata/model/schemas/" + id + ".schema.json";
    }

    public static RecordType fromId(String id) {
        RecordType type = BY_ID.get(id);
        if (type == null) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.recordTypeUnknown", Fields.quotable(id), knownIds()));
        }
        return type;
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(RecordType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
