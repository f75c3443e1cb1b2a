package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A small form read whole: its fields, its files with their names and media types, and the bounds it is read within. */
class MultipartFormTest {
    private static final String BOUNDARY = "answer-boundary";
    private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    @Test
    void fieldsAndFilesAreReadInTheOrderTheFormSendsThem() {
        byte[] form = form(field("answeredOn", "2026-02-03") + field("answeredOn", "2026-02-04")
                + file("C:\\scans\\lettre.pdf", "Application/PDF; name=x", "%PDF-1.4")
                + file("notes.txt", "not a media type", "deux lignes\r\n--presque"));

        MultipartForm read = MultipartForm.read(new ByteArrayInputStream(form), CONTENT_TYPE, 1024, 2);

        assertThat(read.field("answeredOn")).contains("2026-02-03");
        assertThat(read.field("complete")).isEmpty();
        assertThat(read.files()).extracting(MultipartForm.File::name).containsExactly("lettre.pdf", "notes.txt");
        assertThat(read.files()).extracting(MultipartForm.File::mediaType)
                .containsExactly("application/pdf", "application/octet-stream");
        assertThat(new String(read.files().get(1).content(), StandardCharsets.UTF_8)).isEqualTo("deux lignes\r\n--presque");
    }

    @Test
    void aFileLargerThanItsLimitIsRefused() {
        byte[] form = form(file("scan.pdf", "application/pdf", "x".repeat(2000)));

        assertThatThrownBy(() -> MultipartForm.read(new ByteArrayInputStream(form), CONTENT_TYPE, 1024, 2))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessage("a file of the form is larger than 1024 bytes");
    }

    @Test
    void moreFilesThanTheFormTakesAreRefused() {
        byte[] form = form(file("a.txt", "text/plain", "a") + file("b.txt", "text/plain", "b")
                + file("c.txt", "text/plain", "c"));

        assertThatThrownBy(() -> MultipartForm.read(new ByteArrayInputStream(form), CONTENT_TYPE, 1024, 2))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessage("the form holds more than 2 files; send the others in another form");
    }

    private static String field(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String file(String name, String mediaType, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name.replace("\\", "\\\\")
                + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n" + content + "\r\n";
    }

    private static byte[] form(String parts) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes((parts + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return form.toByteArray();
    }
}
