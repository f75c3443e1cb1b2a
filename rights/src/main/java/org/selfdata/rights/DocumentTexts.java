package org.selfdata.rights;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The text of a document an organization sent with its answer, for the person to read and search it: a PDF's text as
 * PDFBox extracts it, a text file's as it is. A document whose text cannot be had (a scan, a damaged PDF) is kept all
 * the same, without text.
 */
final class DocumentTexts {
    /** Pages beyond which a PDF's text is not extracted: a letter has a few, an export that large is data, not prose. */
    private static final int MAXIMUM_PAGES = 200;

    private DocumentTexts() {}

    static Optional<String> extract(byte[] content, String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> pdf(content);
            case "text/plain" -> utf8(content);
            default -> Optional.empty();
        };
    }

    private static Optional<String> pdf(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted() || document.getNumberOfPages() > MAXIMUM_PAGES) {
                return Optional.empty();
            }
            String text = new PDFTextStripper().getText(document).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> utf8(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString()).filter(text -> !text.isBlank());
        }
        catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
