package org.selfdata.gate;

import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Contact;
import org.selfdata.model.Document;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.Payload;
import org.selfdata.model.RecordType;
import org.selfdata.model.SocialMessage;
import org.selfdata.model.SocialPost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words of a record a person reads and would search for: a transaction's label and payee, a visit's place, an
 * event's title and location, a contact's names, a message's or post's text, a document's title and text.
 *
 * <p>Codes (a trip's mode, a point's activity), measures and coordinates are left out: nobody searches for
 * IN_PASSENGER_VEHICLE, and a search for "45" should not find every point at latitude 45. So points, trips and energy
 * readings hold no words, and a search does not read them at all, which on a vault of location history is most of it.
 */
public final class SearchableText {
    private static final Set<RecordType> WITH_WORDS = Arrays.stream(RecordType.values())
            .filter(SearchableText::holdsWords)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecordType.class)));

    private SearchableText() {}

    /** The types of those asked (every type when none is) that hold words: the only ones a search reads. */
    public static Set<RecordType> typesWithin(Set<RecordType> asked) {
        Set<RecordType> types = EnumSet.copyOf(WITH_WORDS);
        if (!asked.isEmpty()) {
            types.retainAll(asked);
        }
        return types;
    }

    private static boolean holdsWords(RecordType type) {
        return switch (type) {
            case BANK_TRANSACTION, BANK_ACCOUNT, GEO_VISIT, CONTACT, CALENDAR_EVENT, SOCIAL_MESSAGE, SOCIAL_POST,
                 DOCUMENT -> true;
            case GEO_POINT, GEO_TRIP, ENERGY_READING -> false;
        };
    }

    /**
     * The record's words, one field a line, folded as {@link SearchWords} folds what is searched for: what a search
     * found is then looked through more closely by whoever searched, a whole address or phone number rather than words.
     */
    public static String of(Payload payload) {
        return SearchWords.fold(String.join("\n", fields(payload)));
    }

    private static List<String> fields(Payload payload) {
        return switch (payload) {
            case BankTransaction transaction -> present(Stream.of(Optional.of(transaction.label()),
                    transaction.counterparty(), transaction.memo(), transaction.bankCategory()));
            case BankAccount account -> present(Stream.of(account.name(), Optional.of(account.accountNumber())));
            case GeoVisit visit -> present(Stream.of(visit.placeName(), visit.address()));
            case CalendarEvent event -> present(Stream.of(Optional.of(event.summary()), event.location(),
                    event.description()));
            case Contact contact -> {
                List<String> words = new ArrayList<>(present(Stream.of(Optional.of(contact.displayName()),
                        contact.givenName(), contact.familyName(), contact.organization())));
                words.addAll(contact.emails());
                words.addAll(contact.addresses());
                yield words;
            }
            case SocialMessage message -> present(Stream.of(Optional.of(message.sender()),
                    Optional.of(message.conversation()), message.text()));
            case SocialPost post -> present(Stream.of(post.text()));
            case Document document -> present(Stream.of(Optional.of(document.title()), document.text()));
            case GeoPoint point -> List.of();
            case GeoTrip trip -> List.of();
            case EnergyReading reading -> List.of();
        };
    }

    private static List<String> present(Stream<Optional<String>> fields) {
        return fields.flatMap(Optional::stream).toList();
    }
}
