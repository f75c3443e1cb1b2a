package org.selfdata.model;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A record as the vault holds it, opened for the accessor who read it.
 *
 * <p>The payload travels as its canonical JSON ({@link PayloadCodec}) and is decoded only when asked for: most
 * reads (the API, exports) write the JSON straight out, and decoding half a million payloads a second to
 * encode them again would be work for nothing.
 */
public final class StoredRecord {
    private final RecordId id;
    private final Category category;
    private final RecordTime time;
    private final Provenance provenance;
    private final int occurrence;
    private final int version;
    private final byte[] payloadJson;

    public StoredRecord(
            RecordId id,
            Category category,
            RecordTime time,
            Provenance provenance,
            int occurrence,
            int version,
            byte[] payloadJson) {
        this.id = requireNonNull(id, "id is null");
        this.category = requireNonNull(category, "category is null");
        this.time = requireNonNull(time, "time is null");
        if (RecordId.startMillis(time) != id.startMillis()) {
            throw new SelfdataException(ErrorCode.INTERNAL, "record " + id + " does not start when its id says");
        }
        this.provenance = requireNonNull(provenance, "provenance is null");
        this.occurrence = occurrence;
        this.version = version;
        this.payloadJson = requireNonNull(payloadJson, "payloadJson is null");
    }

    public RecordId id() {
        return id;
    }

    public RecordType type() {
        return id.type();
    }

    public Category category() {
        return category;
    }

    /** When the record happened, or {@link RecordTime.Untimed} when it has no time. */
    public RecordTime time() {
        return time;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Which of several identical records of one source this is, counting from 1. */
    public int occurrence() {
        return occurrence;
    }

    /** 1 for a record as imported; one more for each rectification. */
    public int version() {
        return version;
    }

    /** The payload's canonical JSON; the array is shared, not copied, and must not be changed. */
    public byte[] payloadJson() {
        return payloadJson;
    }

    public Payload payload() {
        return PayloadCodec.decode(id.type(), payloadJson);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredRecord that
                && id.equals(that.id)
                && category == that.category
                && time.equals(that.time)
                && provenance.equals(that.provenance)
                && occurrence == that.occurrence
                && version == that.version
                && Arrays.equals(payloadJson, that.payloadJson);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + version;
    }

    @Override
    public String toString() {
        // Never the payload: records end up in logs through toString.
        return "StoredRecord[" + id.type() + " " + id.number() + " v" + version + "]";
    }
}
