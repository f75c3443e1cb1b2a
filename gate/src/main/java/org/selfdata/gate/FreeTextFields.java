package org.selfdata.gate;

import org.selfdata.model.RecordType;

import java.util.Set;
import java.util.TreeSet;

/**
 * The payload fields that leave only when a grant names them, read from the classes {@link SharedFields} gives each
 * field, so that what a grant and a declaration may name is what the writer of shared records lets through on a name.
 */
final class FreeTextFields {
    private FreeTextFields() {}

    /** The fields of this type a grant must name for them to leave, in name order. */
    static Set<String> of(RecordType type) {
        Set<String> names = new TreeSet<>();
        SharedFields.of(type).forEach((name, field) -> {
            if (isNamedToLeave(field)) {
                names.add(name);
            }
        });
        return names;
    }

    private static boolean isNamedToLeave(FieldClass field) {
        return switch (field) {
            case FieldClass.Coordinate coordinate -> false;
            case FieldClass.Category category -> false;
            case FieldClass.Kind kind -> switch (kind) {
                case FREE_TEXT, LOCATION_TEXT -> true;
                case PATH, LOCATION_DETAIL, AMOUNT, DATE, TIME_DETAIL, IDENTIFIER, MEASURE -> false;
            };
        };
    }
}
