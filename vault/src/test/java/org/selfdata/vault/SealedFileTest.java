package org.selfdata.vault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.testing.FileModes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedFileTest {
    /** A line of a location history, repeated past many segments of the seal. */
    private static final String LINE = "{\"latitude\":45.750012,\"longitude\":4.850034,\"label\":\"chez Linda\"}\n";
    private static final byte[] CONTENT = LINE.repeat(2_000).getBytes(UTF_8);

    @TempDir
    Path folder;

    private Vault vault;

    @BeforeEach
    void createVault() {
        vault = TestVaults.create(Engine.SQLITE, folder);
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    @Test
    void whatIsWrittenIsReadBackWholeAndFromAnyPosition() throws IOException {
        try (SealedFile file = written(CONTENT)) {
            assertThat(file.size()).isEqualTo(CONTENT.length);
            try (InputStream in = file.read()) {
                assertThat(in.readAllBytes()).isEqualTo(CONTENT);
            }
            try (SeekableByteChannel channel = file.readAtRandom()) {
                ByteBuffer line = ByteBuffer.allocate(LINE.length());
                channel.position(1_000L * LINE.length());
                while (line.hasRemaining() && channel.read(line) > 0) {
                    // Reads the thousandth line whole.
                }
                assertThat(new String(line.array(), UTF_8)).isEqualTo(LINE);
                assertThat(channel.size()).isEqualTo(CONTENT.length);
            }
        }
    }

    @Test
    void theDiskHoldsOnlyCiphertextUnderNoNameInAPrivateFolderOfTheVault() throws IOException {
        try (SealedFile file = written(CONTENT)) {
            byte[] onDisk = new byte[(int) file.ciphertext().size()];
            file.ciphertext().read(ByteBuffer.wrap(onDisk), 0);

            assertThat(onDisk.length).isGreaterThan(CONTENT.length);
            assertThat(new String(onDisk, UTF_8)).doesNotContain("45.7500").doesNotContain("Linda");
            assertThat(vault.inProgress().folder()).isEqualTo(folder.resolve("in-progress")).isEmptyDirectory();
            assertThat(FileModes.mode(vault.inProgress().folder())).isEqualTo("rwx------");
        }
    }

    @Test
    void aChangedByteIsRefusedWhenItsPartIsRead() throws IOException {
        try (SealedFile file = written(CONTENT)) {
            file.ciphertext().write(ByteBuffer.wrap(new byte[] {0x5a}), 10_000);

            try (InputStream in = file.read()) {
                assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void eachFileHasAKeyOfItsOwn() throws IOException {
        try (SealedFile first = written(CONTENT); SealedFile second = written(CONTENT)) {
            byte[] firstBytes = new byte[4096];
            byte[] secondBytes = new byte[4096];
            first.ciphertext().read(ByteBuffer.wrap(firstBytes), 0);
            second.ciphertext().read(ByteBuffer.wrap(secondBytes), 0);

            assertThat(Arrays.equals(firstBytes, secondBytes)).isFalse();
        }
    }

    @Test
    void aFileIsHeldUntilItIsClosedAndIsWrittenOnce() throws IOException {
        SealedFile file = written(CONTENT);
        assertThat(vault.inProgress().held()).isEqualTo(1);

        assertThatThrownBy(file::write).isInstanceOf(IllegalStateException.class)
                .hasMessage("a sealed file is written once, and this one was written");
        file.close();

        assertThat(vault.inProgress().held()).isZero();
        assertThatThrownBy(file::read).isInstanceOf(IllegalStateException.class)
                .hasMessage("a sealed file is read once its content is complete, and this one is closed");
    }

    @Test
    void theNextStartRemovesTheFilesAndThePlainCopiesAKilledProcessLeft(@TempDir Path exports) throws IOException {
        Path inProgress = Files.createDirectories(folder.resolve("in-progress"));
        Path sealed = Files.write(inProgress.resolve("sealed-5f0c"), CONTENT);
        Path partial = Files.write(exports.resolve(".camille.zip-5f0c.partial"), CONTENT);
        Path note = Files.writeString(inProgress.resolve("5f0c.placing"), partial + "\n");
        Path notACopy = Files.write(exports.resolve("camille.zip"), CONTENT);
        Path otherNote = Files.writeString(inProgress.resolve("7e21.placing"), notACopy + "\n");
        vault.close();

        vault = Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder));

        assertThat(sealed).doesNotExist();
        assertThat(partial).doesNotExist();
        assertThat(note).doesNotExist();
        assertThat(otherNote).doesNotExist();
        assertThat(notACopy).hasBinaryContent(CONTENT);
    }

    @Test
    void aPlainCopyUnderWayIsLeftAloneByAnotherStart(@TempDir Path exports) throws IOException {
        try (InProgressFiles.Placement placement = vault.inProgress().placing(exports.resolve("camille.zip"))) {
            assertThat(placement.file().getFileName().toString()).startsWith(".camille.zip-").endsWith(".partial");
            assertThat(FileModes.mode(placement.file())).isEqualTo("rw-------");

            try (Vault another = Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder))) {
                assertThat(placement.file()).exists();
                assertThat(another.inProgress().folder()).isNotEmptyDirectory();
            }
        }

        assertThat(exports).isEmptyDirectory();
        assertThat(vault.inProgress().folder()).isEmptyDirectory();
    }

    private SealedFile written(byte[] content) throws IOException {
        SealedFile file = vault.inProgress().newFile();
        try (OutputStream out = file.write()) {
            out.write(content);
        }
        return file;
    }
}
