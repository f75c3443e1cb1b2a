package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PrivateFiles;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files the rights commands write: letters and evidence packs, which hold the person's name, address and their
 * exchanges with an organization. Each is a new file, 0600 from the moment it exists; a file already there is never
 * written over, and a file left half-written by a failure is removed, so that a refused command leaves nothing behind.
 * And the files they read whole, within a bound said before any of it is read.
 */
final class RightsFiles {
    private RightsFiles() {}

    /** What is written into the new file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes these bytes into a new file, refusing one already there by the option that named it. */
    static void write(String option, Path file, byte[] bytes) {
        write(option, file, out -> out.write(bytes));
    }

    static void write(String option, Path file, Content content) {
        FileChannel channel = create(option, file);
        boolean written = false;
        try (OutputStream out = Channels.newOutputStream(channel)) {
            content.writeTo(out);
            written = true;
        }
        catch (IOException e) {
            throw unwritable(option, e);
        }
        finally {
            if (!written) {
                removeHalfWritten(file);
            }
        }
    }

    /**
     * A file the person names, read whole once it is known to be a regular file no larger than the maximum: a larger
     * one is refused with the words given, before any of it is read.
     */
    static byte[] read(Path file, long maximum, Wording tooLarge) {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.command.fileUnreadable",
                        name));
            }
            if (Files.size(file) > maximum) {
                throw new SelfdataException(ErrorCode.TOO_LARGE, tooLarge);
            }
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.command.fileUnreadable", name),
                    e);
        }
    }

    private static FileChannel create(String option, Path file) {
        try {
            return PrivateFiles.createChannel(file);
        }
        catch (FileAlreadyExistsException e) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.command.fileExists", option), e);
        }
        catch (IOException e) {
            throw unwritable(option, e);
        }
    }

    private static SelfdataException unwritable(String option, IOException cause) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.command.fileUnwritable", option),
                cause);
    }

    private static void removeHalfWritten(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot remove the half-written " + file.getFileName(), e);
        }
    }
}
