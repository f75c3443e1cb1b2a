package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.texts.Language;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the machine-readable files of an answer name of art. 15: a CSV, a JSON, a PDF's text, a zip, a message. */
class AnswerItemsTest {
    @Test
    void aCsvTableOfQuestionsAndAnswersNamesTheItemsInItsFirstColumn() {
        String csv = """
                Rubrique;Réponse
                Finalités;Gestion du compte
                "Catégories de données";Identité, coordonnées, opérations
                Destinataires;Nos prestataires de paiement, voir vos droits
                Durée de conservation;Dix ans après la clôture
                """;

        assertThat(named(file("reponse.csv", "text/csv", csv))).containsExactlyInAnyOrder(AccessItem.PURPOSES,
                AccessItem.CATEGORIES, AccessItem.RECIPIENTS, AccessItem.STORAGE_PERIOD);
    }

    @Test
    void aCsvNamesTheItemsOfItsHeadingsAndAStatementsColumnsNameNone() {
        String answer = "Purposes,Recipients,Retention period\nBilling,Our bank,Ten years\n";
        String statement = """
                Date;Libellé;Catégorie;Destinataire;Source;Montant
                12/01/2026;Loyer;Logement;SCI Lilas;Virement;-700
                """;

        assertThat(named(file("answer.csv", "text/csv", answer))).containsExactlyInAnyOrder(AccessItem.PURPOSES,
                AccessItem.RECIPIENTS, AccessItem.STORAGE_PERIOD);
        assertThat(named(file("releve.csv", "text/csv", statement.getBytes(Charset.forName("windows-1252")))))
                .isEmpty();
    }

    @Test
    void aJsonNamesTheItemsOfItsKeysAtAnyDepthAndNotOfItsValuesNorOfItsRecordsKeys() {
        String json = """
                {"purposes": ["billing", "fraud prevention"],
                 "answer": {"data_categories": ["identity", "transactions"], "retentionPeriod": "10 years"},
                 "transactions": [{"category": "food", "recipient": "Your rights shop", "source": "card"}]}
                """;

        assertThat(named(file("export.json", "application/json", json))).containsExactlyInAnyOrder(AccessItem.PURPOSES,
                AccessItem.CATEGORIES, AccessItem.STORAGE_PERIOD);
    }

    @Test
    void aPdfNamesTheItemsOfTheHeadingsOfItsText() {
        byte[] pdf = LetterPdf.render(new Letter(Language.FRENCH, "Votre demande d’accès", """
                Finalités du traitement
                La gestion de votre compte.

                Durée de conservation
                Cinq ans après la fin du contrat.
                """), Letterhead.of(Correspondents.camille(), Correspondents.organization(), Optional.empty(),
                LocalDate.of(2026, 2, 10)));

        assertThat(named(file("reponse.pdf", "application/pdf", pdf))).containsExactlyInAnyOrder(AccessItem.PURPOSES,
                AccessItem.STORAGE_PERIOD);
    }

    @Test
    void aZipNamesWhatItsEntriesAndTheZipsInsideItName() {
        byte[] inner = zip(Map.of("sources.csv",
                "Origine des données;Détail\nVous;Formulaire\n".getBytes(StandardCharsets.UTF_8),
                "photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}));
        byte[] outer = zip(Map.of("answer/rights.json",
                "{\"vos_droits\": \"rectification\", \"cnil\": \"3 place de Fontenoy\"}".getBytes(StandardCharsets.UTF_8),
                "answer/parts.zip", inner));

        assertThat(named(file("export.zip", "application/zip", outer))).containsExactlyInAnyOrder(AccessItem.RIGHTS,
                AccessItem.COMPLAINT, AccessItem.SOURCE);
    }

    @Test
    void aTextNamesTheItemsOfItsHeadingsAndLabelsButNotOfItsSentences() {
        String text = """
                Réponse à votre demande

                Vos droits : vous pouvez demander la rectification de vos données.
                Nos destinataires sont listés plus bas.
                Décisions automatisées
                Aucune.
                Nous conservons vos données pendant toute la durée du contrat puis pendant la durée de conservation légale
                """;

        assertThat(named(file("notes.txt", "text/plain", text))).containsExactlyInAnyOrder(AccessItem.RIGHTS,
                AccessItem.AUTOMATED_DECISIONS);
    }

    @Test
    void aMessagesTextNamesItemsAsAFileDoesAndTheMessageItselfIsNotReadAgain() {
        Requests.Attachment message = file("message-1.eml", "message/rfc822", "Profiling: none\r\n");

        assertThat(AnswerItems.named(List.of(message), Optional.of("Purposes: billing\nSource of the data: you")))
                .containsExactlyInAnyOrder(AccessItem.PURPOSES, AccessItem.SOURCE);
    }

    @Test
    void aFileThatCannotBeReadNamesNothingAndFailsNothing() {
        assertThat(named(file("broken.pdf", "application/pdf", "%PDF-1.4 Purposes".getBytes(StandardCharsets.US_ASCII))))
                .isEmpty();
        assertThat(named(file("broken.zip", "application/zip", "PK\u0003\u0004purposes.csv"
                .getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        assertThat(named(file("cut.json", "application/json", "{\"recipients\": [\"a\", "))).containsExactly(
                AccessItem.RECIPIENTS);
        assertThat(named(file("photo.jpg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8}))).isEmpty();
    }

    private static java.util.Set<AccessItem> named(Requests.Attachment file) {
        return AnswerItems.named(List.of(file), Optional.empty());
    }

    private static Requests.Attachment file(String name, String mediaType, String content) {
        return file(name, mediaType, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Requests.Attachment file(String name, String mediaType, byte[] content) {
        return new Requests.Attachment(name, mediaType, content);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
