package org.selfdata.rights;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.rights.Correspondents.camille;
import static org.selfdata.rights.Correspondents.organization;
import static org.selfdata.rights.RequestLettersTest.assertRefused;

class LetterPdfTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    @Test
    void aRegisteredLetterCarriesTheSenderTheAddresseeThePlaceAndDateTheMentionTheSubjectAndTheBody()
            throws IOException {
        Letter letter = Letters.request(request(Language.FRENCH));

        byte[] pdf = LetterPdf.render(letter, Letterhead.of(camille(), organization(), Optional.of("Lyon"), DAY));

        String text = text(pdf);
        assertThat(text).contains("Camille Martin\n12 rue des Lilas\n69003 Lyon\nFrance\ncamille@example.org",
                "PhotoMatch Inc.\n1 Market Street\nNew York, NY 10001\nUSA", "Lyon, le 5 décembre 2026",
                "Lettre recommandée avec accusé de réception");
        assertThat(flat(text)).contains("Objet\u00a0: " + letter.subject(), flat(letter.body()));
        assertThat(text).contains("é", "è", "à", "ç", "«", "»", "’", "œ");
    }

    @Test
    void aLongLetterFlowsOverAPageBreakWithNothingLostAndEachPageNumbered() throws IOException {
        List<Rectification> many = new ArrayList<>();
        for (int index = 1; index <= 40; index++) {
            many.add(Rectification.described("Line " + index + " of my file, with the sœur’s « name »",
                    Optional.of("old value " + index), "new value " + index));
        }
        Letter letter = Letters.request(LetterRequest.of(Right.RECTIFICATION, organization(), camille(), "SD-7K3Q",
                DAY, Language.ENGLISH, Organization.Channel.LETTER).rectifying(many));

        byte[] pdf = LetterPdf.render(letter, Letterhead.of(camille(), organization(), Optional.empty(), DAY));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(page(document, 1)).contains("1/2").doesNotContain("new value 40");
            assertThat(page(document, 2)).contains("2/2", "new value 40", "Yours faithfully,");
        }
        String text = text(pdf);
        assertThat(text).contains("5 December 2026", "Registered letter with acknowledgement of receipt",
                "Subject: [SD-7K3Q] Request for rectification of my personal data (Article 16 GDPR)");
        assertThat(flat(text)).contains(flat(letter.body()));
        assertThat(pdf.length).isLessThan(12_000);
    }

    @Test
    void aOnePageLetterWeighsAFewKilobytesSinceItsFontsAreNotEmbedded() {
        byte[] pdf = LetterPdf.render(Letters.request(request(Language.ENGLISH)),
                Letterhead.of(camille(), organization(), Optional.empty(), DAY));

        assertThat(pdf.length).isLessThan(8_000);
    }

    @Test
    void charactersOutsideTheFontsAreFoldedToTheirEquivalentWhereOneExists() throws IOException {
        Sender dvorak = new Sender("Anton\u00edn Dvo\u0159\u00e1k", Optional.of("N\u00e1m\u011bst\u00ed 1\nPraha"),
                Optional.empty());
        Letter letter = new Letter(Language.FRENCH, "Objet\u202fcourt", "Paiement\u202f: 12\u2009000\u00a0€ \u2011"
                + " Łódź");

        String text = text(LetterPdf.render(letter, Letterhead.of(dvorak, organization(), Optional.empty(), DAY)));

        assertThat(text).contains("Antonín Dvorák", "Námestí 1", "Objet\u00a0court",
                "Paiement\u00a0: 12\u00a0000\u00a0€ - Lódz");
    }

    @Test
    void aCharacterWithoutEquivalentIsReportedWithItsLineNotReplaced() {
        Letter letter = new Letter(Language.ENGLISH, "Subject", "Dear Sir or Madam,\n\nMy name is Иван.");

        assertThatThrownBy(() -> LetterPdf.render(letter, Letterhead.of(camille(), organization(), Optional.empty(),
                DAY))).isInstanceOfSatisfying(SelfdataException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(error.getMessage()).isEqualTo("Line 3 of the letter holds a character the PDF’s fonts"
                            + " cannot write: send it as text, or write that character otherwise.");
                    assertThat(error.message(Language.FRENCH)).isEqualTo("La ligne 3 de la lettre contient un"
                            + " caractère que les polices du PDF ne savent pas écrire\u00a0: envoyez-la sous forme de"
                            + " texte, ou écrivez ce caractère autrement.");
                });
        Sender cyrillic = new Sender("Иван Петров", Optional.of("1 rue A\nParis"), Optional.empty());
        assertThatThrownBy(() -> LetterPdf.render(new Letter(Language.ENGLISH, "Subject", "Body"),
                Letterhead.of(cyrillic, organization(), Optional.empty(), DAY)))
                .hasMessage("The sender, the addressee or the place holds a character the PDF’s fonts cannot write:"
                        + " send the letter as text, or write that character otherwise.");
    }

    @Test
    void aRegisteredLetterNeedsBothPostalAddresses() {
        assertRefused(() -> Letterhead.of(camille(), Correspondents.withoutPostalAddress(), Optional.empty(), DAY),
                "This organization has no postal address: a registered letter cannot be addressed to it. Send the"
                        + " request by e-mail or through its web form, or add its address.",
                "Cet organisme n’a pas d’adresse postale\u00a0: une lettre recommandée ne peut pas lui être adressée."
                        + " Envoyez la demande par courrier électronique ou par son formulaire en ligne, ou ajoutez"
                        + " son adresse.");
        assertRefused(() -> Letterhead.of(new Sender("Camille Martin", Optional.empty(), Optional.empty()),
                        organization(), Optional.empty(), DAY),
                "A registered letter needs the sender’s postal address, where the acknowledgement of receipt comes"
                        + " back.",
                "Une lettre recommandée demande l’adresse postale de l’expéditeur, où revient l’accusé de réception.");
    }

    private static LetterRequest request(Language language) {
        return LetterRequest.of(Right.ACCESS, organization(), camille(), "SD-7K3Q", DAY, language,
                Organization.Channel.LETTER).withPortability().withIdentityDocument().about(new SubjectMatter(
                Optional.of("les photos reçues de ma sœur, « floutées »"), Optional.empty(), Optional.empty()));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace("\r\n", "\n");
        }
    }

    private static String page(PDDocument document, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(document);
    }

    /**
     * Text with the pages' numbers left out and its line breaks and runs of spaces made single spaces, as wrapping
     * moves them.
     */
    private static String flat(String text) {
        return text.replaceAll("\n[0-9]+/[0-9]+\n", "\n").replaceAll("\\s+", " ").strip();
    }
}
