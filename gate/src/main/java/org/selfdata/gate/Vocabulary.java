package org.selfdata.gate;

import org.selfdata.model.BankAccount;
import org.selfdata.model.EnergyReading;

import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The closed lists a category field's values come from. A value on its field's list is shared, spelled as the list
 * spells it; any other value is left out, so that text a person typed where a file expected a code (a QIF category
 * such as {@code [linda]}, a GPX track type, a bank's own wording) never leaves as a category.
 *
 * <p>Values are compared without regard to case, spaces or hyphens ({@code in passenger vehicle} is
 * {@code IN_PASSENGER_VEHICLE}), because the same standard list is written differently by different exports.
 */
enum Vocabulary {
    /** ISO 4217 currency codes, as the Java runtime knows them. */
    CURRENCY(Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)),
    /** The kinds of bank account selfdata's model names. */
    ACCOUNT_KIND(Arrays.stream(BankAccount.Kind.values()).map(Enum::name)),
    /**
     * OFX's TRNTYPE values, and ISO 20022 bank transaction codes: one of its domain codes, then, optionally, a family
     * and a sub-family code of four capitals each (camt's {@code BkTxCd/Domn}), as banks write them; a bank's
     * proprietary code is free text and is left out.
     */
    TRANSACTION_KIND(Stream.of("CREDIT", "DEBIT", "INT", "DIV", "FEE", "SRVCHG", "DEP", "ATM", "POS", "XFER", "CHECK",
            "PAYMENT", "CASH", "DIRECTDEP", "DIRECTDEBIT", "REPEATPMT", "HOLD", "OTHER"),
            Pattern.compile("(PMNT|CAMT|DERV|LDAS|FORX|PMET|SECU|TRAD|ACMT|CMDT|XTND)(/[A-Z]{4}){0,2}")),
    /** Google's activity types, for a position's likeliest activity and a trip's mode of travel. */
    ACTIVITY(Stream.of("IN_VEHICLE", "ON_BICYCLE", "ON_FOOT", "RUNNING", "STILL", "TILTING", "UNKNOWN", "WALKING",
            "EXITING_VEHICLE", "IN_ROAD_VEHICLE", "IN_RAIL_VEHICLE", "IN_FOUR_WHEELER_VEHICLE", "IN_CAR",
            "IN_TWO_WHEELER_VEHICLE", "IN_PASSENGER_VEHICLE", "IN_BUS", "IN_TRAIN", "IN_TRAM", "IN_SUBWAY", "IN_FERRY",
            "IN_CABLECAR", "IN_FUNICULAR", "IN_GONDOLA_LIFT", "IN_WHEELCHAIR", "CYCLING", "FLYING", "MOTORCYCLING",
            "SAILING", "SKIING", "HIKING", "BOATING", "KAYAKING", "ROWING", "SURFING", "SWIMMING", "HORSEBACK_RIDING",
            "CATCHING_POKEMON", "UNKNOWN_ACTIVITY_TYPE")),
    /** How a position was fixed, in Google's words. */
    POSITION_SOURCE(Stream.of("GPS", "WIFI", "CELL", "UNKNOWN", "INFERRED", "VISIT", "MANUAL")),
    /** The kinds of place Google's location history names a visit by; a person's own name for a place is not one. */
    PLACE_TYPE(Stream.of("TYPE_HOME", "TYPE_WORK", "TYPE_SEARCHED_ADDRESS", "TYPE_ALIASED_LOCATION", "TYPE_UNKNOWN",
            "HOME", "WORK", "INFERRED_HOME", "INFERRED_WORK", "SEARCHED_ADDRESS", "ALIASED_LOCATION", "UNKNOWN")),
    /** RFC 5545's statuses of events, to-dos and journal entries. */
    EVENT_STATUS(Stream.of("TENTATIVE", "CONFIRMED", "CANCELLED", "NEEDS_ACTION", "COMPLETED", "IN_PROCESS", "DRAFT",
            "FINAL")),
    /** What a meter reading measures, as selfdata's model names it. */
    ENERGY_QUANTITY(Arrays.stream(EnergyReading.Quantity.values()).map(Enum::name)),
    /** A Linky meter's registers: supplier's F1 to F10, distributor's D1 to D4, and the total. */
    ENERGY_REGISTER(Stream.concat(Stream.of("T", "HP", "HC", "BASE"),
            Stream.concat(Stream.iterate(1, index -> index + 1).limit(10).map(index -> "F" + index),
                    Stream.iterate(1, index -> index + 1).limit(4).map(index -> "D" + index)))),
    /** The platforms whose archives selfdata reads. */
    PLATFORM(Stream.of("Facebook", "Instagram", "Messenger")),
    /** What a person published or declared on a platform, in the words of selfdata's importers. */
    POST_KIND(Stream.of("post", "comment", "reaction", "friend", "close-friend", "friend-removed", "friend-request-sent",
            "friend-request-received", "follower", "following", "follow-request-sent", "unfollowed", "ad-interest",
            "ad-category", "off-platform-activity")),
    /** The media types of the documents people keep most; another names the file too closely to be a category. */
    MEDIA_TYPE(Stream.of("application/pdf", "text/plain", "text/html", "text/csv", "application/json", "application/xml",
            "application/zip", "image/png", "image/jpeg", "image/gif", "image/webp", "image/heic", "image/tiff",
            "audio/mpeg", "video/mp4", "application/msword", "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "message/rfc822", "text/calendar",
            "text/vcard")),
    /** Yes or no. */
    BOOLEAN(Stream.of("true", "false"));

    /** Each value of the list, by its folded form. */
    private final Map<String, String> values;
    private final Set<String> spellings;
    private final Optional<Pattern> codes;

    Vocabulary(Stream<String> values) {
        this(values, Optional.empty());
    }

    Vocabulary(Stream<String> values, Pattern codes) {
        this(values, Optional.of(codes));
    }

    Vocabulary(Stream<String> values, Optional<Pattern> codes) {
        this.values = values.collect(Collectors.toUnmodifiableMap(Vocabulary::fold, Function.identity()));
        this.spellings = Set.copyOf(this.values.values());
        this.codes = codes;
    }

    /** The value as the list spells it, or none when it is not on the list. */
    Optional<String> spelling(String value) {
        if (spellings.contains(value)) {
            return Optional.of(value);
        }
        return Optional.ofNullable(values.get(fold(value)))
                .or(() -> codes.filter(pattern -> pattern.matcher(value).matches()).map(pattern -> value));
    }

    /** Upper case, with every run of spaces, hyphens and underscores one underscore. */
    private static String fold(String value) {
        StringBuilder folded = new StringBuilder(value.length());
        boolean separating = false;
        for (char character : value.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            boolean separator = Character.isWhitespace(character) || character == '-' || character == '_';
            if (!separator) {
                folded.append(character);
            }
            else if (!separating) {
                folded.append('_');
            }
            separating = separator;
        }
        return folded.toString();
    }
}
