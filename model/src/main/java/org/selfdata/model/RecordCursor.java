package org.selfdata.model;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A place in the time order of a person's records: the start time and id of the last record of a page.
 * Encoded as an opaque, URL-safe token so that clients do not come to depend on what is inside.
 */
public record RecordCursor(long startMillis, RecordId id) {
    public String token() {
        ByteBuffer buffer = ByteBuffer.allocate(16).putLong(startMillis).putLong(id.value());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    public static RecordCursor after(StoredRecord record) {
        return new RecordCursor(record.time().startMillis(), record.id());
    }

    public static RecordCursor fromToken(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        }
        catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length != 16) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long startMillis = buffer.getLong();
        long id = buffer.getLong();
        if (id <= 0) {
            throw invalid();
        }
        return new RecordCursor(startMillis, RecordId.of(id));
    }

    private static SelfdataException invalid() {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, "the cursor is not one this server gave out; start again from the first page");
    }
}
