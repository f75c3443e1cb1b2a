package org.selfdata.gate;

import org.selfdata.model.RecordType;

import java.util.Map;

import static org.selfdata.gate.FieldClass.Kind.AMOUNT;
import static org.selfdata.gate.FieldClass.Kind.DATE;
import static org.selfdata.gate.FieldClass.Kind.FREE_TEXT;
import static org.selfdata.gate.FieldClass.Kind.IDENTIFIER;
import static org.selfdata.gate.FieldClass.Kind.LOCATION_DETAIL;
import static org.selfdata.gate.FieldClass.Kind.LOCATION_TEXT;
import static org.selfdata.gate.FieldClass.Kind.MEASURE;
import static org.selfdata.gate.FieldClass.Kind.PATH;
import static org.selfdata.gate.FieldClass.Kind.TIME_DETAIL;

/**
 * The class of every payload field a recipient may receive, one table per record type, meant to be audited.
 *
 * <p>A field missing from its table is left out of every shared record: a field added to a payload later reaches
 * recipients only once someone has decided here what it is. Choices worth a reason:
 * <ul>
 *   <li>A place id, an accuracy or an altitude narrows a location as much as a coordinate: location details.</li>
 *   <li>An address or a place name is where the person was, in words: location text, exact location only.</li>
 *   <li>Names of people (payees, contacts, senders, conversation names) are free text or identifiers, never
 *       categories: a bank transfer's counterparty can be a person's name.</li>
 *   <li>A meter's id (a Linky PRM) designates a dwelling; a document's SHA-256 lets a recipient recognize a document
 *       it has seen: identifiers, pseudonymized unless the grant says clear.</li>
 *   <li>A category is a value from a closed list ({@link Vocabulary}); a bank's own category is not one, since
 *       exports write whatever the bank or the person filed the line under (a QIF category is the person's own
 *       text, such as the name of an account they opened for a friend): free text.</li>
 *   <li>A trip's length is worked out from its exact points: a location detail, shared at exact location only.</li>
 * </ul>
 */
final class SharedFields {
    private static final FieldClass LATITUDE = new FieldClass.Coordinate("area", FieldClass.Axis.LATITUDE);
    private static final FieldClass LONGITUDE = new FieldClass.Coordinate("area", FieldClass.Axis.LONGITUDE);
    private static final FieldClass CURRENCY = new FieldClass.Category(Vocabulary.CURRENCY);
    private static final FieldClass ACTIVITY = new FieldClass.Category(Vocabulary.ACTIVITY);
    private static final FieldClass PLATFORM = new FieldClass.Category(Vocabulary.PLATFORM);

    private static final Map<String, FieldClass> GEO_POINT = Map.of(
            "latitude", LATITUDE,
            "longitude", LONGITUDE,
            "accuracyMeters", LOCATION_DETAIL,
            "altitudeMeters", LOCATION_DETAIL,
            "origin", new FieldClass.Category(Vocabulary.POSITION_SOURCE),
            "activity", ACTIVITY,
            "device", IDENTIFIER);

    private static final Map<String, FieldClass> GEO_VISIT = Map.of(
            "latitude", LATITUDE,
            "longitude", LONGITUDE,
            "placeName", LOCATION_TEXT,
            "address", LOCATION_TEXT,
            "placeId", LOCATION_DETAIL,
            "semanticType", new FieldClass.Category(Vocabulary.PLACE_TYPE),
            "confidence", MEASURE);

    private static final Map<String, FieldClass> GEO_TRIP = Map.of(
            "startLatitude", new FieldClass.Coordinate("start", FieldClass.Axis.LATITUDE),
            "startLongitude", new FieldClass.Coordinate("start", FieldClass.Axis.LONGITUDE),
            "endLatitude", new FieldClass.Coordinate("end", FieldClass.Axis.LATITUDE),
            "endLongitude", new FieldClass.Coordinate("end", FieldClass.Axis.LONGITUDE),
            "mode", ACTIVITY,
            "distanceMeters", LOCATION_DETAIL,
            "waypoints", PATH);

