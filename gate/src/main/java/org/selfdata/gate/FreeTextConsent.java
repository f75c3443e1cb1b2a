package org.selfdata.gate;

import org.selfdata.model.Category;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How {@link Consent} holds the free text a grant names to the recipient's declaration. A grant names fields by name
 * alone ({@code text}), and a name lets the field through in every record type the grant covers that has it; so a
 * field is justified only if the declared purpose names it for each of those types, not merely for one of them.
 */
final class FreeTextConsent {
    private FreeTextConsent() {}

    /**
     * Refuses, as invalid, a grant naming a field that is not free text in any record type it covers: naming it would
     * change nothing, and a person reading it on a receipt would believe otherwise.
     */
    static void requireFreeText(GrantTerms terms) {
        Set<RecordType> covered = GrantScope.readableTypes(terms);
        Set<String> freeText = new TreeSet<>();
        covered.forEach(type -> freeText.addAll(FreeTextFields.of(type)));
        List<String> unknown = terms.fields().stream().filter(field -> !freeText.contains(field)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "the grant names " + String.join(", ", unknown)
                    + (unknown.size() == 1 ? ", which is not a free-text field" : ", which are not free-text fields")
                    + " of the record types it covers (" + ids(covered) + "); " + freeText(freeText));
        }
    }

    /**
     * Refuses, as invalid, a declaration naming for a record type a field that is not free text in it: such a field
     * leaves by its class, whatever the declaration says, and naming it would mislead the person reading it.
     */
    static void requireFreeText(ProcessingDeclaration declaration) {
        for (DeclaredPurpose declared : declaration.purposes()) {
            for (Map.Entry<RecordType, Set<String>> entry : byType(declared).entrySet()) {
                Set<String> freeText = FreeTextFields.of(entry.getKey());
                List<String> unknown = entry.getValue().stream().filter(name -> !freeText.contains(name)).toList();
                if (!unknown.isEmpty()) {
                    throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "the declared purpose "
                            + declared.purpose().term() + " names " + String.join(", ", unknown) + " of "
                            + entry.getKey().id() + " records, " + (unknown.size() == 1 ? "which is not a free-text field"
                                    : "which are not free-text fields") + "; " + freeText(freeText));
                }
            }
        }
    }

    /**
     * Every field named for a covered type the declared purpose does not name it for, field by field. Only the types
     * the grant covers through data the purpose needs are looked at: the others are refused for themselves.
     */
    static List<String> reasons(GrantTerms terms, DeclaredPurpose declared, String theDeclared) {
        Set<RecordType> needed = terms.types().stream().filter(declared::needs).collect(Collectors.toSet());
        Set<Category> within = terms.categories().stream()
                .filter(category -> declared.categories().stream().anyMatch(category::isWithin))
                .collect(Collectors.toSet());
        Set<RecordType> covered = GrantScope.readableTypes(needed, within);
        List<String> reasons = new ArrayList<>();
        for (String field : new TreeSet<>(terms.fields())) {
            covered.stream().filter(type -> isUndeclared(field, type, declared)).map(RecordType::id).sorted()
                    .forEach(type -> reasons.add("asks for the free-text field " + field + " of " + type
                            + " records, which " + theDeclared + " does not name; it names " + named(declared)));
        }
        return reasons;
    }

    /** The fields among {@code asked} that the declared purpose names for every type of {@code covered} that has them. */
    static Set<String> justified(Set<String> asked, Set<RecordType> covered, DeclaredPurpose declared) {
        return asked.stream()
                .filter(field -> covered.stream().anyMatch(type -> FreeTextFields.of(type).contains(field)))
                .filter(field -> covered.stream().noneMatch(type -> isUndeclared(field, type, declared)))
                .collect(Collectors.toSet());
    }

    /** Every free-text field the declared purpose names, for any type. */
    static Set<String> declared(DeclaredPurpose declared) {
        return declared.fields().values().stream().flatMap(Collection::stream).collect(Collectors.toSet());
    }

    private static boolean isUndeclared(String field, RecordType type, DeclaredPurpose declared) {
        return FreeTextFields.of(type).contains(field) && !declared.fields(type).contains(field);
    }

    private static String named(DeclaredPurpose declared) {
        if (declared.fields().isEmpty()) {
            return "no free-text field";
        }
        return byType(declared).entrySet().stream()
                .map(entry -> String.join(", ", entry.getValue()) + " of " + entry.getKey().id() + " records")
                .collect(Collectors.joining(" and "));
    }

    /** The purpose's free-text fields in the order words name them: types by id, fields by name. */
    private static Map<RecordType, Set<String>> byType(DeclaredPurpose declared) {
        Map<RecordType, Set<String>> byType = new TreeMap<>(Comparator.comparing(RecordType::id));
        declared.fields().forEach((type, names) -> byType.put(type, new TreeSet<>(names)));
        return byType;
    }

    private static String freeText(Set<String> names) {
        return names.isEmpty() ? "they have none" : "their free-text fields are " + String.join(", ", names);
    }

    private static String ids(Set<RecordType> types) {
        return types.isEmpty() ? "none" : types.stream().map(RecordType::id).sorted().collect(Collectors.joining(", "));
    }
}
