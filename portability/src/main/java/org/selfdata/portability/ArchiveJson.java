package org.selfdata.portability;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;

/**
 * The JSON settings of archives. Generators leave their stream open, because a part's stream belongs to the zip,
 * and write no separator between top-level values: each JSON Lines writer ends its lines itself. Parsers refuse a
 * property given twice, which would otherwise let the second silently win.
 */
final class ArchiveJson {
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().rootValueSeparator((String) null).build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ArchiveJson() {}

    static JsonGenerator generator(OutputStream output) {
        return MAPPER.createGenerator(output);
    }

    static JsonParser parser(byte[] json) {
        return MAPPER.createParser(json);
    }
}
