package org.selfdata.demo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.importers.ImportContext;
import org.selfdata.importers.Importers;
import org.selfdata.importers.ParsedFile;
import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Contact;
import org.selfdata.model.RecordDraft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DemoPersonTest {
    private static final ImportContext PARIS = new ImportContext(DemoPerson.ZONE);
    private static final Importers IMPORTERS = Importers.standard();

    @TempDir
    static Path twoYears;
    private static DemoFiles written;

    @BeforeAll
    static void writeTheTwoAcademicYears() {
        written = DemoPerson.generate(2024).write(twoYears);
    }

    @Test
    void theFilesAndTheFolderMadeForThemAreForTheirOwnerOnly(@TempDir Path home) throws IOException {
        Path folder = home.resolve("demo");
        DemoPerson person = DemoPerson.generate(7, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2));
        person.write(folder);
        Files.setPosixFilePermissions(folder.resolve("contacts.vcf"), PosixFilePermissions.fromString("rw-r--r--"));

        DemoFiles rewritten = person.write(folder);

        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(rewritten.files()).extracting(file -> mode(file.path())).containsOnly("rw-------");
    }

    @Test
    void writesFiveFilesThatTheImportersRecognizeByContent() {
        assertThat(written.files()).extracting(file -> file.path().getFileName().toString(), DemoFile::format).containsExactly(
                tuple("releve-banque.ofx", "ofx"),
                tuple("Records.json", "google-records"),
                tuple("linky-courbe-de-charge.csv", "linky-load-curve"),
                tuple("contacts.vcf", "vcard"),
                tuple("agenda.ics", "icalendar"));
        for (DemoFile file : written.files()) {
            try (ParsedFile parsed = IMPORTERS.open(file.path(), PARIS)) {
                assertThat(parsed.format()).isEqualTo(file.format());
            }
        }
    }

    @Test
    void everyFileReadsBackAsManyRecordsAsTheGeneratorWrote() {
        for (DemoFile file : written.files()) {
            try (ParsedFile parsed = IMPORTERS.open(file.path(), PARIS)) {
                assertThat(parsed.records().count()).as(file.format()).isEqualTo(file.records());
            }
        }
    }

    @Test
    void theStatementHoldsAboutThreeThousandTransactionsThatAddUpToItsBalance() {
        List<RecordDraft> records = records("ofx");
        List<BankTransaction> transactions = payloads(records, BankTransaction.class);
        BankAccount account = payloads(records, BankAccount.class).getFirst();

        assertThat(transactions).hasSizeBetween(2_500, 3_500);
        assertThat(transactions.stream().map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(account.balance().orElseThrow());
        assertThat(account.balance().orElseThrow()).isPositive();
        assertThat(transactions.stream().map(transaction
                -> transaction.reference().orElseThrow()).distinct()).hasSize(transactions.size());
        assertThat(transactions).allMatch(transaction -> transaction.amount().scale() == 2
                && transaction.currency().equals("EUR"));
        assertThat(transactions.getFirst().bookingDate()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(transactions.getLast().bookingDate()).isBeforeOrEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(transactions).extracting(BankTransaction::label).anyMatch(label -> label.startsWith("CB CARREFOUR CITY "))
                .contains("PRLV SEPA FREE MOBILE", "VIR SEPA CAF DU RHONE APL", "PRLV SEPA FONCIA LYON LOYER",
                        "VIR SALAIRE LIBRAIRIE DES CANUTS", "VIR CPAM LYON REMBOURSEMENT SOINS")
                .anyMatch(label -> label.startsWith("CB IZLY RECHARGEMENT "))
                .anyMatch(label -> label.startsWith("CB SNCF CONNECT "));
        assertThat(transactions.stream()
                .collect(Collectors.groupingBy(line -> List.of(line.bookingDate(), line.amount(), line.label()),
                        Collectors.counting()))
                .values())
                .as("two identical coffees on the same day are two lines").anyMatch(count -> count >= 2);
    }

    @Test
    void theLocationHistoryHoldsAboutHalfAMillionPointsWithinThePeriod() throws IOException {
        DemoFile locations = written.file("google-records");
        Instant start = LocalDate.of(2024, 9, 1).atStartOfDay(DemoPerson.ZONE).toInstant();
        Instant end = LocalDate.of(2026, 9, 1).atStartOfDay(DemoPerson.ZONE).toInstant();

        assertThat(locations.records()).isBetween(450_000L, 550_000L);
        try (ParsedFile parsed = IMPORTERS.open(locations.path(), PARIS); Stream<RecordDraft> records = parsed.records()) {
            assertThat(records.filter(record -> record.time().span().orElseThrow().start().isBefore(start)
                    || !record.time().span().orElseThrow().start().isBefore(end)).count())
                    .isZero();
        }
    }

    @Test
    void theLoadCurveHasAReadingForEveryHalfHourButItsGaps() throws IOException {
        long halfHours = 730 * 48;
        long gaps;
        try (Stream<String> lines = Files.lines(written.file("linky-load-curve").path())) {
            gaps = lines.filter(line -> line.endsWith(";") && line.startsWith("20")).count();
        }

        assertThat(gaps).isPositive();
        assertThat(written.file("linky-load-curve").records()).isEqualTo(halfHours - gaps);
        assertThat(Duration.between(LocalDate.of(2024, 9, 1).atStartOfDay(DemoPerson.ZONE),
                LocalDate.of(2026, 9, 1).atStartOfDay(DemoPerson.ZONE)).toMinutes() / 30).isEqualTo(halfHours);
    }

    @Test
    void theAddressBookHoldsSixtyTwoContactsWithAccents() {
        List<Contact> contacts = payloads(records("vcard"), Contact.class);

        assertThat(contacts).hasSize(62);
        assertThat(contacts.getFirst().displayName()).isEqualTo("Nathalie Martin");
        assertThat(contacts).extracting(Contact::displayName).contains("Yvonne Le Goff", "Claire Lefebvre");
        assertThat(contacts).extracting(Contact::displayName).anyMatch(name
                -> !name.equals(new String(name.getBytes(Charset.forName("US-ASCII")))));
    }

    @Test
    void theSameSeedWritesByteIdenticalFilesAndAnotherSeedDifferentOnes(@TempDir Path first, @TempDir Path second,
            @TempDir Path other) {
        LocalDate from = LocalDate.of(2024, 12, 10);
        LocalDate to = LocalDate.of(2025, 1, 20);

        Map<String, String> once = digests(DemoPerson.generate(7, from, to).write(first));
        Map<String, String> twice = digests(DemoPerson.generate(7, from, to).write(second));
        Map<String, String> otherSeed = digests(DemoPerson.generate(8, from, to).write(other));

        assertThat(twice).isEqualTo(once);
        once.forEach((format, digest) -> assertThat(otherSeed.get(format)).as(format).isNotEqualTo(digest));
    }

    private static List<RecordDraft> records(String format) {
        try (ParsedFile parsed = IMPORTERS.open(written.file(format).path(), PARIS)) {
            return parsed.records().toList();
        }
    }

    private static <T> List<T> payloads(List<RecordDraft> records, Class<T> type) {
        return records.stream().map(RecordDraft::payload).filter(type::isInstance).map(type::cast).toList();
    }

    private static Map<String, String> digests(DemoFiles files) {
        return files.files().stream().collect(Collectors.toMap(DemoFile::format, file -> sha256(file.path())));
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
