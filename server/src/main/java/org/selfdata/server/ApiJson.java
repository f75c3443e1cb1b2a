package org.selfdata.server;

import org.selfdata.model.PayloadCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;

/**
 * The JSON of the API: the payload codec's settings (plain decimals, absent optionals left out, strict reading), so a
 * payload inside a response reads exactly as it does in an export.
 */
final class ApiJson {
    static final String MEDIA_TYPE = "application/json";

    private static final JsonMapper MAPPER = PayloadCodec.mapper().rebuild().build();

    private ApiJson() {}

    static JsonMapper mapper() {
        return MAPPER;
    }

    /** A generator for a streamed response; closing it flushes but leaves the response stream to the server. */
    static JsonGenerator generator(OutputStream response) {
        return MAPPER.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(response);
    }
}
