package org.selfdata.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files only their owner can open (0600) and folders only their owner can enter (0700), whatever the umask and the
 * modes of the folders around them: every file and folder selfdata makes is made through here.
 *
 * <p>The mode is given when the file is created, never set after, so there is no moment at which a file already
 * holding data can be read by others; the umask can only take bits away from 0600. A file that already exists keeps
 * its inode and is tightened before anything is written into it. On a file system without POSIX modes (FAT, Windows)
 * these are plain creations: the folder's own access rules apply.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    /** Makes a folder and the missing folders above it, each 0700; folders that were already there are left as they are. */
    public static Path createFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createFolder(parent);
        }
        Files.createDirectory(absolute, attributes(absolute.getParent(), FOLDER));
        return folder;
    }

    /** Makes a new, empty file, 0600 from the moment it exists; fails if there is one already. */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, attributes(file.toAbsolutePath().getParent(), FILE));
    }

    /** Makes a new, empty file under a name no other file has, such as {@code .camille.zip-1234.partial}; 0600. */
    public static Path createTempFile(Path folder, String prefix, String suffix) throws IOException {
        return Files.createTempFile(folder, prefix, suffix, attributes(folder, FILE));
    }

    /** Opens a new file for reading and writing, 0600 from the moment it exists; fails if there is one already. */
    public static FileChannel createChannel(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE), attributes(file.toAbsolutePath().getParent(), FILE));
    }

    /** Writes a file from its beginning: a new one is 0600, an existing one is tightened first, then emptied. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            tighten(file);
        }
        return Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), attributes(file.toAbsolutePath().getParent(),
                FILE)));
    }

    /**
     * Takes every right of the group and of others away from a file or folder that exists, leaving its owner's; a path
     * that is not there is left alone.
     */
    public static void tighten(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.removeAll(OTHERS)) {
            view.setPermissions(permissions);
        }
    }

    /**
     * The modes of a file its group or others may open, written as {@code rw-r--r--}, for a refusal to name; none when
     * only its owner may, or on a file system without POSIX modes. For secrets selfdata reads but did not make (a key
     * file, a client secret), which it refuses to trust when anyone else could have read them.
     */
    public static Optional<String> sharedModes(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        return permissions.stream().anyMatch(OTHERS::contains)
                ? Optional.of(PosixFilePermissions.toString(permissions)) : Optional.empty();
    }

    private static FileAttribute<?>[] attributes(Path folder, Set<PosixFilePermission> permissions) {
        if (folder == null || Files.getFileAttributeView(folder, PosixFileAttributeView.class) == null) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }
}
