package org.selfdata.portability;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.SealedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Reads an archive by random access: the manifest first, then any part by name, each within the limits and checked
 * against the manifest's size and SHA-256 as it is read.
 *
 * <p>Opening checks the zip's table of contents against the manifest, before any part is read: every part it lists
 * is there, nothing it does not list is, and no part claims to expand more than a selfdata export would.
 *
 * <p>The zip is read through a channel, so that an archive uploaded to the server is read from its sealed file in the
 * vault's in-progress folder as a file the person named is read from the disk.
 */
final class ArchiveReader implements AutoCloseable {
    /** Receives each line of a part, numbered from 1. */
    @FunctionalInterface
    interface LineHandler {
        void line(byte[] line, long number);
    }

    private final ZipFile zip;
    private final ArchiveLimits limits;
    private final Map<String, ZipArchiveEntry> entries;
    private final Manifest manifest;

    private ArchiveReader(ZipFile zip, ArchiveLimits limits) {
        this.zip = zip;
        this.limits = limits;
        this.entries = entries(zip, limits);
        this.manifest = ManifestJson.read(readManifest());
        checkEntries();
    }

    static ArchiveReader open(Path archive, ArchiveLimits limits) {
        requireNonNull(limits, "limits is null");
        if (!Files.isRegularFile(archive)) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.portability.noArchive", archive.toString()));
        }
        try {
            return open(Files.newByteChannel(archive), archive.toString(), limits);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.portability.unreadable", archive.toString()), e);
        }
    }

    /** An archive that waits in the vault's in-progress folder, such as an upload; {@code name} is what messages call it. */
    static ArchiveReader open(SealedFile archive, String name, ArchiveLimits limits) {
        requireNonNull(limits, "limits is null");
        try {
            return open(archive.readAtRandom(), name, limits);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.portability.unreadable", name), e);
        }
    }

    private static ArchiveReader open(SeekableByteChannel channel, String name, ArchiveLimits limits) {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(channel).setCharset(UTF_8).get();
        }
        catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.portability.notZip", name), e);
        }
        try {
            return new ArchiveReader(zip, limits);
        }
        catch (RuntimeException e) {
            closeQuietly(zip, e);
            throw e;
        }
    }

    Manifest manifest() {
        return manifest;
    }

    /** A part the manifest describes; the format's own parts are always described, or the manifest was refused. */
    Part part(String name) {
        return manifest.part(name)
                .orElseThrow(() -> InvalidArchive.part(ArchiveFormat.MANIFEST,
                        Wording.of("error.portability.partUndescribed", name)));
    }

    /**
     * Reads a part line by line. A problem with what a line holds is reported only once the rest of the part has been
     * read and found to be the part the manifest describes: if it is not, that is the better explanation. Any other
     * failure (the vault's, while restoring) ends the reading at once.
     */
    void readLines(Part part, LineHandler handler) {
        try (PartInput input = open(part)) {
            PartLines lines = new PartLines(input, part.name(), limits.maximumLineBytes());
            try {
                while (lines.next()) {
                    handler.line(lines.current(), lines.lineNumber());
                }
            }
            catch (SelfdataException problem) {
                if (problem.code() == ErrorCode.INVALID_INPUT || problem.code() == ErrorCode.TOO_LARGE) {
                    input.drain();
                    input.verify();
                }
                throw problem;
            }
            input.verify();
        }
        catch (IOException e) {
            throw damaged(part.name(), e);
        }
    }

    /** Reads a part whole, only to check it against the manifest: a CSV table, which a restore does not need. */
    void verify(Part part) {
        try (PartInput input = open(part)) {
            input.drain();
            input.verify();
        }
        catch (IOException e) {
            throw damaged(part.name(), e);
        }
    }

    private PartInput open(Part part) throws IOException {
        return new PartInput(part, zip.getInputStream(entries.get(part.name())));
    }

    private static Map<String, ZipArchiveEntry> entries(ZipFile zip, ArchiveLimits limits) {
        long size = 0;
        for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); all.nextElement()) {
            size++;
        }
        if (size > limits.maximumEntries()) {
            throw InvalidArchive.foreign(Wording.of("error.portability.tooManyEntries", Long.toString(size),
                    Long.toString(limits.maximumEntries())));
        }
        Map<String, ZipArchiveEntry> entries = new HashMap<>();
        for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
            ZipArchiveEntry entry = all.nextElement();
            if (entries.put(entry.getName(), entry) != null) {
                throw InvalidArchive.part(InvalidArchive.quotable(entry.getName()), Wording.of("error.portability.entryTwice"));
            }
        }
        return entries;
    }

    private byte[] readManifest() {
        ZipArchiveEntry entry = entries.get(ArchiveFormat.MANIFEST);
        if (entry == null) {
            throw InvalidArchive.foreign(Wording.of("error.portability.noManifest", ArchiveFormat.MANIFEST));
        }
        try (InputStream input = zip.getInputStream(entry)) {
            byte[] manifest = input.readNBytes(limits.maximumManifestBytes() + 1);
            if (manifest.length > limits.maximumManifestBytes()) {
                throw InvalidArchive.tooLarge(ArchiveFormat.MANIFEST,
                        Wording.of("error.portability.manifestTooLarge", Integer.toString(limits.maximumManifestBytes())));
            }
            return manifest;
        }
        catch (IOException e) {
            throw damaged(ArchiveFormat.MANIFEST, e);
        }
    }

    private void checkEntries() {
        for (String name : entries.keySet()) {
            if (!name.equals(ArchiveFormat.MANIFEST) && manifest.part(name).isEmpty()) {
                throw InvalidArchive.part(InvalidArchive.quotable(name), Wording.of("error.portability.unlistedEntry"));
            }
        }
        for (Part part : manifest.parts()) {
            ZipArchiveEntry entry = entries.get(part.name());
            if (entry == null) {
                throw InvalidArchive.part(ArchiveFormat.MANIFEST,
                        Wording.of("error.portability.partAbsent", part.name()));
            }
            if (entry.getSize() >= 0 && entry.getSize() != part.size()) {
                throw InvalidArchive.part(part.name(),
                        Wording.of("error.portability.zipSize", Long.toString(entry.getSize()), Long.toString(part.size())));
            }
            long compressed = Math.max(entry.getCompressedSize(), 1);
            if (part.size() > compressed * limits.maximumExpansion()) {
                throw InvalidArchive.tooLarge(part.name(),
                        Wording.of("error.portability.zipBomb", Long.toString(part.size()), Long.toString(compressed),
                                Long.toString(limits.maximumExpansion())));
            }
        }
    }

    private static SelfdataException damaged(String part, IOException e) {
        return InvalidArchive.part(part, Wording.of("error.portability.damaged", e.getClass().getSimpleName()), e);
    }

    private static void closeQuietly(SeekableByteChannel channel) {
        try {
            channel.close();
        }
        catch (IOException e) {
            // Only read from; nothing is lost when closing fails.
        }
    }

    private static void closeQuietly(ZipFile zip, RuntimeException failure) {
        try {
            zip.close();
        }
        catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        }
        catch (IOException e) {
            // Only read from; nothing is lost when closing fails.
        }
    }
}
