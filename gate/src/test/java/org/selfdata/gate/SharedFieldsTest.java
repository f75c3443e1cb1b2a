package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.RecordType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of field classes covers every record type's schema exactly: a field added to a payload's schema without a
 * class fails here before any recipient could receive it unclassified, and a class kept for a field that is gone fails
 * too.
 */
class SharedFieldsTest {
    @Test
    void everyFieldOfEveryRecordTypesSchemaHasAClassAndNoClassNamesAFieldThatIsNot() throws IOException {
        for (RecordType type : RecordType.values()) {
            JsonNode properties = schema(type).get("properties");
            Set<String> fields = new TreeSet<>(properties.propertyNames());

            assertThat(new TreeSet<>(SharedFields.of(type).keySet())).as("the classes of %s's fields", type)
                    .isEqualTo(fields);
        }
    }

    @Test
    void aFieldMadeOfFieldsIsAPathWhoseEveryPointBecomesAnArea() throws IOException {
        for (RecordType type : RecordType.values()) {
            for (Map.Entry<String, JsonNode> property : schema(type).get("properties").properties()) {
                JsonNode items = property.getValue().path("items");
                boolean nested = property.getValue().has("properties") || items.has("properties");
                if (nested) {
                    assertThat(SharedFields.of(type).get(property.getKey())).as("%s.%s", type, property.getKey())
                            .isEqualTo(FieldClass.Kind.PATH);
                    assertThat(items.get("properties").propertyNames()).containsExactlyInAnyOrder("latitude", "longitude");
                }
            }
        }
    }

    @Test
    void everyValueASchemaListsForACategoryIsOnItsVocabulary() throws IOException {
        int checked = 0;
        for (RecordType type : RecordType.values()) {
            for (Map.Entry<String, JsonNode> property : schema(type).get("properties").properties()) {
                if (SharedFields.of(type).get(property.getKey()) instanceof FieldClass.Category(Vocabulary vocabulary)
                        && property.getValue().has("enum")) {
                    for (JsonNode value : property.getValue().get("enum")) {
                        assertThat(vocabulary.spelling(value.asString())).as("%s.%s", type, property.getKey())
                                .contains(value.asString());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    private static JsonNode schema(RecordType type) throws IOException {
        try (InputStream schema = RecordType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(schema).as("the schema of %s", type).isNotNull();
            return JsonMapper.builder().build().readTree(schema);
        }
    }
}
