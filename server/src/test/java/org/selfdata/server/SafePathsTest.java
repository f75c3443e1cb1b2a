package org.selfdata.server;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SafePathsTest {
    @Test
    void everyPathABrowserWouldFollowToAnotherOriginLeadsToTheOverview() {
        for (String path : ReturnPaths.HOSTILE) {
            assertThat(SafePaths.isLocal(path)).as(path).isFalse();
            assertThat(SafePaths.next(Optional.of(path))).as(path).isEqualTo("/");
        }
    }

    @Test
    void aPathOfThisSiteIsKeptWithItsQuery() {
        for (String path : ReturnPaths.LOCAL) {
            assertThat(SafePaths.next(Optional.of(path))).isEqualTo(path);
        }
    }

    @Test
    void noPathOrAnEmptyOrOverlongOneLeadsToTheOverview() {
        assertThat(SafePaths.next(Optional.empty())).isEqualTo("/");
        assertThat(SafePaths.next(Optional.of(""))).isEqualTo("/");
        assertThat(SafePaths.next(Optional.of("/" + "a".repeat(4_096)))).isEqualTo("/");
        assertThat(SafePaths.next(Optional.of("/" + "a".repeat(4_095)))).isEqualTo("/" + "a".repeat(4_095));
    }
}
