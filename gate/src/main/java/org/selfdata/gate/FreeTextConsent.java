package org.selfdata.gate;

import org.selfdata.model.Category;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

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
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.gate.grantFieldsNotFreeText",
                    String.join(", ", unknown), unknown.size(), ids(covered), freeText(freeText)));
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
                    throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.gate.declaredFieldsNotFreeText",
                            declared.purpose().term(), String.join(", ", unknown), entry.getKey().id(), unknown.size(),
                            freeText(freeText)));
                }
            }
        }
    }

    /**
     * Every field named for a covered type the declared purpose does not name it for, field by field. Only the types
     * the grant covers through data the purpose needs are looked at: the others are refused for themselves.
     */
    static List<Wording> reasons(GrantTerms terms, DeclaredPurpose declared, Wording theDeclared) {
        Set<RecordType> needed = terms.types().stream().filter(declared::needs).collect(Collectors.toSet());
        Set<Category> within = terms.categories().stream()
                .filter(category -> declared.categories().stream().anyMatch(category::isWithin))
                .collect(Collectors.toSet());
        Set<RecordType> covered = GrantScope.readableTypes(needed, within);
        List<Wording> reasons = new ArrayList<>();
        for (String field : new TreeSet<>(terms.fields())) {
            covered.stream().filter(type -> isUndeclared(field, type, declared)).map(RecordType::id).sorted()
                    .forEach(type -> reasons.add(Wording.of("error.gate.refusal.freeText", field, type, theDeclared,
                            named(declared))));
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

    private static Wording named(DeclaredPurpose declared) {
        if (declared.fields().isEmpty()) {
            return Wording.of("error.gate.refusal.namesNone");
        }
        List<Wording> named = byType(declared).entrySet().stream()
                .map(entry -> Wording.of("error.gate.refusal.fieldsOf", String.join(", ", entry.getValue()),
                        entry.getKey().id()))
                .toList();
        Wording said = named.getFirst();
        for (Wording fields : named.subList(1, named.size())) {
            said = Wording.of("error.gate.refusal.andFields", said, fields);
        }
        return said;
    }

    /** The purpose's free-text fields in the order words name them: types by id, fields by name. */
    private static Map<RecordType, Set<String>> byType(DeclaredPurpose declared) {
        Map<RecordType, Set<String>> byType = new TreeMap<>(Comparator.comparing(RecordType::id));
        declared.fields().forEach((type, names) -> byType.put(type, new TreeSet<>(names)));
        return byType;
    }

    private static Wording freeText(Set<String> names) {
        return names.isEmpty() ? Wording.of("error.gate.noFreeTextFields")
                : Wording.of("error.gate.freeTextFields", String.join(", ", names));
    }

    private static String ids(Set<RecordType> types) {
        return types.isEmpty() ? "none" : types.stream().map(RecordType::id).sorted().collect(Collectors.joining(", "));
    }
}
