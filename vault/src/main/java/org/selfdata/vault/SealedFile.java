package org.selfdata.vault;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import static java.util.Objects.requireNonNull;

/**
 * A temporary file sealed with a key that exists only in this object's memory: what a crash leaves of it on the disk
 * cannot be read by anyone, the process that wrote it included once it is gone.
 *
 * <p>The content is written once, through {@link #write()}, then read as often as needed, from its start with {@link
 * #read()} or at any position with {@link #readAtRandom()}, as a zip's table of contents is read. It is sealed with
 * Tink's streaming AEAD (AES-256-GCM with keys derived by HKDF, in segments of 4 KiB), so a reader opens one segment at
 * a time and any change to the ciphertext is refused when its segment is read. The key is new for each file and never
 * leaves the heap; the ciphertext goes to a file of {@link InProgressFiles}.
 */
public final class SealedFile implements AutoCloseable {
    private static final byte[] ASSOCIATED_DATA = "selfdata/in-progress".getBytes(StandardCharsets.US_ASCII);
    private static final int WRITE_BUFFER = 1 << 16;

    static {
        try {
            StreamingAeadConfig.register();
        }
        catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FileChannel ciphertext;
    private final StreamingAead aead;
    private final Runnable onClose;
    private State state = State.EMPTY;
    private long size;

    private enum State { EMPTY, WRITING, WRITTEN, CLOSED }

    SealedFile(FileChannel ciphertext, Runnable onClose) {
        this.ciphertext = requireNonNull(ciphertext, "ciphertext is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
        try {
            this.aead = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB)
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot make a key for a file in progress", e);
        }
    }

    /** Where the content goes, once; it is complete, and can be read, once this stream is closed. */
    public synchronized OutputStream write() throws IOException {
        if (state != State.EMPTY) {
            throw new IllegalStateException("a sealed file is written once, and this one was " + state.name().toLowerCase());
        }
        state = State.WRITING;
        OutputStream sealed;
        try {
            sealed = aead.newEncryptingStream(new BufferedOutputStream(
                    Channels.newOutputStream(new CiphertextChannel(ciphertext)), WRITE_BUFFER), ASSOCIATED_DATA);
        }
        catch (GeneralSecurityException e) {
            throw new IOException("cannot seal a file in progress", e);
        }
        return new Counted(sealed);
    }

    /** The content from its beginning. */
    public InputStream read() throws IOException {
        requireWritten();
        try {
            return aead.newDecryptingStream(Channels.newInputStream(new CiphertextChannel(ciphertext)), ASSOCIATED_DATA);
        }
        catch (GeneralSecurityException e) {
            throw new IOException("cannot open a file in progress", e);
        }
    }

    /** The content at any position, each channel with a position of its own; closing it leaves the file open. */
    public SeekableByteChannel readAtRandom() throws IOException {
        long plaintextSize = size();
        try {
            return new KnownSize(aead.newSeekableDecryptingChannel(new CiphertextChannel(ciphertext), ASSOCIATED_DATA),
                    plaintextSize);
        }
        catch (GeneralSecurityException e) {
            throw new IOException("cannot open a file in progress", e);
        }
    }

    /** How many bytes were written, once the content is complete. */
    public synchronized long size() {
        requireWritten();
        return size;
    }

    /** Closes and deletes the file; its key goes with this object. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        try {
            ciphertext.close();
        }
        catch (IOException e) {
            // Its name is gone already, so the system frees its space once no process holds it.
        }
        onClose.run();
    }

    /** The bytes on the disk, for tests that look at what a crash would leave. */
    FileChannel ciphertext() {
        return ciphertext;
    }

    private synchronized void requireWritten() {
        if (state != State.WRITTEN) {
            throw new IllegalStateException("a sealed file is read once its content is complete, and this one is "
                    + state.name().toLowerCase());
        }
    }

    private synchronized void written(long bytes) {
        if (state == State.WRITING) {
            size = bytes;
            state = State.WRITTEN;
        }
    }

    /** Counts the content on its way in, and marks it complete once the last segment is sealed. */
    private final class Counted extends FilterOutputStream {
        private long count;
        private boolean closed;

        Counted(OutputStream sealed) {
            super(sealed);
        }

        @Override
        public void write(int value) throws IOException {
            out.write(value);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            out.close();
            written(count);
        }
    }

    /**
     * A decrypting channel that knows its size before its first read, as a zip reader asks it first: the decrypting
     * channel itself learns it only once it has read the file's header.
     */
    private record KnownSize(SeekableByteChannel plaintext, long size) implements SeekableByteChannel {
        @Override
        public int read(ByteBuffer destination) throws IOException {
            return plaintext.read(destination);
        }

        @Override
        public int write(ByteBuffer source) {
            throw new UnsupportedOperationException("a sealed file is read only once written");
        }

        @Override
        public long position() throws IOException {
            return plaintext.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            plaintext.position(newPosition);
            return this;
        }

        @Override
        public SeekableByteChannel truncate(long newSize) {
            throw new UnsupportedOperationException("a sealed file is never truncated");
        }

        @Override
        public boolean isOpen() {
            return plaintext.isOpen();
        }

        @Override
        public void close() throws IOException {
            plaintext.close();
        }
    }

    /**
     * The ciphertext file seen through a position of its own, so that a writer and any number of readers share one open
     * file without moving each other; closing a view leaves the file open.
     */
    private static final class CiphertextChannel implements SeekableByteChannel {
        private final FileChannel file;
        private long position;
        private boolean open = true;

        CiphertextChannel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            int read = file.read(destination, position);
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            int written = file.write(source, position);
            position += written;
            return written;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("a sealed file is never truncated");
        }

        @Override
        public boolean isOpen() {
            return open && file.isOpen();
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
