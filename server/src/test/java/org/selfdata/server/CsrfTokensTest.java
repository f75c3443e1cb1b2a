package org.selfdata.server;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokensTest {
    private static final String SESSION = "q3VnUKZ9Qk1lS3p0cXV4d2xYb1p6dW1YQ2R2a0RhbmQ";

    @Test
    void aTokenIsTheSessionsHmacUnderTheServersKey() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);

        CsrfTokens tokens = new CsrfTokens(key);

        assertThat(tokens.tokenFor(SESSION)).isEqualTo(new CsrfTokens(key.clone()).tokenFor(SESSION)).hasSize(43);
        assertThat(tokens.matches(SESSION, tokens.tokenFor(SESSION))).isTrue();
    }

    @Test
    void anotherSessionOrAnotherKeyGivesAnotherToken() {
        CsrfTokens tokens = CsrfTokens.withNewKey();

        assertThat(tokens.tokenFor(SESSION)).isNotEqualTo(tokens.tokenFor(SESSION + "x"));
        assertThat(tokens.tokenFor(SESSION)).isNotEqualTo(CsrfTokens.withNewKey().tokenFor(SESSION));
        assertThat(tokens.matches(SESSION, CsrfTokens.withNewKey().tokenFor(SESSION))).isFalse();
        assertThat(tokens.matches(SESSION, "")).isFalse();
        assertThat(tokens.matches(SESSION, SESSION)).isFalse();
    }
}
