package org.selfdata.gate;

import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.Recipients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Holds what a person is about to grant against what the recipient declares it does. A grant can never ask for more
 * than the declaration justifies: another purpose, other data, free text the purpose does not name, finer precision,
 * longer retention, another legal basis.
 * Terms that do are refused with every reason in plain words, together with the same terms brought back within the
 * declaration, so the person can be offered what is justified instead of a bare no.
 */
public final class Consent {
    /** How long an offered grant lasts unless the person chooses otherwise. */
    public static final Duration OFFERED_VALIDITY = Duration.ofDays(30);
    /** The longest a grant lasts: long-lived consent is forgotten consent; the person can give it again. */
    public static final Duration LONGEST_VALIDITY = Duration.ofDays(366);
    static final int OFFERED_VOLUME = 1_000;

    private final Recipients recipients;
    private final Clock clock;

    public Consent(Recipients recipients, Clock clock) {
        this.recipients = requireNonNull(recipients, "recipients is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Checks terms against the recipient's current declaration. */
    public ConsentCheck check(GrantTerms terms) {
        requireNonNull(terms, "terms is null");
        return check(terms, currentDeclaration(terms.recipient()), clock.instant());
    }

    /**
     * Refuses, as invalid, a declaration that names for a record type a field that is not free text in it, naming the
     * field: declarations are checked with this as they come in, since what is free text is the gate's to say.
     */
    public static ProcessingDeclaration requireFreeText(ProcessingDeclaration declaration) {
        FreeTextConsent.requireFreeText(requireNonNull(declaration, "declaration is null"));
        return declaration;
    }

    /** The terms to show the person by default for one of the recipient's declared purposes: exactly what it justifies. */
    public GrantTerms offer(RecipientId recipient, Purpose purpose) {
        ProcessingDeclaration declaration = currentDeclaration(recipient);
        DeclaredPurpose declared = declaration.purpose(purpose).orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                Wording.of("error.gate.purposeNotDeclared", String.valueOf(recipient), purpose.term())));
        Instant now = clock.instant();
        GrantTerms offered = new GrantTerms(recipient, declaration.version(), GrantKind.READ, purpose,
                declared.description(), declared.legalBasis(), declared.types(), offeredCategories(declared), Set.of(),
                declared.ceiling(), CoveredPeriod.fromGrant(), now, now.plus(OFFERED_VALIDITY), declaration.retention(),
                OFFERED_VOLUME);
        return offered.withFields(FreeTextConsent.justified(FreeTextConsent.declared(declared),
                GrantScope.readableTypes(offered), declared));
    }

    /**
     * The categories a grant for this purpose names: none when the purpose names its record types, since a grant reads
     * every type within the categories it names, and a purpose that needs only {@code geo.point} must not open visits
     * and trips as well.
     */
    private static Set<Category> offeredCategories(DeclaredPurpose declared) {
        return declared.types().isEmpty() ? declared.categories() : Set.of();
    }

    private ProcessingDeclaration currentDeclaration(RecipientId recipient) {
        recipients.get(recipient);
        recipients.requireAdmitted(recipient);
        return recipients.currentDeclaration(recipient).orElseThrow(() -> new SelfdataException(ErrorCode.CONFLICT,
                Wording.of("error.gate.nothingDeclared", String.valueOf(recipient))));
    }

