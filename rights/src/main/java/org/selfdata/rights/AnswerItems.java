package org.selfdata.rights;

import org.selfdata.model.PayloadCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The items of art. 15 an answer names where it is machine-readable: the keys of its JSON files, the headings of its
 * CSV files (the first row and the first column, where a table of questions and answers puts its questions), and the
 * headings and labels of its texts, PDFs and message, inside a zip as well. The words are {@link AnswerVocabulary}'s.
 *
 * <p>In a text, a line is a heading when it holds at most ten words and does not end a sentence, and a label is what
 * comes before a colon ("Purposes: marketing"): the sentences of a letter are not read, since a word met in one
 * ("we have no recipients") says too little, and the person ticks what the prose gives.
 *
 * <p>Reading is a help, never a condition: a file that cannot be read names nothing, and the answer is recorded all the
 * same.
 */
final class AnswerItems {
    /** Headings longer than this are sentences. */
    private static final int MAXIMUM_HEADING_WORDS = 10;
    /** Zips within zips read: an export's zip may hold the parts' zips, but no deeper. */
    private static final int MAXIMUM_ZIP_DEPTH = 2;
    /** Bytes read of one zip entry: an entry larger is left unread, as is everything past the total. */
    private static final int MAXIMUM_ENTRY_BYTES = 32 * 1024 * 1024;
    private static final Pattern LINES = Pattern.compile("\\R");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.,;!?]\\s*$");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private enum Kind { ZIP, JSON, CSV, PDF, TEXT, OTHER }

    private AnswerItems() {}

    /** The items the answer's files and its message's text name; a message (message/rfc822) is read by its text. */
    static Set<AccessItem> named(List<Requests.Attachment> files, Optional<String> messageText) {
        Set<AccessItem> named = EnumSet.noneOf(AccessItem.class);
        messageText.ifPresent(text -> named.addAll(text(text)));
        for (Requests.Attachment file : files) {
            named.addAll(file(file.name(), file.mediaType(), file.content(), 0));
        }
        return named;
    }

    private static Set<AccessItem> file(String name, String mediaType, byte[] content, int depth) {
        return switch (kind(name, mediaType, content)) {
            case ZIP -> depth < MAXIMUM_ZIP_DEPTH ? zip(content, depth + 1) : Set.of();
            case JSON -> json(content);
            case CSV -> decoded(content).map(AnswerItems::csv).orElse(Set.of());
            case PDF -> DocumentTexts.extract(content, "application/pdf").map(AnswerItems::text).orElse(Set.of());
            case TEXT -> decoded(content).map(AnswerItems::text).orElse(Set.of());
            case OTHER -> Set.of();
        };
    }

    /** A file's kind by its name, else by its media type, else by its first bytes. */
    private static Kind kind(String name, String mediaType, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip") || mediaType.equals("application/zip") || startsWith(content, "PK\u0003\u0004")) {
            return Kind.ZIP;
        }
        if (lower.endsWith(".pdf") || mediaType.equals("application/pdf") || startsWith(content, "%PDF")) {
            return Kind.PDF;
        }
        if (lower.endsWith(".json") || mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            return Kind.JSON;
        }
        if (lower.endsWith(".csv") || mediaType.equals("text/csv")) {
            return Kind.CSV;
        }
        if (lower.endsWith(".txt") || lower.endsWith(".md") || mediaType.equals("text/plain")) {
            return Kind.TEXT;
        }
        return Kind.OTHER;
    }

    private static Set<AccessItem> zip(byte[] content, int depth) {
        Set<AccessItem> named = EnumSet.noneOf(AccessItem.class);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                Optional<byte[]> bytes = entry.isDirectory() ? Optional.empty() : limited(zip);
                bytes.ifPresent(entryContent -> named.addAll(file(name, "application/octet-stream", entryContent,
                        depth)));
            }
        }
        catch (IOException | IllegalArgumentException e) {
            // A damaged zip names what its entries read so far named.
            return named;
        }
        return named;
    }

    /** An entry's bytes, or none when it is larger than an entry read can be. */
    private static Optional<byte[]> limited(InputStream entry) throws IOException {
        byte[] bytes = entry.readNBytes(MAXIMUM_ENTRY_BYTES + 1);
        return bytes.length > MAXIMUM_ENTRY_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    private static Set<AccessItem> json(byte[] content) {
        Set<AccessItem> named = EnumSet.noneOf(AccessItem.class);
        try (JsonParser parser = PayloadCodec.mapper().createParser(content)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME) {
                    named.addAll(AnswerVocabulary.named(parser.currentName()));
                }
            }
        }
        catch (JacksonException e) {
            // A file that stops being JSON names what its keys named before.
            return named;
        }
        return named;
    }

    /** The first row's cells and every row's first cell, the separator being the one the first row uses most. */
    private static Set<AccessItem> csv(String text) {
        List<String> rows = LINES.splitAsStream(text).filter(row -> !row.isBlank()).toList();
        if (rows.isEmpty()) {
            return Set.of();
        }
        String separator = separator(rows.getFirst());
        Set<AccessItem> named = EnumSet.noneOf(AccessItem.class);
        for (String cell : rows.getFirst().split(Pattern.quote(separator))) {
            named.addAll(heading(unquoted(cell)));
        }
        for (String row : rows.subList(1, rows.size())) {
            named.addAll(heading(unquoted(row.split(Pattern.quote(separator), 2)[0])));
        }
        return named;
    }

    private static String separator(String firstRow) {
        String chosen = ",";
        long most = -1;
        for (String candidate : List.of(";", ",", "\t", "|")) {
            long count = firstRow.chars().filter(character -> character == candidate.charAt(0)).count();
            if (count > most) {
                most = count;
                chosen = candidate;
            }
        }
        return chosen;
    }

    private static String unquoted(String cell) {
        String stripped = cell.strip();
        return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }

    /** A text's headings (short lines that end no sentence) and labels (what comes before a colon). */
    private static Set<AccessItem> text(String text) {
        Set<AccessItem> named = EnumSet.noneOf(AccessItem.class);
        for (String line : LINES.split(text)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                named.addAll(heading(line.substring(0, colon)));
            }
            else if (!SENTENCE_END.matcher(line).matches()) {
                named.addAll(heading(line));
            }
        }
        return named;
    }

    private static Set<AccessItem> heading(String heading) {
        return AnswerVocabulary.words(heading).size() > MAXIMUM_HEADING_WORDS ? Set.of() : AnswerVocabulary.named(heading);
    }

    /** A text in UTF-8, else in Windows-1252 as French spreadsheets write it; none for bytes that are neither. */
    private static Optional<String> decoded(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString());
        }
        catch (CharacterCodingException notUtf8) {
            try {
                return Optional.of(WINDOWS_1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
            }
            catch (CharacterCodingException neither) {
                return Optional.empty();
            }
        }
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content.length < magic.length()) {
            return false;
        }
        for (int index = 0; index < magic.length(); index++) {
            if (content[index] != (byte) magic.charAt(index)) {
                return false;
            }
        }
        return true;
    }
}
