package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantId;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.CODE_CHALLENGE;
import static org.selfdata.vault.VaultTables.CREATED_AT;
import static org.selfdata.vault.VaultTables.EXPIRES_AT;
import static org.selfdata.vault.VaultTables.GRANT_ID;
import static org.selfdata.vault.VaultTables.OAUTH_TOKENS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECIPIENT_ID;
import static org.selfdata.vault.VaultTables.RECIPIENT_SECRETS;
import static org.selfdata.vault.VaultTables.REDIRECT_URI;
import static org.selfdata.vault.VaultTables.SECRET_HASH;
import static org.selfdata.vault.VaultTables.TOKEN_FAMILY;
import static org.selfdata.vault.VaultTables.TOKEN_HASH;
import static org.selfdata.vault.VaultTables.TOKEN_KIND;
import static org.selfdata.vault.VaultTables.USED_AT;

/**
 * The credentials recipients hold: authorization codes, access and refresh tokens, and tokens that open pushes alone,
 * each bound to one grant, and the secrets of organizations that push data back. These are kinds of rows in one table,
 * so that withdrawing a grant ends them all at once.
 *
 * <p>Only SHA-256 hashes are stored. A token is 256 random bits: it carries nothing, so nothing can be learnt from it
 * and it dies when its row does. Codes and refresh tokens are used once; presenting one a second time means it was
 * copied, and the whole family issued from the same authorization is revoked (RFC 9700, section 4.14). Withdrawing a
 * grant deletes every credential bound to it, so the very next request is refused.
 */
