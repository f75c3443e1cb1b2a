package org.selfdata.rights;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An evidence pack's files by their path in the zip, for a test that reads them or changes one as someone who wants
 * to forge the evidence would, manifest included, before writing the pack again.
 */
final class PackFiles {
    private final Map<String, byte[]> files;

    private PackFiles(Map<String, byte[]> files) {
        this.files = files;
    }

    static PackFiles read(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return new PackFiles(files);
    }

    Map<String, byte[]> files() {
        return files;
    }

    byte[] file(String path) {
        return files.get(path);
    }

    String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    /** Changes a file, leaving the manifest as it was. */
    PackFiles change(String path, UnaryOperator<byte[]> change) {
        files.put(path, change.apply(files.get(path).clone()));
        return this;
    }

    /** Changes a file's text, leaving the manifest as it was. */
    PackFiles changeText(String path, String from, String to) {
        String text = text(path);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(path + " does not hold " + from);
        }
        files.put(path, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Writes the manifest again to match the files, as a forger would. */
    PackFiles withManifestRewritten() {
        StringBuilder manifest = new StringBuilder();
        files.forEach((path, bytes) -> {
            if (!path.equals(EvidenceZip.MANIFEST)) {
                manifest.append(sha256(bytes)).append("  ").append(path).append('\n');
            }
        });
        files.put(EvidenceZip.MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Path writeZip(Path folder) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return Files.write(folder.resolve("evidence-pack.zip"), zip.toByteArray());
    }

    /** Unzips the pack into the folder, as an authority does before reading it. */
    Path unzip(Path folder) throws IOException {
        for (var file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return folder;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(EvidenceZip.sha256().digest(bytes));
    }
}