    /**
     * Checks terms against a declaration at {@code now}. Fails, as invalid, on terms naming a field that is not free
     * text in the types they cover; otherwise accepts them or refuses them with every reason.
     */
    static ConsentCheck check(GrantTerms terms, ProcessingDeclaration declaration, Instant now) {
        FreeTextConsent.requireFreeText(terms);
        Optional<DeclaredPurpose> found = declaration.purpose(terms.purpose());
        if (found.isEmpty()) {
            return new Refusal(List.of(Wording.of("error.gate.refusal.undeclaredPurpose", terms.purpose().term(),
                    declaration.purposes().stream()
                            .map(declared -> declared.purpose().term() + " (" + declared.description() + ")")
                            .collect(Collectors.joining(", ")))), Optional.empty());
        }
        DeclaredPurpose declared = found.get();
        Wording theDeclared = Wording.of("error.gate.refusal.theDeclared", declared.description());
        List<Wording> reasons = new ArrayList<>();
        if (terms.declarationVersion() != declaration.version()) {
            reasons.add(Wording.of("error.gate.refusal.declarationVersion", Integer.toString(terms.declarationVersion()),
                    Integer.toString(declaration.version())));
        }
        if (!terms.purposeDescription().equals(declared.description())) {
            reasons.add(Wording.of("error.gate.refusal.otherWords", declared.description()));
        }
        if (terms.legalBasis() != declared.legalBasis()) {
            reasons.add(Wording.of("error.gate.refusal.legalBasis", terms.legalBasis().label(), theDeclared,
                    declared.legalBasis().label()));
        }
        reasons.addAll(dataReasons(terms, declared, theDeclared));
        reasons.addAll(FreeTextConsent.reasons(terms, declared, theDeclared));
        reasons.addAll(precisionReasons(terms.precision(), declared.ceiling(), theDeclared));
        if (terms.retention().compareTo(declaration.retention()) > 0) {
            reasons.add(Wording.of("error.gate.refusal.retention", Long.toString(terms.retention().toDays()),
                    Long.toString(declaration.retention().toDays())));
        }
        reasons.addAll(validityReasons(terms, now));
        if (reasons.isEmpty()) {
            return new ConsentCheck.Acceptance(terms);
        }
        return new Refusal(reasons, Optional.of(justified(terms, declaration, declared, now)));
    }

    private static List<Wording> dataReasons(GrantTerms terms, DeclaredPurpose declared, Wording theDeclared) {
        List<Wording> reasons = new ArrayList<>();
        String needed = declared.categories().stream().map(Category::term).sorted().collect(Collectors.joining(", "));
        terms.categories().stream().filter(category -> !isWithin(category, declared)).map(Category::term).sorted()
                .forEach(category -> reasons.add(Wording.of("error.gate.refusal.category", category, theDeclared, needed)));
        terms.categories().stream().filter(category -> isWithin(category, declared)).sorted().forEach(category -> {
            String unneeded = unneededTypes(category, declared).stream().map(RecordType::id).sorted()
                    .collect(Collectors.joining(", "));
            if (!unneeded.isEmpty()) {
                reasons.add(Wording.of("error.gate.refusal.categoryBeyondTypes", category.term(), unneeded, theDeclared,
                        declared.types().stream().map(RecordType::id).sorted().collect(Collectors.joining(", "))));
            }
        });
        terms.types().stream().filter(type -> !declared.needs(type)).map(RecordType::id).sorted()
                .forEach(type -> reasons.add(Wording.of("error.gate.refusal.type", type, theDeclared)));
        return reasons;
    }

    private static List<Wording> precisionReasons(Precision asked, Precision ceiling, Wording theDeclared) {
        List<Wording> reasons = new ArrayList<>();
        if (!asked.location().isAtMost(ceiling.location())) {
            reasons.add(precisionReason(Wording.of("error.gate.refusal.location", asked.location().term()),
                    Wording.of("error.gate.refusal.location", ceiling.location().term()), theDeclared));
        }
        if (!asked.amount().isAtMost(ceiling.amount())) {
            reasons.add(precisionReason(Wording.of("error.gate.refusal.amounts", asked.amount().term()),
                    Wording.of("error.gate.refusal.amounts", ceiling.amount().term()), theDeclared));
        }
        if (!asked.time().isAtMost(ceiling.time())) {
            reasons.add(precisionReason(Wording.of("error.gate.refusal.time", asked.time().term()),
                    Wording.of("error.gate.refusal.time", ceiling.time().term()), theDeclared));
        }
        if (!asked.identifiers().isAtMost(ceiling.identifiers())) {
            reasons.add(precisionReason(Wording.of("error.gate.refusal.identifiersClear"),
                    Wording.of("error.gate.refusal.identifiersPseudonymized"), theDeclared));
        }
        return reasons;
    }

