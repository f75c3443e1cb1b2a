package org.selfdata.intake;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.ImportRequest;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The entries of a zip archive, in the order of its central directory, folders left out. The central directory is
 * read rather than the stream of local headers because it is what every archiver writes last and right, ZIP64
 * included. Entry names are UTF-8 when the archive says so or when they all read as UTF-8, else the IBM437 of old
 * archivers.
 *
 * <p>The zip is read through a channel, from a file the person named or from an upload sealed in the vault's
 * in-progress folder alike.
 */
final class ZipFiles implements FileSet {
    private static final Charset IBM437 = Charset.forName("IBM437");

    /** Opens the archive's bytes, from the start, each time it is asked. */
    @FunctionalInterface
    interface Channels {
        SeekableByteChannel open() throws IOException;
    }

    private final String name;
    private final ZipFile zip;
    private final Iterator<ZipArchiveEntry> entries;
    private int handedOut;

    ZipFiles(Channels channels, String name, IntakeLimits limits) {
        this.name = name;
        this.zip = openZip(channels, name);
        List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
        if (all.size() > limits.maximumEntries()) {
            close();
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.input.at", name,
                    Wording.of("error.intake.tooManyEntries", limits.maximumEntries())));
        }
        this.entries = all.iterator();
    }

    private static ZipFile openZip(Channels channels, String name) {
        ZipFile utf8 = openZip(channels, name, StandardCharsets.UTF_8);
        if (Collections.list(utf8.getEntries()).stream().noneMatch(ZipFiles::misread)) {
            return utf8;
        }
        ZipFile.closeQuietly(utf8);
        return openZip(channels, name, IBM437);
    }

    /** A name the archive does not say is UTF-8 and whose bytes are not UTF-8. */
    private static boolean misread(ZipArchiveEntry entry) {
        if (entry.getGeneralPurposeBit().usesUTF8ForNames()) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(entry.getRawName()));
            return false;
        }
        catch (CharacterCodingException e) {
            return true;
        }
    }

    private static ZipFile openZip(Channels channels, String name, Charset names) {
        SeekableByteChannel channel;
        try {
            channel = channels.open();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.input.at", name,
                    Wording.of("error.intake.zipNotRead")), e);
        }
        try {
            return ZipFile.builder().setSeekableByteChannel(channel).setCharset(names).get();
        }
        catch (IOException | RuntimeException e) {
            try {
                channel.close();
            }
            catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.input.at", name,
                    Wording.of("error.intake.zipDamaged")), e);
        }
    }

    @Override
    public boolean single() {
        return false;
    }

    @Override
    public Optional<FileEntry> next() {
        while (entries.hasNext()) {
            ZipArchiveEntry entry = entries.next();
            if (entry.isDirectory()) {
                continue;
            }
            handedOut++;
            return Optional.of(new FileEntry(name + ImportRequest.ARCHIVE_SEPARATOR + entryPath(entry, handedOut),
                    entry.getSize(), () -> zip.getInputStream(entry)));
        }
        return Optional.empty();
    }

    /** The entry's path, made safe to show: no leading slash, no control characters, bounded. */
    private static String entryPath(ZipArchiveEntry entry, int number) {
        String path = entry.getName().replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        path = path.codePoints().map(character -> Character.isISOControl(character) ? '?' : character)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (path.isEmpty() || path.length() > 512) {
            return "entry " + number;
        }
        return path;
    }

    @Override
    public void close() {
        try {
            zip.close();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, name + ": the archive could not be closed", e);
        }
    }
}
