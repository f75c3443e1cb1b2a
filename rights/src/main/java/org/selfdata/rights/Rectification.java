package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One value to rectify (art. 16): what it is, the value the organization holds when it is inaccurate (none when the
 * data is incomplete and is to be completed), and the right value.
 *
 * @param detail a detail selfdata names in every language, or none when {@code description} says what it is
 * @param description the person's words for what is to be rectified, when it is not one of the details
 */
public record Rectification(Optional<PersonalDetail> detail, Optional<String> description, Optional<String> oldValue,
        String newValue) {
    public Rectification {
        requireNonNull(detail, "detail is null");
        description = LetterInput.text(requireNonNull(description, "description is null"));
        oldValue = LetterInput.text(requireNonNull(oldValue, "oldValue is null"));
        newValue = requireNonNull(newValue, "newValue is null").strip();
        if (detail.isPresent() == description.isPresent()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.rectificationWhat"));
        }
        if (newValue.isEmpty()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.rectificationNewValue"));
        }
        if (oldValue.filter(newValue::equals).isPresent()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.rectificationSameValue"));
        }
    }

    /** A detail of the person that changed: the old value is to be replaced by the new one. */
    public static Rectification of(PersonalDetail detail, String oldValue, String newValue) {
        return new Rectification(Optional.of(detail), Optional.empty(), Optional.of(oldValue), newValue);
    }

    /** Data the person describes, inaccurate (with the value held) or incomplete (without). */
    public static Rectification described(String what, Optional<String> oldValue, String newValue) {
        return new Rectification(Optional.empty(), Optional.of(what), oldValue, newValue);
    }
}