    private static final Map<String, FieldClass> BANK_ACCOUNT = Map.of(
            "accountNumber", IDENTIFIER,
            "iban", IDENTIFIER,
            "bankId", IDENTIFIER,
            "branchId", IDENTIFIER,
            "kind", new FieldClass.Category(Vocabulary.ACCOUNT_KIND),
            "currency", CURRENCY,
            "name", FREE_TEXT,
            "balance", AMOUNT,
            "balanceDate", DATE);

    private static final Map<String, FieldClass> BANK_TRANSACTION = Map.ofEntries(
            Map.entry("account", IDENTIFIER),
            Map.entry("bookingDate", DATE),
            Map.entry("valueDate", DATE),
            Map.entry("amount", AMOUNT),
            Map.entry("currency", CURRENCY),
            Map.entry("label", FREE_TEXT),
            Map.entry("counterparty", FREE_TEXT),
            Map.entry("reference", IDENTIFIER),
            Map.entry("memo", FREE_TEXT),
            Map.entry("kind", new FieldClass.Category(Vocabulary.TRANSACTION_KIND)),
            Map.entry("bankCategory", FREE_TEXT));

    private static final Map<String, FieldClass> ENERGY_READING = Map.of(
            "meter", IDENTIFIER,
            "quantity", new FieldClass.Category(Vocabulary.ENERGY_QUANTITY),
            "value", MEASURE,
            "intervalMinutes", MEASURE,
            "register", new FieldClass.Category(Vocabulary.ENERGY_REGISTER));

    private static final Map<String, FieldClass> CONTACT = Map.of(
            "displayName", FREE_TEXT,
            "givenName", FREE_TEXT,
            "familyName", FREE_TEXT,
            "organization", FREE_TEXT,
            "emails", IDENTIFIER,
            "phones", IDENTIFIER,
            "addresses", LOCATION_TEXT,
            "birthday", DATE,
            "note", FREE_TEXT,
            "uid", IDENTIFIER);

    private static final Map<String, FieldClass> CALENDAR_EVENT = Map.of(
            "uid", IDENTIFIER,
            "summary", FREE_TEXT,
            "description", FREE_TEXT,
            "location", LOCATION_TEXT,
            "allDay", new FieldClass.Category(Vocabulary.BOOLEAN),
            "timeZone", LOCATION_DETAIL,
            "recurrence", TIME_DETAIL,
            "status", new FieldClass.Category(Vocabulary.EVENT_STATUS),
            "organizer", IDENTIFIER,
            "attendees", IDENTIFIER);

    private static final Map<String, FieldClass> SOCIAL_MESSAGE = Map.of(
            "platform", PLATFORM,
            "conversation", IDENTIFIER,
            "sender", IDENTIFIER,
            "text", FREE_TEXT,
            "attachments", FREE_TEXT);

    private static final Map<String, FieldClass> SOCIAL_POST = Map.of(
            "platform", PLATFORM,
            "kind", new FieldClass.Category(Vocabulary.POST_KIND),
            "text", FREE_TEXT,
            "url", FREE_TEXT,
            "attachments", FREE_TEXT);

    private static final Map<String, FieldClass> DOCUMENT = Map.of(
            "title", FREE_TEXT,
            "mediaType", new FieldClass.Category(Vocabulary.MEDIA_TYPE),
            "sizeBytes", MEASURE,
            "sha256", IDENTIFIER,
            "text", FREE_TEXT);

    private SharedFields() {}

    static Map<String, FieldClass> of(RecordType type) {
        return switch (type) {
            case GEO_POINT -> GEO_POINT;
            case GEO_VISIT -> GEO_VISIT;
            case GEO_TRIP -> GEO_TRIP;
            case BANK_ACCOUNT -> BANK_ACCOUNT;
            case BANK_TRANSACTION -> BANK_TRANSACTION;
            case ENERGY_READING -> ENERGY_READING;
            case CONTACT -> CONTACT;
            case CALENDAR_EVENT -> CALENDAR_EVENT;
            case SOCIAL_MESSAGE -> SOCIAL_MESSAGE;
            case SOCIAL_POST -> SOCIAL_POST;
            case DOCUMENT -> DOCUMENT;
        };
    }
}
