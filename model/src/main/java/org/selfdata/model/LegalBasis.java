package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Arrays;

/**
 * The lawful ground of a processing under GDPR article 6(1), with the DPV term for it and the article's own term
 * from DPV's EU GDPR extension, both of which go into receipts.
 */
public enum LegalBasis {
    CONSENT("A6-1-a", "Consent", "consent"),
    CONTRACT("A6-1-b", "Contract", "performance of a contract"),
    LEGAL_OBLIGATION("A6-1-c", "LegalObligation", "a legal obligation"),
    VITAL_INTEREST("A6-1-d", "VitalInterest", "vital interests"),
    PUBLIC_INTEREST("A6-1-e", "PublicInterest", "a task in the public interest"),
    LEGITIMATE_INTEREST("A6-1-f", "LegitimateInterest", "legitimate interests");

    private final String article;
    private final String dpvName;
    private final String label;

    LegalBasis(String article, String dpvName, String label) {
        this.article = article;
        this.dpvName = dpvName;
        this.label = label;
    }

    /** The article's term, such as {@code eu-gdpr:A6-1-a}: what storage and the API use. */
    public String term() {
        return "eu-gdpr:" + article;
    }

    public String iri() {
        return "https://w3id.org/dpv/legal/eu/gdpr#" + article;
    }

    /** The generic DPV term, such as {@code dpv:Consent}. */
    public String dpvTerm() {
        return "dpv:" + dpvName;
    }

    /** In words, such as {@code consent (GDPR art. 6(1)(a))}. */
    public String label() {
        return label + " (GDPR art. 6(1)(" + article.charAt(article.length() - 1) + "))";
    }

    /** Reads a basis from its article term ({@code eu-gdpr:A6-1-a}) or its DPV term ({@code dpv:Consent}). */
    public static LegalBasis fromTerm(String term) {
        return Arrays.stream(values())
                .filter(basis -> basis.term().equals(term) || basis.dpvTerm().equals(term) || basis.iri().equals(term))
                .findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.model.legalBasisUnknown", Terms.bounded(term))));
    }
}
