package org.selfdata.portability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Reads archives entry by entry and writes altered copies of them, as a damaged disk or a forger would. */
final class ArchiveEdits {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArchiveEdits() {}

    /** Every entry's bytes, in the zip's order. */
    static Map<String, byte[]> entries(Path archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(file, UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static String text(Path archive, String part) {
        return new String(entries(archive).get(part), UTF_8);
    }

    static void write(Path archive, Map<String, byte[]> entries) {
        try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file, UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the archive with one entry's text changed, the manifest left as it was: an altered archive. */
    static Path altered(Path archive, String part, String from, String to) {
        Map<String, byte[]> entries = entries(archive);
        entries.put(part, new String(entries.get(part), UTF_8).replace(from, to).getBytes(UTF_8));
        return copy(archive, entries);
    }

    /**
     * A copy of the archive with one entry's text changed and the manifest's sizes and digests made to match, as a
     * forger who knows the format would do: only the checks of the content itself can find what is wrong.
     */
    static Path forged(Path archive, String part, String from, String to) {
        Map<String, byte[]> entries = entries(archive);
        entries.put(part, new String(entries.get(part), UTF_8).replace(from, to).getBytes(UTF_8));
        return copy(archive, redigested(entries));
    }

    /** A copy of the archive with its manifest changed in place; the parts are left as they were. */
    static Path withManifest(Path archive, Consumer<ObjectNode> change) {
        Map<String, byte[]> entries = entries(archive);
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get(ArchiveFormat.MANIFEST));
        change.accept(manifest);
        entries.put(ArchiveFormat.MANIFEST, JSON.writeValueAsBytes(manifest));
        return copy(archive, entries);
    }

    static Path copy(Path archive, Map<String, byte[]> entries) {
        Path copy = archive.resolveSibling("edited-" + archive.getFileName());
        write(copy, entries);
        return copy;
    }

    private static Map<String, byte[]> redigested(Map<String, byte[]> entries) {
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get(ArchiveFormat.MANIFEST));
        for (JsonNode part : manifest.get("parts")) {
            byte[] content = entries.get(part.get("name").stringValue());
            ((ObjectNode) part).put("size", content.length);
            ((ObjectNode) part).put("sha256", sha256(content));
        }
        entries.put(ArchiveFormat.MANIFEST, JSON.writeValueAsBytes(manifest));
        return entries;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
