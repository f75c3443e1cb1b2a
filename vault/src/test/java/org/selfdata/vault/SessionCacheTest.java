package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.selfdata.model.PersonId;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory of sessions found: bounded, never past a session's expiry or its longest stay, never resurrecting one. */
class SessionCacheTest {
    private static final long NOW = 1_000_000L;
    private static final PersonId CAMILLE = PersonId.of(1);
    private static final PersonId DOMINIQUE = PersonId.of(2);

    private final SessionCache cache = new SessionCache(100);

    @Test
    void itHoldsNoMoreThanItsCapacityWhateverIsPut() {
        for (int session = 0; session < 1_000; session++) {
            cache.put("session-" + session, live(CAMILLE), cache.generation(), NOW);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.find("session-999", NOW)).contains(CAMILLE);
    }

    @Test
    void aSessionIsNotUsedFromTheMomentItExpires() {
        cache.put("session", new SessionCache.Entry(CAMILLE, NOW + 1, System.nanoTime()), cache.generation(), NOW);

        assertThat(cache.find("session", NOW)).contains(CAMILLE);
        assertThat(cache.find("session", NOW + 1)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aSessionReadLongAgoIsReadAgain() {
        long longAgo = System.nanoTime() - SessionCache.LONGEST_KEPT.plusSeconds(1).toNanos();
        cache.put("session", new SessionCache.Entry(CAMILLE, NOW + Duration.ofHours(8).toMillis(), longAgo),
                cache.generation(), NOW);

        assertThat(cache.find("session", NOW)).isEmpty();
    }

    @Test
    void aSessionEndedWhileItWasBeingReadIsNotKept() {
        long before = cache.generation();
        cache.evict("another session");

        cache.put("session", live(CAMILLE), before, NOW);

        assertThat(cache.find("session", NOW)).isEmpty();
    }

    @Test
    void endingEverySessionOfAPersonLeavesOthersKept() {
        cache.put("laptop", live(CAMILLE), cache.generation(), NOW);
        cache.put("phone", live(CAMILLE), cache.generation(), NOW);
        cache.put("hers", live(DOMINIQUE), cache.generation(), NOW);

        cache.evictPerson(CAMILLE);

        assertThat(cache.find("laptop", NOW)).isEmpty();
        assertThat(cache.find("phone", NOW)).isEmpty();
        assertThat(cache.find("hers", NOW)).contains(DOMINIQUE);
    }

    private static SessionCache.Entry live(PersonId person) {
        return new SessionCache.Entry(person, NOW + Duration.ofHours(8).toMillis(), System.nanoTime());
    }
}
