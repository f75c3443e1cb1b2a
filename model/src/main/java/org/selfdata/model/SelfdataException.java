package org.selfdata.model;

import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type selfdata throws on purpose.
 *
 * <p>Messages are written for the person who will read them: they name the problem and, where there is one,
 * the fix. They never contain personal data (no amounts, labels, coordinates, names), because they end up in
 * logs, terminals and HTTP responses.
 *
 * <p>An exception made from a {@link Wording} can be said in every language selfdata speaks: its message (for logs)
 * is the English one, and {@link #message(Language)} says it in the reader's. One made from an English sentence
 * only, as internal faults are, is said in another language by what its code means, without the detail, so that a
 * French reader never gets half a sentence in English.
 */
public final class SelfdataException extends RuntimeException {
    private final ErrorCode code;
    private final Optional<Wording> wording;
    private final Optional<Duration> retryAfter;

    public SelfdataException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
        this.wording = Optional.empty();
        this.retryAfter = Optional.empty();
    }

    public SelfdataException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.wording = Optional.empty();
        this.retryAfter = Optional.empty();
    }

    /** A refusal that a wait would lift: a rate limit, with the time until the next attempt may succeed. */
    public SelfdataException(ErrorCode code, String message, Duration retryAfter) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
        this.wording = Optional.empty();
        this.retryAfter = Optional.of(requireNonNull(retryAfter, "retryAfter is null"));
    }

    /** A failure that a person will read, said in their language wherever it reaches them. */
    public SelfdataException(ErrorCode code, Wording wording) {
        this(code, wording, Optional.empty(), Optional.empty());
    }

    public SelfdataException(ErrorCode code, Wording wording, Throwable cause) {
        this(code, wording, Optional.of(requireNonNull(cause, "cause is null")), Optional.empty());
    }

    public SelfdataException(ErrorCode code, Wording wording, Duration retryAfter) {
        this(code, wording, Optional.empty(), Optional.of(requireNonNull(retryAfter, "retryAfter is null")));
    }

    private SelfdataException(ErrorCode code, Wording wording, Optional<Throwable> cause, Optional<Duration> retryAfter) {
        super(Words.english().say(requireNonNull(wording, "wording is null")), cause.orElse(null));
        this.code = requireNonNull(code, "code is null");
        this.wording = Optional.of(wording);
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    /** What to say, when the exception was made to be read by a person in their language. */
    public Optional<Wording> wording() {
        return wording;
    }

    /**
     * The message in a reader's language: the wording said in it, or, for an exception that has none, its English
     * message to an English reader and what its code means to any other.
     */
    public String message(Language language) {
        Words words = Words.of(language);
        return wording.map(words::say).orElseGet(() -> language == Language.ENGLISH ? getMessage()
                : words.say(codeKey(code)));
    }

    /** The key of the sentence that says what a code means, in every language. */
    public static String codeKey(ErrorCode code) {
        return "error.code." + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How long to wait before asking again, when waiting is what it takes. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
