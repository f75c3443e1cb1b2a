package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PrivateFiles;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Where personal data waits while an operation is under way: an upload before its import, an archive being written,
 * a table of an export. The folder is {@value #FOLDER} inside the vault's folder, 0700, never the system's temporary
 * folder, which other programs share and clean on their own schedule.
 *
 * <p>Nothing in it can be read after a crash. Each file is a {@link SealedFile}, sealed with a key of its own that lives
 * only in memory, and it loses its name as soon as it is open: a process killed at any moment leaves its ciphertext
 * in free space that the system reclaims, not a file. The next start of selfdata on this vault removes whatever a kill
 * left here in the instant between a file's creation and the loss of its name.
 *
 * <p>Only one thing leaves the folder in the clear: an archive the person asked for, copied under a hidden name beside
 * the path they named and then renamed into place ({@link #placing}). Its path is written here first, so that if the
 * process is killed during the copy, the next start removes the copy too. A process holds a lock on that note while
 * it copies, so that another process starting meanwhile leaves it alone.
 */
public final class InProgressFiles {
    public static final String FOLDER = "in-progress";
    /** The end of a plain copy's name, which is hidden: {@code .camille.zip-<random>.partial}. */
    public static final String PARTIAL = ".partial";

    private static final String NOTE = ".placing";
    private static final int MAXIMUM_NOTE_BYTES = 64 * 1024;
    /**
     * The notes this process holds. It never opens them a second time: closing a second channel on a file would
     * release the lock the first one holds.
     */
    private static final Set<Path> NOTES_HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final AtomicInteger held = new AtomicInteger();

    private InProgressFiles(Path folder) {
        this.folder = folder;
    }

    /** The folder of the vault at {@code vaultFolder}, emptied of what killed processes left in it. */
    static InProgressFiles startingIn(Path vaultFolder) {
        InProgressFiles files = new InProgressFiles(vaultFolder.resolve(FOLDER));
        files.removeLeftovers();
        return files;
    }

    public Path folder() {
        return folder;
    }

    /** A new, empty sealed file. */
    public SealedFile newFile() {
        Path file = folder.resolve("sealed-" + UUID.randomUUID());
        FileChannel channel;
        try {
            PrivateFiles.createFolder(folder);
            channel = PrivateFiles.createChannel(file);
        }
        catch (IOException e) {
            throw cannotWrite(e);
        }
        try {
            Files.delete(file);
        }
        catch (IOException e) {
            // A system that cannot delete an open file: the name goes when the file is closed, or at the next start.
        }
        held.incrementAndGet();
        return new SealedFile(channel, () -> {
            held.decrementAndGet();
            deleteQuietly(file);
        });
    }

    /** How many sealed files are open: none once every operation is over, whatever became of it. */
    public int held() {
        return held.get();
    }

    /**
     * A new, empty file beside {@code target}, 0600, under a hidden name ending in {@value #PARTIAL}, for a copy in the
     * clear that will be renamed to {@code target} once complete; its path is noted here first.
     */
    public Placement placing(Path target) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + "-" + UUID.randomUUID() + PARTIAL);
        Placement placement = Placement.note(this, partial);
        try {
            PrivateFiles.createFile(partial);
            return placement;
        }
        catch (IOException | RuntimeException e) {
            placement.close();
            throw e;
        }
    }

    /**
     * A plain copy on its way into place, and the note that names it. Closing removes the copy if it was not moved into
     * place, then the note.
     */
    public static final class Placement implements AutoCloseable {
        private final Path note;
        private final Path partial;
        private final FileChannel channel;
        private final FileLock lock;

        private Placement(Path note, Path partial, FileChannel channel, FileLock lock) {
            this.note = note;
            this.partial = partial;
            this.channel = channel;
            this.lock = lock;
        }

        /**
         * Writes the note under a lock. A process removing leftovers could have taken the note between its creation and
         * the lock, and deleted it as empty; then the note is written again under another name.
         */
        private static Placement note(InProgressFiles files, Path partial) throws IOException {
            PrivateFiles.createFolder(files.folder);
            while (true) {
                Path note = files.folder.resolve(UUID.randomUUID() + NOTE);
                FileChannel channel = PrivateFiles.createChannel(note);
                FileLock lock = channel.lock();
                if (!Files.exists(note, LinkOption.NOFOLLOW_LINKS)) {
                    channel.close();
                    continue;
                }
                ByteBuffer text = ByteBuffer.wrap((partial.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
                while (text.hasRemaining()) {
                    channel.write(text);
                }
                channel.force(true);
                NOTES_HELD.add(note);
                return new Placement(note, partial, channel, lock);
            }
        }

        /** The hidden file to write the copy into. */
        public Path file() {
            return partial;
        }

        @Override
        public void close() {
            deleteQuietly(partial);
            deleteQuietly(note);
            try {
                lock.release();
                channel.close();
            }
            catch (IOException e) {
                // The note is deleted; its lock goes with the process at the latest.
            }
            finally {
                NOTES_HELD.remove(note);
            }
        }
    }

    /**
     * Removes what processes killed while working on this vault left: sealed files that still had a name, and the plain
     * copies named by notes that no living process holds.
     */
    private void removeLeftovers() {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> found;
        try (Stream<Path> files = Files.list(folder)) {
            found = files.toList();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot list the files in progress in " + folder, e);
        }
        for (Path file : found) {
            if (file.getFileName().toString().endsWith(NOTE)) {
                if (!NOTES_HELD.contains(file)) {
                    removeUnheld(file);
                }
            }
            else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                deleteQuietly(file);
            }
        }
    }

    private static void removeUnheld(Path note) {
        try (FileChannel channel = FileChannel.open(note, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return;
            }
            // Read through the locked channel: opening the file a second time and closing it would release the lock.
            String text = contents(channel);
            if (text.endsWith("\n")) {
                Path partial = Path.of(text.strip());
                if (isPartial(partial)) {
                    deleteQuietly(partial);
                }
            }
            Files.delete(note);
        }
        catch (OverlappingFileLockException e) {
            // Held by this process: an export is copying its archive into place.
        }
        catch (NoSuchFileException e) {
            // Removed meanwhile by the process that held it.
        }
        catch (IOException e) {
            // Left for the next start.
        }
    }

    private static String contents(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), MAXIMUM_NOTE_BYTES));
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
            // Reads on until the buffer is full or the note ends.
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
    }

    /** Only a file named as {@link #placing} names them is ever removed from outside this folder. */
    private static boolean isPartial(Path path) {
        Path name = path.getFileName();
        return path.isAbsolute() && name != null && name.toString().startsWith(".") && name.toString().endsWith(PARTIAL);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // Left for the next start.
        }
    }

    private static SelfdataException cannotWrite(IOException e) {
        return new SelfdataException(ErrorCode.INTERNAL, "cannot write a file in progress in the vault's folder: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
}
