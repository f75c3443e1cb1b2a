package org.selfdata.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns payloads into their canonical JSON and back.
 *
 * <p>Canonical means one payload always gives the same bytes: properties in declaration order, absent optional
 * properties left out, decimals written plain ({@code 1000.50}, never {@code 1.0005E+3}). Fingerprints and export
 * digests depend on it. Reading is strict: an unknown property is an error, not something to drop.
 */
public final class PayloadCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_ABSENT)
                    .withContentInclusion(JsonInclude.Include.NON_ABSENT))
            .build();

    private PayloadCodec() {}

    /** The mapper configured as described above, for modules that write payloads inside larger documents. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Payload payload) {
        return MAPPER.writeValueAsBytes(payload);
    }

    public static Payload decode(RecordType type, byte[] json) {
        try {
            return MAPPER.readValue(json, type.payloadClass());
        }
        catch (JacksonException e) {
            // A payload's constructor explains itself without quoting values; Jackson's own message may quote the
            // offending value, which is personal data, so of it only the location is kept.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SelfdataException invalid) {
                    throw invalid.wording()
                            .map(reason -> new SelfdataException(ErrorCode.INVALID_INPUT,
                                    Wording.of("error.model.payloadInvalid", String.valueOf(type), reason), e))
                            .orElseGet(() -> new SelfdataException(ErrorCode.INVALID_INPUT,
                                    "a " + type + " payload is invalid: " + invalid.getMessage(), e));
                }
            }
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.model.payloadSchema", String.valueOf(type), location(e)), e);
        }
    }

    private static String location(JacksonException e) {
        String path = e.getPathReference();
        return path == null || path.isEmpty() ? "its top level" : path;
    }
}
