package org.selfdata.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.importers.ImportContext;
import org.selfdata.importers.Importers;
import org.selfdata.importers.ParsedFile;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.RecordDraft;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BenchFilesTest {
    private static final ImportContext PARIS = new ImportContext(ZoneId.of("Europe/Paris"));

    @Test
    void writesARecordsJsonThatTheGoogleImporterReadsPointForPoint(@TempDir Path folder) {
        Path file = folder.resolve("Records.json");

        long points = BenchFiles.writeRecordsJson(file, 2_500, Long.MAX_VALUE);

        List<RecordDraft> records = read(file, "google-records");
        assertThat(points).isEqualTo(2_500);
        assertThat(records).hasSize(2_500).allMatch(record -> record.payload() instanceof GeoPoint);
        assertThat(records).extracting(record -> ((GeoPoint) record.payload()).activity()).anyMatch(activity ->
                activity.isPresent()).anyMatch(activity -> activity.isEmpty());
    }

    @Test
    void stopsARecordsJsonOnceItReachesTheSizeAsked(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("Records.json");

        long points = BenchFiles.writeRecordsJson(file, Long.MAX_VALUE, 1_000_000);

        assertThat(Files.size(file)).isBetween(1_000_000L, 1_001_000L);
        assertThat(read(file, "google-records")).hasSize((int) points);
    }

    @Test
    void writesAnOfxStatementOfTheTransactionsAsked(@TempDir Path folder) {
        Path file = folder.resolve("statement.ofx");

        BenchFiles.writeOfx(file, 1_200);

        List<RecordDraft> records = read(file, "ofx");
        assertThat(records.stream().filter(record -> record.payload() instanceof BankTransaction)).hasSize(1_200);
    }

    private static List<RecordDraft> read(Path file, String format) {
        try (ParsedFile parsed = Importers.standard().open(file, PARIS); Stream<RecordDraft> records = parsed.records()) {
            assertThat(parsed.format()).isEqualTo(format);
            return records.toList();
        }
    }
}
