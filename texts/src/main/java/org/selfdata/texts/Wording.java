package org.selfdata.texts;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What to say, before it is said in a language: a message's key and its arguments.
 *
 * <p>An error or a report carries its wording rather than a sentence, so that each surface (a page in French, a
 * terminal in English, the API for whichever language the caller asks) writes it in its reader's language. The
 * arguments are values, never sentences: numbers stay numbers until the language formats them (and chooses the plural form),
 * and an argument that is itself something to say (a reason inside a refusal) is a wording too.
 *
 * @param key the message's key, in the bundles of every language
 * @param arguments the message's arguments, in the order of its {@code {0}}, {@code {1}}…: text, numbers or wordings
 */
public record Wording(String key, List<Object> arguments) {
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z0-9][A-Za-z0-9-]*)+");

    public Wording {
        requireNonNull(key, "key is null");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a message key is dotted words, such as error.file.ends: " + key);
        }
        arguments = List.copyOf(arguments);
        for (Object argument : arguments) {
            if (!(argument instanceof CharSequence || argument instanceof Number || argument instanceof Wording)) {
                throw new IllegalArgumentException("a message's argument is text, a number or a wording, not a "
                        + argument.getClass().getSimpleName());
            }
        }
    }

    /** The wording of a key with its arguments, in order. */
    public static Wording of(String key, Object... arguments) {
        return new Wording(key, Arrays.asList(arguments));
    }
}
