package org.selfdata.server;

import org.selfdata.model.InstantText;
import org.selfdata.model.PayloadCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import java.io.OutputStream;
import java.time.Instant;

/**
 * The JSON of the API: the payload codec's settings (plain decimals, absent optionals left out, strict reading), so a
 * payload inside a response reads exactly as it does in an export; and every instant written the one way
 * {@link InstantText} says, so that a field never changes form from one answer to the next.
 */
final class ApiJson {
    static final String MEDIA_TYPE = "application/json";

    private static final JsonMapper MAPPER = PayloadCodec.mapper().rebuild()
            .addModule(new SimpleModule("instants").addSerializer(Instant.class, new InstantSerializer()))
            .build();

    private ApiJson() {}

    static JsonMapper mapper() {
        return MAPPER;
    }

    /** A generator for a streamed response; closing it flushes but leaves the response stream to the server. */
    static JsonGenerator generator(OutputStream response) {
        return MAPPER.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(response);
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(InstantText.of(value));
        }
    }
}
