package org.selfdata.portability;

import org.selfdata.model.RecordType;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of a type's CSV table, for the types whose records fit one row each.
 *
 * <p>A type fits when every component of its payload record is a scalar (text, number, date, enumeration, or an
 * optional one of those) and none of its texts can outgrow a spreadsheet cell, which holds 32,767 characters in
 * Excel and LibreOffice. Lists and nested objects (a trip's waypoints, a contact's e-mails) do not fit a cell, nor
 * does a document's extracted text; those types are in JSON Lines only. Deciding from the payload class rather
 * than from a list of names keeps a new type's table in step with its record.
 */
final class TableColumns {
    static final List<String> RECORD_COLUMNS = List.of("id", "start", "end", "category", "source");
    private static final long SPREADSHEET_CELL = 32_767;

    private final List<String> payloadFields;
    private final Map<String, Integer> payloadIndex = new HashMap<>();

    private TableColumns(List<String> payloadFields) {
        this.payloadFields = List.copyOf(payloadFields);
        for (int index = 0; index < payloadFields.size(); index++) {
            payloadIndex.put(payloadFields.get(index), index);
        }
    }

    static Optional<TableColumns> of(RecordType type) {
        RecordComponent[] components = type.payloadClass().getRecordComponents();
        boolean fits = Arrays.stream(components).allMatch(component -> isScalar(component.getGenericType()))
                && textsFitACell(RecordSchemas.of(type));
        // Components come in declaration order, which is the order of the canonical JSON and of the schema.
        return fits ? Optional.of(new TableColumns(Arrays.stream(components).map(RecordComponent::getName).toList()))
                : Optional.empty();
    }

    private static boolean isScalar(Type type) {
        if (type instanceof ParameterizedType generic) {
            return generic.getRawType() == Optional.class && isScalar(generic.getActualTypeArguments()[0]);
        }
        return type instanceof Class<?> plain && (plain.isPrimitive() || plain == String.class || plain == Boolean.class
                || plain.isEnum() || Number.class.isAssignableFrom(plain) || Temporal.class.isAssignableFrom(plain));
    }

    private static boolean textsFitACell(JsonNode schema) {
        return schema.get("properties").valueStream()
                .allMatch(property -> !property.has("maxLength") || property.get("maxLength").asLong() <= SPREADSHEET_CELL);
    }

    List<String> payloadFields() {
        return payloadFields;
    }

    List<String> header() {
        return Stream.concat(RECORD_COLUMNS.stream(), payloadFields.stream()).toList();
    }

    /** Where a payload property goes among the payload's cells, or -1 for a property the table does not have. */
    int indexOf(String payloadField) {
        return payloadIndex.getOrDefault(payloadField, -1);
    }
}
