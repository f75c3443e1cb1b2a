package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The names uploads go by, and the multipart forms they come in. */
class UploadsTest {
    private static final String BOUNDARY = "XyZ-boundary";

    @Test
    void anUploadIsNamedByTheLastSegmentOfItsNameWithoutControlCharacters() {
        assertThat(Uploads.sanitized("C:\\Users\\camille\\relevé.ofx")).isEqualTo("relevé.ofx");
        assertThat(Uploads.sanitized("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.sanitized("takeout\r\n-2025.zip")).isEqualTo("takeout-2025.zip");
        assertThat(Uploads.sanitized("..")).isEqualTo("upload");
        assertThat(Uploads.sanitized("folder/")).isEqualTo("upload");
        assertThat(Uploads.sanitized("x".repeat(300) + ".ofx")).hasSize(Uploads.MAXIMUM_NAME_LENGTH).endsWith("x.ofx");
    }

    @Test
    void aFormsFileNameIsReadFromItsQuotedOrEncodedParameter() {
        assertThat(MultipartUpload.fileName(" form-data; name=\"file\"; filename=\"a;b \\\"c\\\".ofx\""))
                .contains("a;b \"c\".ofx");
        assertThat(MultipartUpload.fileName("form-data; name=\"file\"; filename=\"releve.ofx\"; "
                + "filename*=UTF-8''relev%C3%A9+1.ofx")).contains("relevé+1.ofx");
        assertThat(MultipartUpload.fileName("form-data; name=\"note\"")).isEmpty();
        assertThat(MultipartUpload.boundary("multipart/form-data; boundary=\"" + BOUNDARY + "\"")).isEqualTo(BOUNDARY);
    }

    @Test
    void aFileLargerThanTheBufferIsCopiedWholeWhateverTheChunksItArrivesIn() {
        byte[] content = new byte[300_000];
        new Random(42).nextBytes(content);
        // Near misses of the delimiter, one of them across what will be the edge of a read.
        byte[] nearMiss = ("\r\n--" + BOUNDARY.substring(0, 5)).getBytes(StandardCharsets.US_ASCII);
        for (int at : new int[] {0, 65_530, 131_070, 299_000}) {
            System.arraycopy(nearMiss, 0, content, at, nearMiss.length);
        }
        byte[] form = form(content);
        ByteArrayOutputStream copied = new ByteArrayOutputStream();

        String name = MultipartUpload.copyFile(trickling(form), "multipart/form-data; boundary=" + BOUNDARY, copied);

        assertThat(name).isEqualTo("large.bin");
        assertThat(copied.toByteArray()).isEqualTo(content);
    }

    @Test
    void aFormCutShortIsRefused() {
        byte[] form = form(new byte[1000]);
        byte[] cut = Arrays.copyOf(form, form.length - 20);

        assertThatThrownBy(() -> MultipartUpload.copyFile(new ByteArrayInputStream(cut),
                "multipart/form-data; boundary=" + BOUNDARY, new ByteArrayOutputStream()))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the form ends before its closing boundary")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    private static byte[] form(byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("preamble\r\n--" + BOUNDARY + "\r\n"
                + "content-disposition: form-data; name=\"file\"; filename=\"large.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nlast\r\n--" + BOUNDARY
                + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Hands out a few bytes at a time, as a slow connection does. */
    private static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 4093));
            }
        };
    }
}
