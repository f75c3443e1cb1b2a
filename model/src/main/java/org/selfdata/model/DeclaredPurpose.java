package org.selfdata.model;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One purpose of a recipient's declared processing: what it does in words (such as "notifications by region"),
 * the personal-data categories it needs, the record types if it says which, the most precise data it needs, and
 * the legal basis it rests on. A grant for this purpose can ask for no more than this.
 *
 * @param types the record types the purpose needs; empty when any type within the categories will do
 * @param ceiling the most precise the purpose needs each dimension to be
 */
public record DeclaredPurpose(Purpose purpose, String description, Set<Category> categories, Set<RecordType> types,
                              Precision ceiling, LegalBasis legalBasis) {
    static final int DESCRIPTION_LENGTH = 200;

    public DeclaredPurpose {
        requireNonNull(purpose, "purpose is null");
        BoundedText.required(description, "a purpose's description", DESCRIPTION_LENGTH);
        requireNonNull(categories, "categories is null");
        requireNonNull(types, "types is null");
        requireNonNull(ceiling, "ceiling is null");
        requireNonNull(legalBasis, "legalBasis is null");
        if (categories.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    "the declared purpose " + purpose.term() + " names no personal-data category");
        }
        categories = Set.copyOf(categories);
        types = Set.copyOf(types);
        for (RecordType type : types) {
            if (categories.stream().noneMatch(type.defaultCategory()::isWithin)) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "the declared purpose " + purpose.term()
                        + " needs " + type.id() + " records, whose category " + type.defaultCategory().term()
                        + " is not among its categories");
            }
        }
    }
}
