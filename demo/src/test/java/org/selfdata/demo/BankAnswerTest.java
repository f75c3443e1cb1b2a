package org.selfdata.demo;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.importers.ImportContext;
import org.selfdata.importers.Importers;
import org.selfdata.importers.ParsedFile;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.RecordDraft;
import org.selfdata.rights.Requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BankAnswerTest {
    private static final LocalDate SENT = LocalDate.of(2026, 1, 10);
    private static final LocalDate RECEIVED = LocalDate.of(2026, 1, 12);
    private static final LocalDate ANSWERED = LocalDate.of(2026, 2, 9);

    @Test
    void theOperationsReadBackAsTheBanksExportOfTheYearsBeforeHerStatementBegins(@TempDir Path folder) throws IOException {
        BankAnswer answer = DemoPerson.generate(2024).requests().bankAnswer();
        Path file = folder.resolve(BankAnswer.STATEMENT);
        Files.write(file, answer.statement().content());

        List<BankTransaction> transactions;
        try (ParsedFile parsed = Importers.standard().open(file, new ImportContext(DemoPerson.ZONE))) {
            assertThat(parsed.source().organization()).isEqualTo("BPCE");
            transactions = parsed.records().map(RecordDraft::payload).map(BankTransaction.class::cast).toList();
        }

        assertThat(transactions).extracting(BankTransaction::bookingDate, BankTransaction::label,
                transaction -> transaction.memo().orElseThrow(), BankTransaction::amount)
                .containsExactlyElementsOf(answer.lines().stream().map(line -> tuple(line.day(), line.shortLabel(),
                        line.label(), BigDecimal.valueOf(line.cents(), 2))).toList());
        assertThat(transactions).extracting(BankTransaction::bookingDate).containsExactly(LocalDate.of(2023, 12, 31),
                LocalDate.of(2023, 12, 22), LocalDate.of(2023, 10, 23), LocalDate.of(2022, 12, 31),
                LocalDate.of(2022, 12, 22), LocalDate.of(2022, 10, 23), LocalDate.of(2021, 12, 31),
                LocalDate.of(2021, 12, 22), LocalDate.of(2021, 10, 23));
    }

    @Test
    void theSameSeedDrawsTheSameCustomerNumberAndFilesAndAnotherSeedOthers() {
        DemoRequests once = DemoPerson.generate(7).requests();
        DemoRequests twice = DemoPerson.generate(7).requests();
        DemoRequests other = DemoPerson.generate(8).requests();

        assertThat(twice.customerNumber()).isEqualTo(once.customerNumber()).matches("[0-9]{8}");
        assertThat(other.customerNumber()).isNotEqualTo(once.customerNumber());
        assertThat(twice.bankAnswer().statement().content()).isEqualTo(once.bankAnswer().statement().content());
        assertThat(other.bankAnswer().statement().content()).isNotEqualTo(once.bankAnswer().statement().content());
        // A PDF's trailer carries an identifier PDFBox draws from the time it is written: its text is what repeats.
        assertThat(text(letter(twice))).isEqualTo(text(letter(once)))
                .contains("Nous avons reçu le 12 janvier 2026 votre lettre du 10 janvier 2026", "réf. SD-7K3Q");
    }

    private static String text(Requests.Attachment pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.content())) {
            return new PDFTextStripper().getText(document);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Requests.Attachment letter(DemoRequests requests) {
        return requests.bankAnswer().letter("SD-7K3Q", SENT, RECEIVED, ANSWERED, DemoRequests.ADDRESS);
    }
}
