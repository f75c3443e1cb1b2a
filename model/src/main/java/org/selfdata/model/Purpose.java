package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why a recipient processes personal data, as a W3C Data Privacy Vocabulary (DPV 2.x) purpose.
 *
 * <p>Terms are DPV's own so that a declaration, a grant and a receipt can be compared term by term and read by
 * other DPV tools. {@link #broader()} follows DPV's hierarchy where it has one, keeping one parent where DPV lists
 * several: a declaration of {@code dpv:Advertising} does not justify {@code dpv:Marketing} in general, but the
 * person can see that it is a kind of marketing.
 */
public enum Purpose {
    SERVICE_PROVISION("ServiceProvision", "Service provision"),
    SERVICE_PERSONALISATION("ServicePersonalisation", "Service personalisation", SERVICE_PROVISION),
    COMMUNICATION_MANAGEMENT("CommunicationManagement", "Communication management"),
    CUSTOMER_MANAGEMENT("CustomerManagement", "Customer management"),
    CUSTOMER_CARE("CustomerCare", "Customer care", CUSTOMER_MANAGEMENT),
    ACCOUNT_MANAGEMENT("AccountManagement", "Account management"),
    MARKETING("Marketing", "Marketing"),
    ADVERTISING("Advertising", "Advertising", MARKETING),
    PERSONALISED_ADVERTISING("PersonalisedAdvertising", "Personalised advertising", ADVERTISING),
    RESEARCH_AND_DEVELOPMENT("ResearchAndDevelopment", "Research and development"),
    ACADEMIC_RESEARCH("AcademicResearch", "Academic research", RESEARCH_AND_DEVELOPMENT),
    ENFORCE_SECURITY("EnforceSecurity", "Enforce security"),
    FRAUD_PREVENTION_AND_DETECTION("FraudPreventionAndDetection", "Fraud prevention and detection", ENFORCE_SECURITY),
    FULFILMENT_OF_OBLIGATION("FulfilmentOfObligation", "Fulfilment of obligation"),
    LEGAL_COMPLIANCE("LegalCompliance", "Legal compliance", FULFILMENT_OF_OBLIGATION);

    private static final String NAMESPACE = "https://w3id.org/dpv#";

    private final String localName;
    private final String label;
    private final Optional<Purpose> broader;

    Purpose(String localName, String label) {
        this.localName = localName;
        this.label = label;
        this.broader = Optional.empty();
    }

    Purpose(String localName, String label, Purpose broader) {
        this.localName = localName;
        this.label = label;
        this.broader = Optional.of(broader);
    }

    /** The compact form used in storage, the API and receipts, such as {@code dpv:ServiceProvision}. */
    public String term() {
        return "dpv:" + localName;
    }

    public String iri() {
        return NAMESPACE + localName;
    }

    public String label() {
        return label;
    }

    public Optional<Purpose> broader() {
        return broader;
    }

    /** True when this purpose is {@code ancestor} itself or a narrower kind of it. */
    public boolean isWithin(Purpose ancestor) {
        for (Optional<Purpose> current = Optional.of(this); current.isPresent(); current = current.get().broader) {
            if (current.get() == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Reads a purpose from its compact term ({@code dpv:Marketing}) or its full IRI. */
    public static Purpose fromTerm(String term) {
        String localName = term.startsWith("dpv:") ? term.substring(4)
                : term.startsWith(NAMESPACE) ? term.substring(NAMESPACE.length())
                : term;
        Purpose purpose = Holder.BY_LOCAL_NAME.get(localName);
        if (purpose == null) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.purposeUnknown", Terms.bounded(term)));
        }
        return purpose;
    }

    /** Built on first use, after the constants exist. */
    private static final class Holder {
        private static final Map<String, Purpose> BY_LOCAL_NAME = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(purpose -> purpose.localName, Function.identity()));
    }
}
