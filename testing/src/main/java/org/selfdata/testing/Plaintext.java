package org.selfdata.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Looks for a known piece of personal data, such as an exact coordinate of the records, in files left on a disk: in
 * their bytes as they are, and, for what looks like a zip, complete or cut short, in its entries inflated, since a zip
 * hides its content from a plain search.
 */
public final class Plaintext {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int CHUNK = 1 << 16;

    private Plaintext() {}

    /** The files under the folders (relative to nothing: absolute paths) that hold the marker. */
    public static List<Path> filesHolding(String marker, Path... folders) {
        List<Path> holding = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path file : paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    if (holds(file, marker)) {
                        holding.add(file);
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return holding;
    }

    /** Whether the file holds the marker, as it is or inside the entries of a zip. */
    public static boolean holds(Path file, String marker) {
        byte[] needle = marker.getBytes(UTF_8);
        try {
            if (contains(Files.newInputStream(file), needle)) {
                return true;
            }
            return startsLikeAZip(file) && zipHolds(file, needle);
        }
        catch (IOException e) {
            // Deleted while being read: a file that is gone holds nothing.
            return false;
        }
    }

    private static boolean startsLikeAZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ZIP.length), ZIP);
        }
    }

    /** Reads the entries one after the other, as far as they go: a zip cut short has no table of contents. */
    private static boolean zipHolds(Path file, byte[] needle) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (zip.getNextEntry() != null) {
                if (contains(zip, needle)) {
                    return true;
                }
            }
        }
        catch (IOException cutShort) {
            return false;
        }
        return false;
    }

    /** Searches a stream chunk by chunk, keeping the end of each chunk in case the needle straddles two. */
    private static boolean contains(InputStream in, byte[] needle) throws IOException {
        try (InputStream stream = in) {
            byte[] window = new byte[CHUNK + needle.length];
            int kept = 0;
            while (true) {
                int read;
                try {
                    read = stream.read(window, kept, CHUNK);
                }
                catch (IOException cutShort) {
                    return false;
                }
                if (read < 0) {
                    return false;
                }
                int length = kept + read;
                if (indexOf(window, length, needle) >= 0) {
                    return true;
                }
                kept = Math.min(needle.length - 1, length);
                System.arraycopy(window, length - kept, window, 0, kept);
            }
        }
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        for (int start = 0; start + needle.length <= length; start++) {
            if (Arrays.equals(haystack, start, start + needle.length, needle, 0, needle.length)) {
                return start;
            }
        }
        return -1;
    }
}