public final class OAuthTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE = "code";
    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";
    /** An access token that opens pushes alone: what an organization gets for its own credentials. */
    private static final String PUSH = "push";

    /**
     * The bearer lookup of every recipient request, in plain SQL: written once here rather than rendered by the query
     * builder at each request, which cost more than the query.
     */
    private static final String FIND_BEARER = "SELECT person_id, grant_id, recipient_id, kind FROM oauth_tokens "
            + "WHERE token_hash = ? AND kind IN (?, ?) AND expires_at > ?";

    private final Database database;
    private final Clock clock;

    OAuthTokens(Database database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What a credential is bound to. */
    public record Binding(PersonId person, GrantId grant, RecipientId recipient) {
        public Binding {
            requireNonNull(person, "person is null");
            requireNonNull(grant, "grant is null");
            requireNonNull(recipient, "recipient is null");
        }
    }

    /** A redeemed authorization code: its binding, and what the token request must match. */
    public record Redemption(Binding binding, String codeChallenge, String redirectUri, String family) {}

    /** A live bearer token: what it is bound to, and whether it was issued for pushing records back and nothing else. */
    public record Bearer(Binding binding, boolean pushesOnly) {
        public Bearer {
            requireNonNull(binding, "binding is null");
        }
    }

    /** An access token and the refresh token that renews it. */
    public record TokenPair(String accessToken, String refreshToken, Duration accessLifetime) {}

    /** Issues a one-time authorization code for the grant the person just gave, with its PKCE challenge (S256). */
    public String issueCode(Binding binding, String codeChallenge, String redirectUri, Duration lifetime) {
        String family = newSecret();
        return insert(binding, CODE, family, codeChallenge, redirectUri, lifetime);
    }

    /**
     * Redeems a code for the recipient that asked for it. A code already used revokes everything issued from it and
     * redeems nothing; an expired code, or another recipient's, redeems nothing.
     */
    public Optional<Redemption> redeemCode(String code, RecipientId recipient) {
        return useOnce(code, CODE, recipient).map(row -> new Redemption(row.binding, row.codeChallenge, row.redirectUri,
                row.family));
    }

    /** Issues an access token and a refresh token in the family of a redeemed code. */
    public TokenPair issueTokens(Binding binding, String family, Duration accessLifetime, Duration refreshLifetime) {
        String access = insert(binding, ACCESS, family, "", "", accessLifetime);
        String refresh = insert(binding, REFRESH, family, "", "", refreshLifetime);
        return new TokenPair(access, refresh, accessLifetime);
    }

    /** Issues an access token alone, for a recipient that authenticated with its own secret (client credentials). */
    public String issueAccessToken(Binding binding, Duration lifetime) {
        return insert(binding, ACCESS, newSecret(), "", "", lifetime);
    }

    /**
     * Issues an access token that opens pushes under a write grant and nothing else, with no refresh token: an
     * organization that authenticated with its own secret (client credentials) asks again when it has more to give back,
     * and a token that cannot read is worth nothing to whoever would steal it to read.
     */
    public String issuePushToken(Binding binding, Duration lifetime) {
        return insert(binding, PUSH, newSecret(), "", "", lifetime);
    }

    /**
     * Spends a refresh token, for the caller to issue the next pair in its family once it has checked the grant: a
     * token already spent revokes its family and spends nothing.
     */
    public Optional<Redemption> spendRefreshToken(String refreshToken, RecipientId recipient) {
        return useOnce(refreshToken, REFRESH, recipient).map(row -> new Redemption(row.binding, "", "", row.family));
    }

    /** The binding of a live access token. */
    public Optional<Binding> findAccess(String accessToken) {
        long now = clock.millis();
        return database.read(connection -> database.dsl(connection)
                .select(PERSON_ID, GRANT_ID, RECIPIENT_ID).from(OAUTH_TOKENS)
                .where(TOKEN_HASH.eq(hash(accessToken)).and(TOKEN_KIND.eq(ACCESS)).and(EXPIRES_AT.gt(now)))
                .fetchOptional(row -> new Binding(PersonId.of(row.value1()), GrantId.of(row.value2()),
                        RecipientId.of(row.value3()))));
    }

    /**
     * Revokes a token at its recipient's request (RFC 7009): a refresh token with its whole family, the access tokens
     * issued from the same authorization included; an access token alone. A token that is unknown, already gone, or
     * another recipient's revokes nothing, and the caller is not told which, so that revocation cannot be used to learn
     * whether a token exists.
     */
    public void revoke(String token, RecipientId recipient) {
        database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            var found = dsl.select(TOKEN_KIND, TOKEN_FAMILY).from(OAUTH_TOKENS)
                    .where(TOKEN_HASH.eq(hash(token)).and(RECIPIENT_ID.eq(recipient.value())))
                    .fetchOptional();
            if (found.isEmpty()) {
                return 0;
            }
            return switch (found.get().value1()) {
                case REFRESH -> dsl.deleteFrom(OAUTH_TOKENS).where(TOKEN_FAMILY.eq(found.get().value2())).execute();
                case ACCESS, PUSH -> dsl.deleteFrom(OAUTH_TOKENS).where(TOKEN_HASH.eq(hash(token))).execute();
                default -> 0;
            };
        });
    }

    /** A live bearer token of either kind, for the guard that lets recipients through to tell what it opens. */
    public Optional<Bearer> findBearer(String token) {
        long now = clock.millis();
        byte[] hash = hash(token);
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(FIND_BEARER)) {
                select.setBytes(1, hash);
                select.setString(2, ACCESS);
                select.setString(3, PUSH);
                select.setLong(4, now);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Bearer>empty();
                    }
                    return Optional.of(new Bearer(new Binding(PersonId.of(rows.getLong(1)), GrantId.of(rows.getString(2)),
                            RecipientId.of(rows.getString(3))), PUSH.equals(rows.getString(4))));
                }
            }
        });
    }

    /** Deletes every code and token bound to the grant: called when the person withdraws it. */
    public int revokeGrant(PersonId person, GrantId grant) {
        return database.transaction(connection -> database.dsl(connection).deleteFrom(OAUTH_TOKENS)
                .where(PERSON_ID.eq(person.value()).and(GRANT_ID.eq(grant.value()))).execute());
    }

    /**
     * Gives a recipient a new secret for client authentication, replacing any earlier one; shown once. Only the vault's
     * operator, who admits recipients, may: whoever sets a recipient's secret can act as that recipient.
     */
    public String newRecipientSecret(PersonId operator, RecipientId recipient) {
        requireNonNull(operator, "operator is null");
        String secret = newSecret();
        long now = clock.millis();
        database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            Recipients.requireOperator(dsl, operator);
            Recipients.requireAdmitted(dsl, recipient);
            dsl.deleteFrom(RECIPIENT_SECRETS).where(RECIPIENT_ID.eq(recipient.value())).execute();
            return dsl.insertInto(RECIPIENT_SECRETS).set(RECIPIENT_ID, recipient.value()).set(SECRET_HASH, hash(secret))
                    .set(CREATED_AT, now).execute();
        });
        return secret;
    }

    /** Whether the secret is the recipient's, compared in constant time. */
    public boolean isRecipientSecret(RecipientId recipient, String secret) {
        Optional<byte[]> stored = database.read(connection -> database.dsl(connection)
                .select(SECRET_HASH).from(RECIPIENT_SECRETS).where(RECIPIENT_ID.eq(recipient.value()))
                .fetchOptional(row -> row.value1()));
        return stored.isPresent() && MessageDigest.isEqual(stored.get(), hash(secret));
    }

    private record Row(Binding binding, String codeChallenge, String redirectUri, String family) {}

    private Optional<Row> useOnce(String token, String kind, RecipientId recipient) {
        long now = clock.millis();
        return database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            var found = dsl.select(PERSON_ID, GRANT_ID, RECIPIENT_ID, TOKEN_FAMILY, CODE_CHALLENGE, REDIRECT_URI,
                            EXPIRES_AT, USED_AT)
                    .from(OAUTH_TOKENS).where(TOKEN_HASH.eq(hash(token)).and(TOKEN_KIND.eq(kind))).fetchOptional();
            if (found.isEmpty()) {
                return Optional.<Row>empty();
            }
            var row = found.get();
            if (row.value8() != 0) {
                dsl.deleteFrom(OAUTH_TOKENS).where(TOKEN_FAMILY.eq(row.value4())).execute();
                return Optional.<Row>empty();
            }
            if (row.value7() <= now || !row.value3().equals(recipient.value())) {
                return Optional.<Row>empty();
            }
            dsl.update(OAUTH_TOKENS).set(USED_AT, now).where(TOKEN_HASH.eq(hash(token))).execute();
            Binding binding = new Binding(PersonId.of(row.value1()), GrantId.of(row.value2()), recipient);
            return Optional.of(new Row(binding, row.value5(), row.value6(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(row.value4())));
        });
    }

    private String insert(Binding binding, String kind, String family, String codeChallenge, String redirectUri,
                          Duration lifetime) {
        if (codeChallenge.length() > 128 || redirectUri.length() > 2_048) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.vault.codeChallengeTooLong"));
        }
        String token = newSecret();
        long now = clock.millis();
        database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            // Expired credentials go, spent ones too: an expired one cannot be redeemed, so a replay of it needs no family.
            dsl.deleteFrom(OAUTH_TOKENS).where(EXPIRES_AT.le(now)).execute();
            Recipients.requireAdmitted(dsl, binding.recipient());
            return dsl.insertInto(OAUTH_TOKENS)
                    .set(TOKEN_HASH, hash(token))
                    .set(TOKEN_KIND, kind)
                    .set(PERSON_ID, binding.person().value())
                    .set(GRANT_ID, binding.grant().value())
                    .set(RECIPIENT_ID, binding.recipient().value())
                    .set(TOKEN_FAMILY, Base64.getUrlDecoder().decode(family))
                    .set(CODE_CHALLENGE, codeChallenge)
                    .set(REDIRECT_URI, redirectUri)
                    .set(CREATED_AT, now)
                    .set(EXPIRES_AT, now + lifetime.toMillis())
                    .set(USED_AT, 0L)
                    .execute();
        });
        return token;
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static byte[] hash(String token) {
        return Imports.sha256().digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
