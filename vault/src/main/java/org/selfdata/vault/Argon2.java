package org.selfdata.vault;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) from Bouncy Castle's lightweight API: pure Java, so nothing native to install, and the
 * reference choice for both password hashes and passphrase-derived keys.
 *
 * @param memoryKibibytes memory cost; 19 MiB with 2 passes is OWASP's floor for passwords
 */
record Argon2(int memoryKibibytes, int iterations, int parallelism) {
    /** For sign-in passwords: checked on every sign-in, so moderate. */
    static final Argon2 PASSWORD = new Argon2(19_456, 2, 1);
    /** For the passphrase that stands in for the key file: checked once per start, so expensive. */
    static final Argon2 KEY_DERIVATION = new Argon2(65_536, 3, 1);

    byte[] derive(char[] secret, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKibibytes)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] output = new byte[length];
        generator.generateBytes(secret, output);
        return output;
    }
}
