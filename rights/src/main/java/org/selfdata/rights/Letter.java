package org.selfdata.rights;

import org.selfdata.texts.Language;

import static java.util.Objects.requireNonNull;

/**
 * A letter of the rights desk as written, before it is sent: the same text serves as an e-mail, as the text pasted in
 * an organization's web form and as the body of a registered letter ({@link LetterPdf}).
 *
 * @param language the language it is written in
 * @param subject the subject line, the request's reference first so that a reply quoting it can be matched
 * @param body the text, paragraphs separated by a blank line, the items of a list on lines of their own
 */
public record Letter(Language language, String subject, String body) {
    public Letter {
        requireNonNull(language, "language is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(body, "body is null");
    }

    /** The text to paste in a web form, which often has no subject field: the subject, a blank line, the body. */
    public String webFormText() {
        return subject + "\n\n" + body;
    }
}
