package org.selfdata.rights;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A letter as a PDF for registered post with acknowledgement of receipt, on A4: the sender's block at the top left,
 * the addressee's where a window envelope shows it, the place and date, the registered mention, the subject, then the
 * body, wrapped and carried over as many pages as it takes, each page numbered.
 *
 * <p>It uses the standard Helvetica fonts, which PDF readers hold, so that nothing is embedded and a letter weighs a
 * few kilobytes; {@link WinAnsiText} says which characters they write.
 */
public final class LetterPdf {
    private LetterPdf() {}

    /** The PDF's bytes; a character the fonts cannot write is reported with where it is, the letter left unwritten. */
    public static byte[] render(Letter letter, Letterhead head) {
        Words words = Words.of(letter.language());
        String dateline = head.place()
                .map(place -> words.say("rights.letter.dateline.place", place, LetterDates.say(head.date(),
                        letter.language())))
                .orElseGet(() -> words.say("rights.letter.dateline", LetterDates.say(head.date(), letter.language())));
        List<String> sender = new ArrayList<>();
        sender.add(head.senderName());
        sender.addAll(head.senderAddress().lines().toList());
        head.senderEmail().ifPresent(sender::add);
        List<String> addressee = new ArrayList<>();
        addressee.add(head.addresseeName());
        addressee.addAll(head.addresseeAddress().lines().toList());
        List<String> body = letter.body().lines().toList();
        PageFlow.Head folded = new PageFlow.Head(foldHead(sender), foldHead(addressee), foldHead(List.of(dateline)).getFirst(),
                fold(words.say("rights.letter.registered"), Wording.of("error.rights.letter.pdfCharacterHead")),
                fold(words.say("rights.letter.subject.label", letter.subject()),
                        Wording.of("error.rights.letter.pdfCharacterSubject")));
        List<String> foldedBody = new ArrayList<>();
        for (int index = 0; index < body.size(); index++) {
            foldedBody.add(fold(body.get(index), Wording.of("error.rights.letter.pdfCharacter", index + 1)));
        }
        try (PDDocument document = new PDDocument()) {
            new PageFlow(document, new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD)).write(folded, foldedBody);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot write the letter's PDF", e);
        }
    }

    private static List<String> foldHead(List<String> lines) {
        return lines.stream().map(line -> fold(line, Wording.of("error.rights.letter.pdfCharacterHead"))).toList();
    }

    private static String fold(String text, Wording where) {
        return WinAnsiText.fold(text).orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_INPUT, where));
    }

    /** The pages as they are filled, top to bottom. */
    static final class PageFlow {
        private static final PDRectangle SIZE = PDRectangle.A4;
        private static final float SIZE_POINTS = 10.5f;
        private static final float LEADING = 14f;
        private static final float LEFT = 70f;
        private static final float RIGHT = SIZE.getWidth() - 60f;
        private static final float TOP = SIZE.getHeight() - 56f;
        private static final float BOTTOM = 72f;
        /** Where a French or C5/6 window envelope shows the addressee: about 110 mm from the left, 50 mm from the top. */
        private static final float ADDRESSEE_LEFT = 312f;
        private static final float ADDRESSEE_TOP = SIZE.getHeight() - 142f;

        /** What the first page holds before the body, folded to the fonts' characters. */
        record Head(List<String> sender, List<String> addressee, String dateline, String registered, String subject) {}

        private final PDDocument document;
        private final PDType1Font regular;
        private final PDType1Font bold;
        private PDPageContentStream content;
        private float y;

        PageFlow(PDDocument document, PDType1Font regular, PDType1Font bold) {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
        }

        void write(Head head, List<String> body) throws IOException {
            newPage();
            try {
                block(head.sender(), LEFT, TOP);
                float below = block(head.addressee(), ADDRESSEE_LEFT, ADDRESSEE_TOP);
                line(regular, head.dateline(), ADDRESSEE_LEFT, below - 2 * LEADING);
                y = below - 5 * LEADING;
                paragraph(bold, head.registered());
                y -= LEADING / 2;
                paragraph(bold, head.subject());
                y -= LEADING;
                for (String line : body) {
                    if (line.isBlank()) {
                        y -= LEADING / 2;
                    }
                    else {
                        paragraph(regular, line);
                    }
                }
            }
            finally {
                content.close();
            }
            number();
        }

        /** Lines from a point down, the first in bold; returns the baseline of the last. */
        private float block(List<String> lines, float x, float top) throws IOException {
            float baseline = top;
            for (int index = 0; index < lines.size(); index++) {
                line(index == 0 ? bold : regular, lines.get(index), x, baseline);
                baseline -= LEADING;
            }
            return baseline + LEADING;
        }

        /** A line of the body, wrapped to the margins; a list's item hangs from its dash, bullet or number. */
        private void paragraph(PDType1Font font, String text) throws IOException {
            float indent = width(font, Wrapping.hangingPrefix(text));
            List<String> lines = Wrapping.wrap(text, RIGHT - LEFT, indent, part -> width(font, part));
            for (int index = 0; index < lines.size(); index++) {
                if (y < BOTTOM) {
                    content.close();
                    newPage();
                    y = TOP;
                }
                line(font, lines.get(index), LEFT + (index == 0 ? 0 : indent), y);
                y -= LEADING;
            }
        }

        private void line(PDType1Font font, String text, float x, float baseline) throws IOException {
            content.beginText();
            content.setFont(font, SIZE_POINTS);
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        }

        private float width(PDType1Font font, String text) {
            try {
                return font.getStringWidth(text) / 1000f * SIZE_POINTS;
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
        }

        /** "1/2" at the foot of each page, once the number of pages is known. */
        private void number() throws IOException {
            int pages = document.getNumberOfPages();
            for (int index = 0; index < pages; index++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(index),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String number = (index + 1) + "/" + pages;
                    foot.beginText();
                    foot.setFont(regular, 9f);
                    foot.newLineAtOffset(RIGHT - regular.getStringWidth(number) / 1000f * 9f, BOTTOM - 2 * LEADING);
                    foot.showText(number);
                    foot.endText();
                }
            }
        }
    }
}
