package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static java.util.Objects.requireNonNull;

/**
 * Identifies a record within its person's data: its type, its start time and a number the vault gave it.
 *
 * <p>The vault keeps each person's records ordered by type and time, so this id is where the record sits: finding
 * it is one seek, and it is also the cursor of a page that ends with it. The number is unique within the person,
 * never reused, and part of the associated data that binds a sealed payload to its row. Rectification keeps a
 * record's time, so its id never changes. Outside the vault the id travels as an opaque URL-safe {@link #token()}.
 */
public record RecordId(RecordType type, long startMillis, long number) implements Comparable<RecordId> {
    /**
     * Where a record without a time sits in the order: the first millisecond after {@link TimeLimits}, so that it
     * comes after every record that has a time and no time window, which always ends within the limits, reaches it.
     */
    public static final long UNTIMED_MILLIS = TimeLimits.END.toEpochMilli();

    public RecordId {
        requireNonNull(type, "type is null");
        if (number <= 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.recordNumberNotPositive", Long.toString(number)));
        }
    }

    /** The start that places a record of this time in the vault's order. */
    public static long startMillis(RecordTime time) {
        return switch (time) {
            case TimeSpan span -> span.startMillis();
            case RecordTime.Untimed untimed -> UNTIMED_MILLIS;
        };
    }

    /** Whether the record has no time: it then sits after every record that has one. */
    public boolean isUntimed() {
        return startMillis == UNTIMED_MILLIS;
    }

    /** The order of the vault's reads: start time, then type, then number. */
    @Override
    public int compareTo(RecordId other) {
        int byTime = Long.compare(startMillis, other.startMillis);
        if (byTime != 0) {
            return byTime;
        }
        int byType = type.id().compareTo(other.type.id());
        return byType != 0 ? byType : Long.compare(number, other.number);
    }

    public String token() {
        byte[] typeId = type.id().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(typeId.length + 1 + 16)
                .put(typeId).put((byte) 0).putLong(startMillis).putLong(number);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    public static RecordId fromToken(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        }
        catch (IllegalArgumentException e) {
            throw invalid();
        }
        int separator = indexOfZero(bytes);
        if (separator < 1 || bytes.length != separator + 17) {
            throw invalid();
        }
        String typeId = new String(Arrays.copyOfRange(bytes, 0, separator), StandardCharsets.US_ASCII);
        ByteBuffer rest = ByteBuffer.wrap(bytes, separator + 1, 16);
        long startMillis = rest.getLong();
        long number = rest.getLong();
        if (number <= 0) {
            throw invalid();
        }
        try {
            return new RecordId(RecordType.fromId(typeId), startMillis, number);
        }
        catch (SelfdataException e) {
            throw invalid();
        }
    }

    private static int indexOfZero(byte[] bytes) {
        for (int index = 0; index < bytes.length && index < 32; index++) {
            if (bytes[index] == 0) {
                return index;
            }
        }
        return -1;
    }

    private static SelfdataException invalid() {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.recordIdForeign"));
    }

    @Override
    public String toString() {
        return token();
    }
}
