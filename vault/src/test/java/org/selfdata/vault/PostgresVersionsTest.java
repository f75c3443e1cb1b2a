package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresVersionsTest {
    private static final String DATABASE = "jdbc:postgresql://db.example.org:5432/selfdata";

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {15, 16, 17, 18})
    void aServerSelfdataIsTestedOnOrNewerGetsNoWord(int major) {
        assertThat(PostgresVersions.advice(major, major + ".2", DATABASE)).isEmpty();
    }

    @Test
    void anOlderServerIsNamedWithWhatToDo() {
        assertThat(PostgresVersions.advice(14, "14.11 (Debian 14.11-1.pgdg120+2)", DATABASE)).hasValue(
                "PostgreSQL 14.11 (Debian 14.11-1.pgdg120+2) at jdbc:postgresql://db.example.org:5432/selfdata is older"
                        + " than 15, the oldest selfdata is tested on: upgrade it (pg_upgrade, or a dump restored into a"
                        + " newer server)");
    }

    @Test
    void jooqsWarningAboutVersionsIsOffOnceTheVaultBuildsItsQueries() {
        String before = System.clearProperty(PostgresVersions.JOOQ_VERSION_LOGGER_THRESHOLD);
        try {
            PostgresVersions.leaveTheCheckToSelfdata();

            assertThat(System.getProperty(PostgresVersions.JOOQ_VERSION_LOGGER_THRESHOLD)).isEqualTo("ERROR");
            assertThat(System.getProperties()).doesNotContainKey("org.jooq.log.org.jooq.impl.DefaultExecuteContext")
                    .doesNotContainKey("org.jooq.log.org.jooq");
        }
        finally {
            restore(before);
        }
    }

    @Test
    void anOperatorWhoAskedForJooqsWarningKeepsIt() {
        String before = System.setProperty(PostgresVersions.JOOQ_VERSION_LOGGER_THRESHOLD, "WARN");
        try {
            PostgresVersions.leaveTheCheckToSelfdata();

            assertThat(System.getProperty(PostgresVersions.JOOQ_VERSION_LOGGER_THRESHOLD)).isEqualTo("WARN");
        }
        finally {
            restore(before);
        }
    }

    private static void restore(String threshold) {
        if (threshold == null) {
            System.clearProperty(PostgresVersions.JOOQ_VERSION_LOGGER_THRESHOLD);
        }
        else {
            System.setProperty(PostgresVersions.JOOQ_VERSION_LOGGER_THRESHOLD, threshold);
        }
    }
}
