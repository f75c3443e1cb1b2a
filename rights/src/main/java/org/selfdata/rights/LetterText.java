package org.selfdata.rights;

import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A letter's text as it is written: paragraphs in the letter's language, a list's items each on its own line, and the
 * frame every letter shares (the salutation, the closing and the signature).
 */
final class LetterText {
    private final Language language;
    private final Words words;
    private final List<String> paragraphs = new ArrayList<>();

    LetterText(Language language) {
        this.language = language;
        this.words = Words.of(language);
        paragraphs.add(words.say("rights.letter.salutation"));
    }

    String say(String key, Object... arguments) {
        return words.say(key, arguments);
    }

    /** Says the key of a term of a family, such as a right's name: {@code term("rights.letter.right.", "access")}. */
    String term(String family, String term, Object... arguments) {
        return words.say(family + term, arguments);
    }

    /**
     * A request recalled with its dates, a sentence each: when and how it was sent, when it was received, and when its
     * time limit ended; {@code family} is the keys' prefix of the letter that recalls it.
     */
    List<String> recall(PriorRequest prior, String family) {
        List<String> sentences = new ArrayList<>();
        sentences.add(term(family, "sent", date(prior.sent()), term("rights.letter.channel.",
                prior.channel().term()), term("rights.letter.right.", prior.right().term()), prior.reference()));
        prior.received().ifPresent(day -> sentences.add(term(family, "received", date(day))));
        prior.deadline().ifPresent(day -> sentences.add(term(family, prior.extended() ? "extendedDeadline" : "deadline",
                date(day))));
        return sentences;
    }

    String date(LocalDate date) {
        return LetterDates.say(date, language);
    }

    LetterText paragraph(String key, Object... arguments) {
        paragraphs.add(words.say(key, arguments));
        return this;
    }

    /** A paragraph of lines: a list and the sentence that introduces it. */
    LetterText lines(List<String> lines) {
        if (!lines.isEmpty()) {
            paragraphs.add(String.join("\n", lines));
        }
        return this;
    }

    /** The subject line: the reference first, then what the letter is. */
    String subject(String reference, String title) {
        return words.say("rights.letter.subject", reference, title);
    }

    /** The letter, closed and signed. */
    Letter signed(String subject, String signature) {
        return signed(subject, signature, List.of());
    }

    /** The letter, closed and signed, what it encloses named under the signature, each by the key of its words. */
    Letter signed(String subject, String signature, List<String> enclosures) {
        paragraphs.add(words.say("rights.letter.closing"));
        paragraphs.add(signature);
        lines(enclosures.stream().map(words::say).toList());
        return new Letter(language, subject, String.join("\n\n", paragraphs));
    }
}