    private static Wording precisionReason(Wording asked, Wording needed, Wording theDeclared) {
        return Wording.of("error.gate.refusal.precision", asked, theDeclared, needed);
    }

    private static List<Wording> validityReasons(GrantTerms terms, Instant now) {
        List<Wording> reasons = new ArrayList<>();
        if (!terms.validUntil().isAfter(now)) {
            reasons.add(Wording.of("error.gate.refusal.ended", terms.validUntil().toString()));
        }
        Instant start = terms.validFrom().isAfter(now) ? terms.validFrom() : now;
        if (Duration.between(start, terms.validUntil()).compareTo(LONGEST_VALIDITY) > 0) {
            reasons.add(Wording.of("error.gate.refusal.tooLong", Long.toString(LONGEST_VALIDITY.toDays())));
        }
        if (Duration.between(now, terms.validFrom()).compareTo(LONGEST_VALIDITY) > 0) {
            reasons.add(Wording.of("error.gate.refusal.startsLate", Long.toString(LONGEST_VALIDITY.toDays())));
        }
        return reasons;
    }

    /** The same terms brought within the declaration: what the person is offered instead. */
    private static GrantTerms justified(GrantTerms terms, ProcessingDeclaration declaration, DeclaredPurpose declared,
                                        Instant now) {
        Set<Category> categories = new LinkedHashSet<>();
        Set<RecordType> types = terms.types().stream().filter(declared::needs)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (Category category : terms.categories()) {
            Set<Category> within = new LinkedHashSet<>();
            if (isWithin(category, declared)) {
                within.add(category);
            }
            else {
                declared.categories().stream().filter(narrower -> narrower.isWithin(category)).forEach(within::add);
            }
            for (Category kept : within) {
                if (unneededTypes(kept, declared).isEmpty()) {
                    categories.add(kept);
                }
                else {
                    GrantScope.readableTypes(Set.of(), Set.of(kept)).stream().filter(declared::needs).forEach(types::add);
                }
            }
        }
        if (categories.isEmpty() && types.isEmpty()) {
            categories.addAll(offeredCategories(declared));
            types.addAll(declared.types());
        }
        Instant from = terms.validFrom().isBefore(now) || Duration.between(now, terms.validFrom())
                .compareTo(LONGEST_VALIDITY) > 0 ? now : terms.validFrom();
        Instant until = terms.validUntil().isAfter(from) ? terms.validUntil() : from.plus(OFFERED_VALIDITY);
        if (Duration.between(from, until).compareTo(LONGEST_VALIDITY) > 0) {
            until = from.plus(LONGEST_VALIDITY);
        }
        Duration retention = terms.retention().compareTo(declaration.retention()) > 0 ? declaration.retention()
                : terms.retention();
        GrantTerms within = terms.withDeclarationVersion(declaration.version())
                .withBasis(declared.description(), declared.legalBasis())
                .withData(types, categories, terms.precision().atMost(declared.ceiling()))
                .withRetention(retention)
                .withValidity(from, until);
        return within.withFields(FreeTextConsent.justified(terms.fields(), GrantScope.readableTypes(within), declared));
    }

    /** The record types a grant naming this category would open that the purpose does not need. */
    private static Set<RecordType> unneededTypes(Category category, DeclaredPurpose declared) {
        return GrantScope.readableTypes(Set.of(), Set.of(category)).stream().filter(type -> !declared.needs(type))
                .collect(Collectors.toSet());
    }

    private static boolean isWithin(Category category, DeclaredPurpose declared) {
        return declared.categories().stream().anyMatch(category::isWithin);
    }
}
