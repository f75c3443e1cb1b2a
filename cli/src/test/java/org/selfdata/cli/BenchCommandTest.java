package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.testing.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {
    @Test
    void aSmallBenchmarkReportsEveryFigureBesideItsBaseline(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "--records", "2000");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("selfdata bench: 2,000 records, ");
        assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                line -> assertThat(line).startsWith("sealed writes, SQLite").contains("× raw insert ("),
                line -> assertThat(line).startsWith("reads through the gate, SQLite").contains("× raw select ("),
                line -> assertThat(line).startsWith("export, SQLite").contains("× read through the gate ("),
                line -> assertThat(line).startsWith("export archive content, SQLite").contains("MB/s"),
                line -> assertThat(line).startsWith("time to first answer of selfdata serve").contains("× selfdata --version ("),
                line -> assertThat(line).startsWith("resident memory serving 2,000 records").contains("× an empty vault ("));
        assertThat(home.resolve(".selfdata")).doesNotExist();
    }

    @Test
    void aSmallLogBenchmarkReportsAppendsAndVerificationBesideRawJdbc(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "log", "--entries", "25000", "--single", "20");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("selfdata bench log: 25,000 entries, ");
        assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                line -> assertThat(line).startsWith("log: appends, one per transaction").contains("× raw insert, one per "),
                line -> assertThat(line).startsWith("log: 16 threads appending, gathered")
                        .contains("× each in its own transaction ("),
                line -> assertThat(line).startsWith("log: appends, 10000 per transaction").contains("× raw insert, same "),
                line -> assertThat(line).startsWith("log: verify 25,060 entries").contains("× raw read + SHA-256 ("));
        assertThat(home.resolve(".selfdata")).doesNotExist();
    }

    @Test
    void aSmallGateBenchmarkReportsSharedReadsBesideTheOwnersRead(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "gate", "--points", "3000");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("selfdata bench gate: 3,000 points, ");
        assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                line -> assertThat(line).startsWith("owner's read as JSON, best of 5, SQLite").endsWith("records/s "),
                line -> assertThat(line).startsWith("shared read at h3:8, SQLite ").contains("× owner's read (")
                        .endsWith(" records/s)"),
                line -> assertThat(line).startsWith("shared read at h3:8, SQLite, time").contains("× owner's read (")
                        .endsWith(" ms)"),
                line -> assertThat(line).startsWith("shared read at region, SQLite ").contains("× owner's read (")
                        .endsWith(" records/s)"),
                line -> assertThat(line).startsWith("shared read at region, SQLite, time").contains("× owner's read (")
                        .endsWith(" ms)"));
        assertThat(result.err()).contains("… SQLite: importing 3000 points\n", "… SQLite: round 5 of 5\n");
        assertThat(home.resolve(".selfdata")).doesNotExist();
    }

    @Test
    void theSearchBenchmarkSearchesTheDemoVaultForACommonWordAndARareOneBesideTheListing(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "search");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("selfdata bench search: the demo vault, ");
        assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                line -> assertThat(line).startsWith("listing the records that hold words, best of 5").matches(".* ms *"),
                line -> assertThat(line).matches("search \"lyon\", \\d+ found .* × listing \\d+ records \\(.* ms\\)"),
                line -> assertThat(line).matches("search \"ophtalmologue\", \\d+ found .* × listing \\d+ records "
                        + "\\(.* ms\\)"),
                line -> assertThat(line).startsWith("first page of \"lyon\"").contains("× the listing's first page ("));
        assertThat(result.err()).contains("… writing and importing the demo's files\n", "… round 5 of 5\n");
        assertThat(home.resolve(".selfdata")).doesNotExist();
    }

    @Test
    void theRevealBenchmarkWorksOutTheDemoPersonsLocationsBesideTheRawRead(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "reveal", "--rounds", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("selfdata bench reveal: the demo vault, ");
        assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                line -> assertThat(line).startsWith("raw read of the location records, best of 1").matches(".* ms *"),
                line -> assertThat(line).matches("inferences from exact records .* × raw read of \\d+ records \\(.* ms\\)"),
                line -> assertThat(line).matches("inferences as received at h3:8 .* × raw read of \\d+ records "
                        + "\\(.* ms\\)"));
        assertThat(result.err()).contains("… writing and importing the demo's files\n", "… round 1 of 1\n");
        assertThat(home.resolve(".selfdata")).doesNotExist();
    }

    @Test
    void aShortHttpBenchmarkMeasuresEveryScenarioBesideHealthWithoutErrors(@TempDir Path home, @TempDir Path profiles)
            throws Exception {
        CommandRun.Result result = new CommandRun(home).run("bench", "http", "--points", "300", "--seconds", "1",
                "--warmup", "0", "--workers", "1", "--profile", profiles.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("selfdata bench http: 300 points, 1 person, 1 workers, SQLite, ");
        assertEveryScenarioAnsweredWithoutErrors(lines);
        assertThat(result.err()).contains("… importing 300 location points for points\n", "… signing in 1 person\n",
                "… measuring one record by id: 1 workers, 0 ms warm-up, 1000 ms measured\n");
        try (Stream<Path> written = Files.list(profiles)) {
            assertThat(written.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "GET-api-v1-health.jfr", "one-record-by-id.jfr", "a-page-of-100-records.jfr", "the-shared-page.jfr",
                    "pushes.jfr", "the-overview-page.jfr", "the-session.jfr", "GET-api-v1-health-again.jfr");
        }
        assertThat(home.resolve(".selfdata")).doesNotExist();
    }

    @Test
    void anHttpBenchmarkServesSeveralPeopleAtOnceEachWithTheirOwnSessionAndGrants(@TempDir Path home) {
        CommandRun run = new CommandRun(home);
        Path vault = home.resolve("bench-vault");

        CommandRun.Result result = run.run("bench", "http", "--vault", vault.toString(), "--points", "300",
                "--people", "2", "--seconds", "1", "--warmup", "0", "--workers", "2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("selfdata bench http: 300 points, 2 people, 2 workers, SQLite, ");
        assertEveryScenarioAnsweredWithoutErrors(lines);
        assertThat(result.err()).contains("… importing 300 location points for points\n",
                "… importing 300 location points for points-2\n", "… signing in 2 people\n",
                "… granting an app location at region precision and an organization a write grant, for each person\n");
        for (String person : List.of("points", "points-2")) {
            assertThat(run.run("log", "show", "--data", vault.toString(), "--person", person, "--action", "push")
                    .out().lines()).as("what the organization pushed for " + person).isNotEmpty();
            CommandRun.Result verified = run.run("log", "verify", "--data", vault.toString(), "--person", person);
            assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        }
        assertThat(home.resolve(".selfdata")).doesNotExist();
    }

    @Test
    void anHttpBenchmarkServesSeveralPeopleFromPostgresWhenGivenADatabase(@TempDir Path home) {
        String url = TestPostgres.get().newDatabase();

        CommandRun.Result result = new CommandRun(home)
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD)
                .run("bench", "http", "--postgres", url.substring(0, url.indexOf('?')), "--points", "300",
                        "--people", "2", "--seconds", "1", "--warmup", "0", "--workers", "2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).startsWith("selfdata bench http: 300 points, 2 people, 2 workers, PostgreSQL, ");
        assertEveryScenarioAnsweredWithoutErrors(lines);
        assertThat(result.err()).contains("… serving jdbc:postgresql://", "… importing 300 location points for points-2\n",
                "… signing in 2 people\n");
    }

    @Test
    void anOperatorsBenchmarkImportsForEveryoneAtOnceThenReadsPagesBesideTheSecondDatabase(@TempDir Path home) {
        // The second database is plain PostgreSQL too: it is measured beside the first, and, its records not being
        // distributed, no shard is moved.
        String first = TestPostgres.get().newDatabase();
        String second = TestPostgres.get().newDatabase();

        CommandRun.Result result = new CommandRun(home)
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD)
                .run("bench", "operators", "--postgres", first.substring(0, first.indexOf('?')), "--citus",
                        second.substring(0, second.indexOf('?')), "--people", "5", "--records", "150", "--workers", "3",
                        "--seconds", "1", "--warmup", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String written = " +[1-9][\\d,]* records/s *";
        String read = " +[1-9][\\d,]* reads/s";
        String latencies = "p50 \\d+\\.\\d\\d ms, p95 \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms";
        assertThat(result.out().lines().toList()).satisfiesExactly(
                line -> assertThat(line).startsWith("selfdata bench operators: 5 people × 150 points, 3 workers, "
                        + "PostgreSQL and Citus, "),
                line -> assertThat(line).matches("records imported, 5 people at once, PostgreSQL" + written),
                line -> assertThat(line).matches("a person's page of 100, PostgreSQL" + read + " +" + latencies),
                line -> assertThat(line).matches("records imported, 5 people at once, Citus" + written
                        + " +\\d+\\.\\d\\d × PostgreSQL \\([\\d,]+ records/s\\)"),
                line -> assertThat(line).matches("a person's page of 100, Citus" + read
                        + " +\\d+\\.\\d\\d × PostgreSQL \\([\\d,]+ reads/s\\) +" + latencies));
        assertThat(result.err()).contains("… PostgreSQL: adding 5 people\n",
                "… Citus: importing 150 points for each, 3 at once\n");
    }

    @Test
    void anOperatorsBenchmarkOfPeopleWithLessThanAPageIsRefused(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "operators", "--postgres",
                "jdbc:postgresql://localhost/none", "--records", "99");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: an operators benchmark gives each person from 100 to 1,000,000 "
                + "records\n");
    }

    @Test
    void anHttpBenchmarkRefusesMorePeopleThanWorkers(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "http", "--people", "3", "--workers", "2");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: an HTTP benchmark needs a worker for each person: 3 people with 2 "
                + "workers would leave some of them idle\n");
    }

    @Test
    void anHttpBenchmarkOfNobodyIsRefused(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "http", "--people", "0");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: an HTTP benchmark serves at least one person\n");
    }

    /**
     * Every scenario's line, in order: a rate of at least one request a second, its latencies, and no error, which
     * would be written after them.
     */
    private static void assertEveryScenarioAnsweredWithoutErrors(List<String> lines) {
        String rate = " +[1-9][\\d,]* req/s +";
        String latencies = "p50 \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms";
        String besideHealth = rate + "\\d+\\.\\d\\d × GET /api/v1/health \\([\\d,]+ req/s\\)  " + latencies;
        assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                line -> assertThat(line).matches("GET /api/v1/health, better of 2" + rate + latencies),
                line -> assertThat(line).matches("one record by id \\(\\d+ small ones at random\\)" + besideHealth),
                line -> assertThat(line).matches("a page of 100 records" + besideHealth),
                line -> assertThat(line).matches("the same page shared at region precision" + besideHealth),
                line -> assertThat(line).matches("a recipient's push of one record" + besideHealth),
                line -> assertThat(line).matches("the overview page's API calls \\(8 requests\\)" + besideHealth),
                line -> assertThat(line).matches("GET /api/v1/session" + besideHealth));
    }

    @Test
    void anHttpBenchmarkReusesOnlyAVaultItMadeItself(@TempDir Path home) {
        CommandRun run = new CommandRun(home);
        Path vault = home.resolve("vault");
        assertThat(run.run("init", "--data", vault.toString(), "--handle", "camille").exitCode()).isZero();

        CommandRun.Result result = run.run("bench", "http", "--vault", vault.toString(), "--points", "300");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: " + vault + " holds a vault this benchmark did not make; it sets its "
                + "person's password and gives grants, so it only reuses a vault of its own\n");
    }

    @Test
    void anHttpBenchmarkOfLessThanASecondIsRefused(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "http", "--seconds", "0");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: an HTTP benchmark measures each scenario for at least a second\n");
    }

    @Test
    void aGateBenchmarkMeasuresPostgresAfterSqliteWhenGivenADatabase(@TempDir Path home) {
        String url = TestPostgres.get().newDatabase();
        CommandRun.Result result = new CommandRun(home)
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD)
                .run("bench", "gate", "--points", "1000", "--postgres", url.substring(0, url.indexOf('?')));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().skip(1).map(line -> line.substring(0, line.indexOf("  "))).toList())
                .containsExactly("owner's read as JSON, best of 5, SQLite", "shared read at h3:8, SQLite",
                        "shared read at h3:8, SQLite, time", "shared read at region, SQLite",
                        "shared read at region, SQLite, time", "owner's read as JSON, best of 5, PostgreSQL",
                        "shared read at h3:8, PostgreSQL", "shared read at h3:8, PostgreSQL, time",
                        "shared read at region, PostgreSQL", "shared read at region, PostgreSQL, time");
    }

    @Test
    void aGateBenchmarkOfFewerThanAThousandPointsIsRefused(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "gate", "--points", "999");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: a benchmark needs at least 1,000 records to mean anything\n");
    }

    @Test
    void fewerThanAThousandRecordsIsRefused(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("bench", "--records", "10");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: a benchmark needs at least 1,000 records to mean anything\n");
    }
}
