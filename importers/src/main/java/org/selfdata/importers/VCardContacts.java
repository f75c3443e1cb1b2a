package org.selfdata.importers;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Address;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.TextProperty;
import org.selfdata.model.Contact;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordTime;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Turns each vCard of a file into a {@code contact}, parsing one card at a time with ez-vcard.
 *
 * <p>A contact's time is its revision ({@code REV}) when the card has one, since that is when the entry last changed.
 * A card without {@code REV} has no time ({@link RecordTime#untimed()}): an address-book entry is not an event, and any
 * made-up time (1970, the import moment, the file's date) would be listed as when something happened, and the last two
 * would make the same card read twice give two different records, where re-importing an unchanged address book must add
 * nothing. The birthday is not used: it dates the person, not the entry.
 *
 * <p>The display name is the card's {@code FN}, else its structured name, organization, first e-mail or first phone,
 * which is how phones show a card without a name.
 */
final class VCardContacts implements RecordReader {
    private final VObjectBlocks blocks;
    private final ZoneId zone;

    VCardContacts(VObjectBlocks blocks, ZoneId zone) {
        this.blocks = requireNonNull(blocks, "blocks is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    @Override
    public Optional<RecordDraft> read() {
        for (Optional<VObjectBlocks.Block> block = blocks.next(); block.isPresent(); block = blocks.next()) {
            if (block.get().name().equals("VCARD")) {
                return Optional.of(readable(block.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one card; whatever goes wrong inside it (a date ez-vcard cannot represent, a value it chokes on) rejects
     * this card only, since the next card begins on a line of its own and is read afresh.
     */
    private RecordDraft readable(VObjectBlocks.Block block) {
        Position position = Position.line(block.firstLine());
        try {
            return contact(block, position);
        }
        catch (RejectedRecord e) {
            throw e;
        }
        catch (SelfdataException e) {
            throw InvalidInput.rejectedAtItsBlock(position, e);
        }
        catch (RuntimeException e) {
            throw InvalidInput.rejected(position, Wording.of("error.vcard.unreadableOf",
                    String.valueOf(e.getClass().getSimpleName())));
        }
    }

    private RecordDraft contact(VObjectBlocks.Block block, Position position) {
        VCard card = parse(block.text(), position);
        List<String> emails = texts(card.getEmails().stream());
        List<String> phones = card.getTelephoneNumbers().stream().map(VCardContacts::phone).flatMap(Optional::stream).toList();
        Optional<StructuredName> name = Optional.ofNullable(card.getStructuredName());
        Optional<String> organization = Optional.ofNullable(card.getOrganization())
                .map(property -> String.join(", ", property.getValues().stream().filter(value -> !value.isBlank()).toList()))
                .filter(text -> !text.isBlank());
        Optional<String> givenName = name.map(StructuredName::getGiven).map(String::strip).filter(text -> !text.isEmpty());
        Optional<String> familyName = name.map(StructuredName::getFamily).map(String::strip).filter(text -> !text.isEmpty());
        String displayName = Optional.ofNullable(card.getFormattedName()).map(FormattedName::getValue)
                .filter(text -> !text.isBlank())
                .or(() -> joined(Stream.of(givenName, familyName).flatMap(Optional::stream), " "))
                .or(() -> organization)
                .or(() -> emails.stream().findFirst())
                .or(() -> phones.stream().findFirst())
                .orElse("");
        Contact contact = InvalidInput.rejecting(position, () -> new Contact(displayName.strip(), givenName, familyName,
                organization,
                emails, phones, card.getAddresses().stream().map(VCardContacts::address).flatMap(Optional::stream).toList(),
                birthday(card), joined(card.getNotes().stream().map(Note::getValue).filter(Objects::nonNull), "\n"),
                Optional.ofNullable(card.getUid()).map(uid -> uid.getValue()).filter(text -> !text.isBlank())));
        return RecordDraft.of(revision(card), contact, position);
    }

    private static VCard parse(String text, Position position) {
        try (VCardReader reader = new VCardReader(text)) {
            return Optional.ofNullable(reader.readNext()).orElseThrow(() -> InvalidInput.rejected(position,
                    Wording.of("error.vcard.noCard")));
        }
        catch (IOException e) {
            throw InvalidInput.rejected(position, Wording.of("error.vcard.unreadable"));
        }
    }

    /** When the card was last revised (REV), the only time a contact has; a card without one has no time. */
    private RecordTime revision(VCard card) {
        if (card.getRevision() == null || card.getRevision().getValue() == null) {
            return RecordTime.untimed();
        }
        Temporal value = card.getRevision().getValue();
        if (value.isSupported(ChronoField.INSTANT_SECONDS)) {
            return TimeSpan.at(Instant.from(value));
        }
        if (value.isSupported(ChronoField.HOUR_OF_DAY)) {
            return TimeSpan.at(LocalDateTime.from(value).atZone(zone).toInstant());
        }
        return TimeSpan.at(LocalDate.from(value).atStartOfDay(zone).toInstant());
    }

    private static Optional<LocalDate> birthday(VCard card) {
        // A birthday without a year (--0203) is not a date: it is left out rather than given a made-up year.
        return Optional.ofNullable(card.getBirthday())
                .map(birthday -> birthday.getDate())
                .filter(date -> date.isSupported(ChronoField.EPOCH_DAY))
                .map(LocalDate::from);
    }

    private static Optional<String> phone(Telephone telephone) {
        if (telephone.getText() != null && !telephone.getText().isBlank()) {
            return Optional.of(telephone.getText().strip());
        }
        return Optional.ofNullable(telephone.getUri())
                .map(uri -> uri.getExtension() == null ? uri.getNumber() : uri.getNumber() + " ext. " + uri.getExtension());
    }

    private static Optional<String> address(Address address) {
        return joined(Stream.of(address.getPoBox(), address.getExtendedAddress(), address.getStreetAddress(),
                address.getLocality(),
                address.getRegion(), address.getPostalCode(), address.getCountry()).filter(Objects::nonNull), ", ")
                .or(() -> Optional.ofNullable(address.getLabel()).filter(label -> !label.isBlank()));
    }

    private static List<String> texts(Stream<? extends TextProperty> properties) {
        return properties.map(TextProperty::getValue).filter(Objects::nonNull).map(String::strip)
                .filter(text -> !text.isEmpty())
                .toList();
    }

    private static Optional<String> joined(Stream<String> parts, String separator) {
        String text = parts.map(String::strip).filter(part -> !part.isEmpty()).collect(Collectors.joining(separator));
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
