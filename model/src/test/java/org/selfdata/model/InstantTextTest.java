package org.selfdata.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InstantTextTest {
    @Test
    void anInstantIsWrittenInUtcWithExactlyThreeDecimals() {
        assertThat(InstantText.of(Instant.parse("2026-12-06T18:40:12Z"))).isEqualTo("2026-12-06T18:40:12.000Z");
        assertThat(InstantText.of(Instant.parse("2026-12-06T18:40:12.3Z"))).isEqualTo("2026-12-06T18:40:12.300Z");
        assertThat(InstantText.of(Instant.parse("2026-12-06T18:40:12.345678901Z"))).isEqualTo("2026-12-06T18:40:12.345Z");
    }

    @Test
    void aWrittenInstantReadsBackAsTheInstantTheVaultKeeps() {
        Instant now = Instant.parse("2026-12-06T18:40:12.999999Z");

        assertThat(Instant.parse(InstantText.of(now))).isEqualTo(InstantText.kept(now))
                .isEqualTo(Instant.ofEpochMilli(now.toEpochMilli()));
    }
}
