package org.selfdata.portability;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/** The JSON Schema of each record type, read once from the model's resources. */
final class RecordSchemas {
    private static final Map<RecordType, JsonNode> SCHEMAS = load();

    private RecordSchemas() {}

    static JsonNode of(RecordType type) {
        return SCHEMAS.get(type);
    }

    private static Map<RecordType, JsonNode> load() {
        Map<RecordType, JsonNode> schemas = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            try (InputStream schema = RecordType.class.getResourceAsStream(type.schemaResource())) {
                if (schema == null) {
                    throw new SelfdataException(ErrorCode.INTERNAL,
                            "the JSON Schema of " + type + " is missing from selfdata's model");
                }
                schemas.put(type, ArchiveJson.MAPPER.readTree(schema));
            }
            catch (IOException e) {
                throw new SelfdataException(ErrorCode.INTERNAL, "cannot read the JSON Schema of " + type, e);
            }
        }
        return schemas;
    }
}
