package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Someone whose data a vault keeps. A self-hosted vault usually holds one person; an operator's holds many.
 *
 * <p>The handle is the sign-in name. The time zone says what "a day" means for this person's date-only records,
 * such as a bank's booking dates. The role says whether the person is the vault's operator, who admits people,
 * recipients and their declarations, or a member; either way, a person reads their own data and nobody else's.
 */
public record Person(PersonId id, String handle, ZoneId zone, Instant createdAt, Role role) {
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** What a person may do in the vault beyond their own data. */
    public enum Role {
        /** The vault's first person: admits people, recipients and their declarations. One per vault. */
        OPERATOR,
        /** Everyone else: their own data, and the recipients the operator admitted, to grant or not. */
        MEMBER;

        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role fromTerm(String term) {
            return switch (term) {
                case "operator" -> OPERATOR;
                case "member" -> MEMBER;
                default -> throw new SelfdataException(ErrorCode.VAULT_CORRUPT, "a person's role is operator or member");
            };
        }
    }

    public Person {
        requireNonNull(id, "id is null");
        requireHandle(handle);
        requireNonNull(zone, "zone is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(role, "role is null");
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether a text has the shape of a sign-in name, for a caller that refuses it in its own words. */
    public static boolean isHandle(String handle) {
        return HANDLE.matcher(requireNonNull(handle, "handle is null")).matches();
    }

    /** Checks a sign-in name: 1 to 64 lower-case letters, digits, dots, dashes or underscores. */
    public static String requireHandle(String handle) {
        if (!isHandle(handle)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.handleShape"));
        }
        return handle;
    }
}
