package org.selfdata.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An entry of the person's address book: someone else's details, kept by the person. */
public record Contact(
        String displayName,
        Optional<String> givenName,
        Optional<String> familyName,
        Optional<String> organization,
        List<String> emails,
        List<String> phones,
        List<String> addresses,
        Optional<LocalDate> birthday,
        Optional<String> note,
        Optional<String> uid) implements Payload {
    public Contact {
        Fields.text(displayName, "displayName", Fields.SHORT_TEXT);
        givenName = Fields.optionalText(givenName, "givenName", Fields.SHORT_TEXT);
        familyName = Fields.optionalText(familyName, "familyName", Fields.SHORT_TEXT);
        organization = Fields.optionalText(organization, "organization", Fields.SHORT_TEXT);
        emails = Fields.texts(emails, "emails", 320);
        phones = Fields.texts(phones, "phones", 64);
        addresses = Fields.texts(addresses, "addresses", Fields.SHORT_TEXT);
        birthday = Fields.optional(birthday);
        note = Fields.optionalText(note, "note", Fields.LONG_TEXT);
        uid = Fields.optionalText(uid, "uid", 255);
    }

    @Override
    public RecordType type() {
        return RecordType.CONTACT;
    }
}
