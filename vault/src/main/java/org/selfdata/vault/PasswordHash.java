package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so that
 * the cost can be raised later and old hashes still verify with the parameters they were made with.
 */
final class PasswordHash {
    static final int MINIMUM_LENGTH = 8;
    static final int MAXIMUM_LENGTH = 1024;
    private static final Pattern PHC =
            Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    static String hash(char[] password) {
        requireAcceptable(password);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Argon2 cost = Argon2.PASSWORD;
        byte[] hash = cost.derive(password, salt, 32);
        return "$argon2id$v=19$m=" + cost.memoryKibibytes() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    static boolean verify(char[] password, String phc) {
        Matcher matcher = PHC.matcher(phc);
        if (!matcher.matches() || password.length > MAXIMUM_LENGTH) {
            return false;
        }
        Argon2 cost = new Argon2(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
        byte[] expected = DECODER.decode(matcher.group(5));
        byte[] actual = cost.derive(password, DECODER.decode(matcher.group(4)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    static void requireAcceptable(char[] password) {
        if (password.length < MINIMUM_LENGTH || password.length > MAXIMUM_LENGTH) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.passwordLength", MINIMUM_LENGTH, Integer.toString(MAXIMUM_LENGTH)));
        }
    }
}
