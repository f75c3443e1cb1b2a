package org.selfdata.importers;

import org.selfdata.model.Document;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordTime;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Any file kept as it is: one {@code document} record that describes it (its name, media type, size, SHA-256 and, where
 * it can be extracted, its text). Never among the standard importers: an organization's answer to a rights request is
 * imported with it as the last resort, so that a file no importer reads (a PDF letter, a scan) is kept rather than
 * refused, and the file itself is kept sealed beside the request with the same digest.
 *
 * <p>Detection answers {@link Detection#BY_NAME} for every file, the weakest yes, so that with
 * {@link Importers#withFallback(Importer)} every importer that knows the file wins over it.
 */
public final class DocumentImporter implements Importer {
    /** Far more than a letter or a scan; an answer's larger files are data exports, which importers read. */
    public static final long MAXIMUM_SIZE = 25L * 1024 * 1024;

    /** The text of a document, for search and for the person to read it, when its media type allows. */
    @FunctionalInterface
    public interface TextExtraction {
        Optional<String> text(byte[] content, String mediaType);
    }

    private final RecordTime time;
    private final TextExtraction extraction;

    /**
     * @param time when the person received the document, which the record carries
     * @param extraction how text is taken out of a document, such as a PDF's
     */
    public DocumentImporter(RecordTime time, TextExtraction extraction) {
        this.time = requireNonNull(time, "time is null");
        this.extraction = requireNonNull(extraction, "extraction is null");
    }

    @Override
    public String format() {
        return "document";
    }

    @Override
    public Detection detect(Sniff sniff) {
        return Detection.BY_NAME;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        String name = context.fileName().orElse("document");
        byte[] content = readBounded(in, name);
        String mediaType = mediaType(name, content);
        Optional<String> text = extraction.text(content, mediaType)
                .map(extracted -> extracted.length() > 1_048_576 ? extracted.substring(0, 1_048_576) : extracted);
        Document document = new Document(title(name), mediaType, content.length, sha256(content), text);
        RecordDraft record = RecordDraft.of(time, document, Position.line(1));
        boolean[] read = {false};
        RecordReader reader = () -> {
            if (read[0]) {
                return Optional.empty();
            }
            read[0] = true;
            return Optional.of(record);
        };
        return new RecordFile(format(), SourceDescriptor.file("Document", "document"), reader, in);
    }

    /** The media type by the file's signature, then its name; {@code application/octet-stream} when neither says. */
    static String mediaType(String name, byte[] content) {
        if (startsWith(content, "%PDF-")) {
            return "application/pdf";
        }
        if (content.length >= 8 && (content[0] & 0xFF) == 0x89 && startsWith(content, "\u0089PNG")) {
            return "image/png";
        }
        if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        if (lower.endsWith(".csv")) {
            return "text/csv";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return "text/html";
        }
        return "application/octet-stream";
    }

    private static boolean startsWith(byte[] content, String signature) {
        if (content.length < signature.length()) {
            return false;
        }
        for (int index = 0; index < signature.length(); index++) {
            if ((content[index] & 0xFF) != signature.charAt(index)) {
                return false;
            }
        }
        return true;
    }

    private static String title(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String last = name.substring(slash + 1).strip();
        if (last.isEmpty()) {
            return "document";
        }
        return last.length() > 200 ? last.substring(0, 200) : last;
    }

    private static byte[] readBounded(InputStream in, String name) {
        try {
            byte[] content = in.readNBytes((int) MAXIMUM_SIZE + 1);
            if (content.length > MAXIMUM_SIZE) {
                throw new SelfdataException(ErrorCode.TOO_LARGE, InvalidInput.wording(name,
                        Wording.of("error.document.tooLarge", MAXIMUM_SIZE / (1024 * 1024))));
            }
            return content;
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, InvalidInput.wording(name, Wording.of("error.file.notRead")), e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
