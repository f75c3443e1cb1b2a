package org.selfdata.importers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * What detection may look at: the file's name and its first bytes (at most {@link #HEAD_SIZE}).
 *
 * @param fileName the file's name, or its path inside an archive ({@code Takeout/Location History/Records.json}); only
 *     a hint, since people rename files
 */
public record Sniff(String fileName, byte[] head) {
    public static final int HEAD_SIZE = 64 * 1024;

    public Sniff {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(head, "head is null");
    }

    /** The head as text, without a UTF-8 byte-order mark, decoded leniently: enough to look for signatures. */
    public String headText() {
        int offset = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(head, offset, head.length - offset, StandardCharsets.ISO_8859_1);
    }

    /** The last segment of the file name: the name without any folder of the archive it came from. */
    public String name() {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }

    /**
     * The first {@link #HEAD_SIZE} bytes of a stream, read without consuming them: whoever reads the stream next reads
     * it from its start.
     */
    static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(HEAD_SIZE);
        byte[] head = in.readNBytes(HEAD_SIZE);
        in.reset();
        return head;
    }

    public boolean nameEndsWith(String suffix) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(suffix);
    }
}
