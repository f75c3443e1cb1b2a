package org.selfdata.rights;

import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.vault.People;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The private addresses of the people's calendar feeds of deadlines. A calendar application cannot sign in, so the
 * address is the secret: a token of 256 random bits, of which the vault keeps only the SHA-256, sealed with the
 * person's other settings. Whoever reads the vault's settings cannot rebuild an address; a new token replaces the old,
 * and a revoked one opens nothing.
 */
public final class CalendarTokens {
    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final People people;
    private final DeskSettings settings;
    private final SecureRandom random = new SecureRandom();

    CalendarTokens(People people, DeskSettings settings) {
        this.people = requireNonNull(people, "people is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** A new token for the person's feed, which replaces the one before it; it is given once and kept nowhere. */
    public String issue(PersonId person) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        settings.saveCalendarDigest(person, digest(token));
        return token;
    }

    public void revoke(PersonId person) {
        settings.removeCalendarDigest(person);
    }

    /**
     * The person whose feed the token opens. Each person's digest is compared in constant time, so that how long the
     * answer takes says nothing of how near a guess came.
     */
    public Optional<PersonId> owner(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] wanted = digest(token).getBytes(StandardCharsets.US_ASCII);
        return people.list().stream().map(Person::id)
                .filter(person -> settings.calendarDigest(person)
                        .filter(kept -> MessageDigest.isEqual(kept.getBytes(StandardCharsets.US_ASCII), wanted))
                        .isPresent())
                .findFirst();
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
