package org.selfdata.vault;

import java.nio.file.Path;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Where the vault's key-encryption key comes from: a key file created with the vault, or a passphrase from which
 * the key is derived with Argon2id. The key-encryption key wraps every source's keys and nothing else.
 */
public sealed interface KeySource {
    record KeyFile(Path path) implements KeySource {
        public KeyFile {
            requireNonNull(path, "path is null");
            path = path.toAbsolutePath().normalize();
        }
    }

    final class Passphrase implements KeySource {
        private final char[] value;

        public Passphrase(char[] value) {
            requireNonNull(value, "value is null");
            this.value = value.clone();
        }

        char[] value() {
            return value.clone();
        }

        @Override
        public String toString() {
            return "Passphrase[" + "*".repeat(Math.min(value.length, 8)) + "]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Passphrase that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }

    static KeySource keyFile(Path path) {
        return new KeyFile(path);
    }

    static KeySource passphrase(char[] value) {
        return new Passphrase(value);
    }
}
