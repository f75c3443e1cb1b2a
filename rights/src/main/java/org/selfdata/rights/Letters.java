package org.selfdata.rights;

import org.selfdata.texts.Language;

import java.util.Locale;

/**
 * The letters of the rights desk: a request for each right, the formal notice that follows an answer overdue, refused
 * or incomplete, and the complaint to the supervisory authority. Each is written in selfdata's own words, in French or
 * English, and cites the GDPR's articles for what it asks.
 */
public final class Letters {
    private Letters() {}

    /** The request letter of a right; its inputs are checked first, and an input a right needs is named if missing. */
    public static Letter request(LetterRequest request) {
        return RequestLetters.write(request);
    }

    /** The formal notice (mise en demeure) that recalls a request and its dates and says what is still owed. */
    public static Letter reminder(ReminderRequest request) {
        return ReminderLetters.write(request);
    }

    /** The complaint to a supervisory authority (art. 77), in the language its record names. */
    public static Letter complaint(ComplaintRequest request) {
        return ComplaintLetters.write(request);
    }

    /**
     * The language a letter to an organization is written in: the one its record names for requests when selfdata
     * writes it, else the person's choice.
     */
    public static Language languageFor(Organization organization, Language chosen) {
        return organization.requestLanguage().map(code -> code.strip().toLowerCase(Locale.ROOT))
                .flatMap(Language::ofCode).orElse(chosen);
    }
}
