package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One correction the person made of a payment or an income selfdata found coming back in their bank lines: they
 * confirmed it, said it ended, said it does not come back, or took back what they said before. Each correction says
 * everything that holds for the flow, its name included, and none replaces another: the latest for a flow is what
 * holds, the earlier ones are its history.
 *
 * <p>The flow is told by its key, which stays the same however often the flows are found again from the bank lines;
 * how it is made from the flow, the service that finds flows says. Here it is only checked for its shape: 16 lower-case
 * hexadecimal digits.
 *
 * @param name the person's name for the flow, shown in place of the payee's label: with the verdicts confirmed and ended
 *     only, from 1 to {@link #MAXIMUM_NAME_LENGTH} characters once the spaces at either end are left out, without
 *     control characters
 * @param at when the person made the correction
 */
public record RecurringCorrection(String key, RecurringVerdict verdict, Optional<String> name, Instant at) {
    /** Enough for "Forfait mobile de Camille" or "Assurance habitation (annuelle)", short enough for a heading. */
    public static final int MAXIMUM_NAME_LENGTH = 80;
    private static final Pattern KEY_SHAPE = Pattern.compile("[0-9a-f]{16}");

    public RecurringCorrection {
        requireKey(key);
        requireNonNull(verdict, "verdict is null");
        requireNonNull(name, "name is null");
        requireNonNull(at, "at is null");
        name = name.map(String::strip);
        if (name.isPresent()) {
            if (verdict != RecurringVerdict.CONFIRMED && verdict != RecurringVerdict.ENDED) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("money.correction.nameUnexpected"));
            }
            requireName(name.get());
        }
    }

    /** Refuses what is not the shape of a flow's key, naming the field and never quoting the value. */
    public static String requireKey(String key) {
        if (key == null || !KEY_SHAPE.matcher(key).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("money.correction.key"));
        }
        return key;
    }

    private static void requireName(String name) {
        if (name.isEmpty() || name.length() > MAXIMUM_NAME_LENGTH) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("money.correction.nameLength",
                    MAXIMUM_NAME_LENGTH));
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("money.correction.nameControl"));
        }
    }
}
