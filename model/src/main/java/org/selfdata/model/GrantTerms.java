package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a person agrees to in a grant, and all that a recipient may rely on: to whom, on which declaration, for
 * which purpose and on which legal basis, which data at which precision, over which period of the data, for how long,
 * kept how long by the recipient, and how much per day.
 *
 * <p>Free text is not shared unless named: {@code fields} lists the free-text fields (such as {@code description})
 * the grant lets through; every other field is classed and reduced to {@code precision}.
 *
 * @param declarationVersion the version of the recipient's declaration shown to the person
 * @param types record types asked for; with {@code categories}, at least one of the two is not empty
 * @param categories personal-data categories asked for, covering every record type within them
 * @param validFrom when the grant starts to open anything
 * @param validUntil when it stops, excluded
 * @param retention how long the recipient promises to keep what it receives
 * @param volumeLimit the most records the recipient may receive (or push, for a write grant) per day
 */
public record GrantTerms(RecipientId recipient, int declarationVersion, GrantKind kind, Purpose purpose,
                         String purposeDescription, LegalBasis legalBasis, Set<RecordType> types, Set<Category> categories,
                         Set<String> fields, Precision precision, CoveredPeriod covered, Instant validFrom, Instant validUntil,
                         Duration retention, int volumeLimit) {
    public static final int MAXIMUM_VOLUME = 1_000_000;

    public GrantTerms {
        requireNonNull(recipient, "recipient is null");
        if (declarationVersion < 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.grantDeclarationVersion", Integer.toString(declarationVersion)));
        }
        requireNonNull(kind, "kind is null");
        requireNonNull(purpose, "purpose is null");
        BoundedText.required(purposeDescription, Wording.of("error.model.field.purposeDescription"),
                DeclaredPurpose.DESCRIPTION_LENGTH);
        requireNonNull(legalBasis, "legalBasis is null");
        types = Set.copyOf(requireNonNull(types, "types is null"));
        categories = Set.copyOf(requireNonNull(categories, "categories is null"));
        if (types.isEmpty() && categories.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.grantCoversNothing"));
        }
        fields = Set.copyOf(requireNonNull(fields, "fields is null"));
        if (!FieldNames.areFieldNames(fields)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.grantFreeTextFields", FieldNames.MAXIMUM_FIELDS));
        }
        requireNonNull(precision, "precision is null");
        requireNonNull(covered, "covered is null");
        TimeLimits.require(requireNonNull(validFrom, "validFrom is null"), ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.model.time.grantValidity"));
        TimeLimits.require(requireNonNull(validUntil, "validUntil is null"), ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.model.time.grantValidity"));
        if (!validFrom.isBefore(validUntil)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.grantValidityEndsBeforeStart"));
        }
        Retention.require(retention, Wording.of("error.model.field.grantRetention"));
        if (volumeLimit < 1 || volumeLimit > MAXIMUM_VOLUME) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.grantVolumeLimit", Integer.toString(MAXIMUM_VOLUME)));
        }
    }

    public GrantTerms withDeclarationVersion(int newVersion) {
        return new GrantTerms(recipient, newVersion, kind, purpose, purposeDescription, legalBasis, types, categories, fields,
                precision, covered, validFrom, validUntil, retention, volumeLimit);
    }

    public GrantTerms withData(Set<RecordType> newTypes, Set<Category> newCategories, Precision newPrecision) {
        return new GrantTerms(recipient, declarationVersion, kind, purpose, purposeDescription, legalBasis, newTypes,
                newCategories, fields, newPrecision, covered, validFrom, validUntil, retention, volumeLimit);
    }

    public GrantTerms withBasis(String newDescription, LegalBasis newLegalBasis) {
        return new GrantTerms(recipient, declarationVersion, kind, purpose, newDescription, newLegalBasis, types, categories,
                fields, precision, covered, validFrom, validUntil, retention, volumeLimit);
    }

    public GrantTerms withValidity(Instant newValidFrom, Instant newValidUntil) {
        return new GrantTerms(recipient, declarationVersion, kind, purpose, purposeDescription, legalBasis, types, categories,
                fields, precision, covered, newValidFrom, newValidUntil, retention, volumeLimit);
    }

    public GrantTerms withRetention(Duration newRetention) {
        return new GrantTerms(recipient, declarationVersion, kind, purpose, purposeDescription, legalBasis, types, categories,
                fields, precision, covered, validFrom, validUntil, newRetention, volumeLimit);
    }

    public GrantTerms withFields(Set<String> newFields) {
        return new GrantTerms(recipient, declarationVersion, kind, purpose, purposeDescription, legalBasis, types, categories,
                newFields, precision, covered, validFrom, validUntil, retention, volumeLimit);
    }

    public GrantTerms withPrecision(Precision newPrecision) {
        return withData(types, categories, newPrecision);
    }
}
