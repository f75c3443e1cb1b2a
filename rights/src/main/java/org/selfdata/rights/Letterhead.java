package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The head of a registered letter: who sends it (where the acknowledgement of receipt comes back), to whom and where,
 * and the place and day it is written.
 *
 * @param senderAddress the lines of the sender's postal address
 * @param addresseeAddress the lines of the addressee's postal address, the country on the last line
 * @param place the town the letter is written in, when the person gives it
 */
public record Letterhead(String senderName, String senderAddress, Optional<String> senderEmail, String addresseeName,
        String addresseeAddress, Optional<String> place, LocalDate date) {
    public Letterhead {
        requireNonNull(senderName, "senderName is null");
        requireNonNull(senderAddress, "senderAddress is null");
        requireNonNull(senderEmail, "senderEmail is null");
        requireNonNull(addresseeName, "addresseeName is null");
        requireNonNull(addresseeAddress, "addresseeAddress is null");
        place = LetterInput.text(requireNonNull(place, "place is null"));
        requireNonNull(date, "date is null");
    }

    /**
     * The head of a letter from the person to an organization or an authority, which both need a postal address: a
     * registered letter cannot be sent without the addressee's, nor its acknowledgement returned without the sender's.
     */
    public static Letterhead of(Sender sender, Organization addressee, Optional<String> place, LocalDate date) {
        String from = LetterInput.text(sender.postalAddress()).orElseThrow(() -> LetterInput.invalid(
                Wording.of("error.rights.letter.senderWithoutPostalAddress")));
        String to = LetterInput.text(addressee.postalAddress()).orElseThrow(() -> LetterInput.invalid(
                Wording.of("error.rights.letter.organizationWithoutPostalAddress")));
        return new Letterhead(sender.name(), from, sender.email(), addressee.name(), to, place, date);
    }

    /**
     * The head of a letter sent by e-mail, attached as a PDF: the postal addresses where they are known, else the
     * e-mail addresses the letter goes between, so that an organization reached only by e-mail, or a person who gave
     * only their e-mail address, can still be written to.
     */
    public static Letterhead ofEmail(Sender sender, Organization addressee, Optional<String> place, LocalDate date) {
        String from = LetterInput.text(sender.postalAddress()).or(() -> LetterInput.text(sender.email()))
                .orElseThrow(() -> LetterInput.invalid(Wording.of("error.rights.letter.senderWithoutPostalAddress")));
        String to = LetterInput.text(addressee.postalAddress()).or(() -> LetterInput.text(addressee.email()))
                .orElseThrow(() -> LetterInput.invalid(Wording.of("error.rights.letter.organizationWithoutPostalAddress")));
        return new Letterhead(sender.name(), from, sender.email(), addressee.name(), to, place, date);
    }
}
