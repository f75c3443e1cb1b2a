package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One purpose of a recipient's declared processing: what it does in words (such as "notifications by region"),
 * the personal-data categories it needs, the record types if it says which, the free text it needs, the most precise
 * data it needs, and the legal basis it rests on. A grant for this purpose can ask for no more than this.
 *
 * <p>Free text (a payee's name, a memo, a message) is left out of what a recipient receives unless a grant names the
 * field, and a grant can name a field only if the purpose names it for that record type: a budget by category needs
 * amounts and categories, not the names of the people paid.
 *
 * @param types the record types the purpose needs; empty when any type within the categories will do
 * @param fields the free-text fields the purpose needs, by record type, such as {@code label} of
 *     {@code bank.transaction}; a type it needs no free text of is not a key
 * @param ceiling the most precise the purpose needs each dimension to be
 */
public record DeclaredPurpose(Purpose purpose, String description, Set<Category> categories, Set<RecordType> types,
                              Map<RecordType, Set<String>> fields, Precision ceiling, LegalBasis legalBasis) {
    static final int DESCRIPTION_LENGTH = 200;

    public DeclaredPurpose {
        requireNonNull(purpose, "purpose is null");
        BoundedText.required(description, Wording.of("error.model.field.purposeDescription"), DESCRIPTION_LENGTH);
        requireNonNull(categories, "categories is null");
        requireNonNull(types, "types is null");
        requireNonNull(fields, "fields is null");
        requireNonNull(ceiling, "ceiling is null");
        requireNonNull(legalBasis, "legalBasis is null");
        if (categories.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.purposeNoCategory", purpose.term()));
        }
        categories = Set.copyOf(categories);
        types = Set.copyOf(types);
        for (RecordType type : types) {
            if (categories.stream().noneMatch(type.defaultCategory()::isWithin)) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.purposeMissesCategory",
                        purpose.term(), type.id(), type.defaultCategory().term()));
            }
        }
        fields = fields(purpose, categories, types, fields);
    }

    /** A purpose that needs no free text. */
    public DeclaredPurpose(Purpose purpose, String description, Set<Category> categories, Set<RecordType> types,
                           Precision ceiling, LegalBasis legalBasis) {
        this(purpose, description, categories, types, Map.of(), ceiling, legalBasis);
    }

    /** Whether the purpose needs records of this type: one it names, or, when it names none, one within its categories. */
    public boolean needs(RecordType type) {
        return needs(categories, types, type);
    }

    /** The free-text fields of this type the purpose needs; none unless it names them. */
    public Set<String> fields(RecordType type) {
        return fields.getOrDefault(type, Set.of());
    }

    private static Map<RecordType, Set<String>> fields(Purpose purpose, Set<Category> categories, Set<RecordType> types,
                                                       Map<RecordType, Set<String>> fields) {
        for (Map.Entry<RecordType, Set<String>> entry : fields.entrySet()) {
            RecordType type = requireNonNull(entry.getKey(), "a field's record type is null");
            Set<String> names = requireNonNull(entry.getValue(), "fields of " + type.id() + " is null");
            if (!needs(categories, types, type)) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.model.purposeFreeTextUnneeded", purpose.term(), type.id()));
            }
            if (!FieldNames.areFieldNames(names)) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.model.purposeFreeTextFields", purpose.term(), FieldNames.MAXIMUM_FIELDS, type.id()));
            }
        }
        return fields.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Set.copyOf(entry.getValue())));
    }

    private static boolean needs(Set<Category> categories, Set<RecordType> types, RecordType type) {
        return types.isEmpty() ? categories.stream().anyMatch(type.defaultCategory()::isWithin) : types.contains(type);
    }
}
