package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A file carried by a message, sent or received: a letter's PDF, an answer's CSV.
 *
 * @param fileName the file's name as the message gives it, without folders
 * @param mediaType its media type, such as {@code application/pdf}, in lower case and without parameters
 * @param bytes its content, decoded from the message's transfer encoding
 */
public record MailAttachment(String fileName, String mediaType, byte[] bytes) {
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    public MailAttachment {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(mediaType, "mediaType is null");
        requireNonNull(bytes, "bytes is null");
        mediaType = mediaType.toLowerCase(Locale.ROOT);
        if (fileName.isBlank() || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.mail.attachment"));
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MailAttachment that && fileName.equals(that.fileName)
                && mediaType.equals(that.mediaType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * fileName.hashCode() + mediaType.hashCode()) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MailAttachment[fileName=" + fileName + ", mediaType=" + mediaType + ", bytes=" + bytes.length + "]";
    }
}
