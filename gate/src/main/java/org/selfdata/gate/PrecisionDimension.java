package org.selfdata.gate;

import org.selfdata.model.Category;
import org.selfdata.model.RecordType;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A dimension of a grant's precision, and which of them a grant's data has fields in.
 *
 * <p>A grant covering location only has no amount to reduce: saying "amounts exact" to the person would tell them of
 * a precision that changes nothing, and leave them wondering which amounts. The dimensions that matter are read from
 * the same table the gate reduces fields by ({@link SharedFields}), so the two cannot disagree. Time always matters:
 * every record has a start and an end.
 */
public enum PrecisionDimension {
    LOCATION, AMOUNT, TIME, IDENTIFIERS;

    /** The dimension's name in the API, as in a precision object: {@code location}, {@code amount}… */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dimensions of the fields of the types named and of the types within the categories named, in order. */
    public static Set<PrecisionDimension> of(Set<RecordType> types, Set<Category> categories) {
        Set<PrecisionDimension> dimensions = EnumSet.noneOf(PrecisionDimension.class);
        for (RecordType type : GrantScope.readableTypes(types, categories)) {
            dimensions.add(TIME);
            SharedFields.of(type).values().forEach(field -> dimensions.addAll(of(field)));
        }
        return dimensions;
    }

    private static Set<PrecisionDimension> of(FieldClass field) {
        return switch (field) {
            case FieldClass.Coordinate coordinate -> EnumSet.of(LOCATION);
            case FieldClass.Category category -> EnumSet.noneOf(PrecisionDimension.class);
            case FieldClass.Kind kind -> switch (kind) {
                case PATH, LOCATION_DETAIL, LOCATION_TEXT -> EnumSet.of(LOCATION);
                case AMOUNT -> EnumSet.of(AMOUNT);
                case DATE, TIME_DETAIL -> EnumSet.of(TIME);
                case IDENTIFIER -> EnumSet.of(IDENTIFIERS);
                case FREE_TEXT, MEASURE -> EnumSet.noneOf(PrecisionDimension.class);
            };
        };
    }
}
