package org.selfdata.model;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordTypeTest {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void payloadJsonValidatesAgainstItsTypesSchema(RecordType type) {
        String json = new String(PayloadCodec.encode(SamplePayloads.of(type)), StandardCharsets.UTF_8);

        List<Error> errors = schema(type).validate(json, InputFormat.JSON);

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void schemaNamesExactlyThePayloadsProperties(RecordType type) {
        JsonNode schema = schema(type).getSchemaNode();
        Set<String> schemaProperties = new HashSet<>(schema.get("properties").propertyNames());

        Set<String> components = Arrays.stream(type.payloadClass().getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());

        assertThat(schemaProperties).isEqualTo(components);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void schemaRequiresEveryPropertyThatIsNeitherOptionalNorAList(RecordType type) {
        Set<String> required = new HashSet<>();
        schema(type).getSchemaNode().get("required").forEach(node -> required.add(node.asString()));

        Set<String> mandatory = Arrays.stream(type.payloadClass().getRecordComponents())
                .filter(component -> component.getType() != Optional.class)
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());

        assertThat(required).isEqualTo(mandatory);
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void schemaRejectsAPropertyThePayloadDoesNotHave(RecordType type) {
        String json = new String(PayloadCodec.encode(SamplePayloads.of(type)), StandardCharsets.UTF_8);
        String withExtra = json.substring(0, json.length() - 1) + ",\"precise_location\":\"48.85,2.35\"}";

        assertThat(schema(type).validate(withExtra, InputFormat.JSON)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void payloadClassReportsItsOwnType(RecordType type) {
        assertThat(SamplePayloads.of(type).type()).isEqualTo(type);
        assertThat(type.payloadClass()).isEqualTo(SamplePayloads.of(type).getClass());
    }

    @Test
    void typesAreFoundByTheirIds() {
        assertThat(RecordType.fromId("bank.transaction")).isEqualTo(RecordType.BANK_TRANSACTION);
        assertThat(RecordType.fromId("geo.point")).isEqualTo(RecordType.GEO_POINT);
        assertThat(Arrays.stream(RecordType.values()).map(RecordType::id)).containsExactly(
                "bank.account", "bank.transaction", "geo.point", "geo.visit", "geo.trip", "energy.reading",
                "contact", "calendar.event", "social.message", "social.post", "document");
    }

    @Test
    void unknownTypeIdIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> RecordType.fromId("geo.pointz"))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("unknown record type 'geo.pointz'; known types: bank.account, bank.transaction, geo.point, "
                        + "geo.visit, geo.trip, energy.reading, contact, calendar.event, social.message, social.post, document");
    }

    @Test
    void bankTransactionsCountOccurrencesAndLocationPointsDoNot() {
        assertThat(RecordType.BANK_TRANSACTION.countsOccurrences()).isTrue();
        assertThat(RecordType.GEO_POINT.countsOccurrences()).isFalse();
    }

    @Test
    void listPropertiesHoldStringsOrWaypoints() {
        // The schema test above treats List components as required arrays; make sure no other shape sneaks in.
        for (RecordType type : RecordType.values()) {
            for (RecordComponent component : type.payloadClass().getRecordComponents()) {
                if (component.getType() == List.class) {
                    var element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                    assertThat(element).isIn(String.class, GeoTrip.Waypoint.class);
                }
            }
        }
    }

    private static Schema schema(RecordType type) {
        try (InputStream in = RecordType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema resource for " + type).isNotNull();
            return SCHEMAS.getSchema(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
