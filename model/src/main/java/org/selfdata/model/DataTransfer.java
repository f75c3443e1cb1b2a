package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A transfer of personal data outside the European Economic Area that a recipient declares, with the safeguard
 * chapter V of the GDPR requires for it.
 */
public record DataTransfer(String country, Safeguard safeguard) {
    private static final Set<String> EUROPEAN_ECONOMIC_AREA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE",
            "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO");

    public enum Safeguard {
        ADEQUACY_DECISION("A45-3"),
        STANDARD_CONTRACTUAL_CLAUSES("A46-2-c"),
        BINDING_CORPORATE_RULES("A47"),
        DEROGATION("A49");

        private final String article;

        Safeguard(String article) {
            this.article = article;
        }

        /** The article's term in DPV's EU GDPR extension, such as {@code eu-gdpr:A46-2-c}. */
        public String term() {
            return "eu-gdpr:" + article;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public DataTransfer {
        RecipientIdentity.requireCountry(country, Wording.of("error.model.field.transferCountry"));
        requireNonNull(safeguard, "safeguard is null");
        if (EUROPEAN_ECONOMIC_AREA.contains(country)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.transferWithinArea", country));
        }
    }
}
