package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;

/**
 * A personal-data category from the W3C Data Privacy Vocabulary's personal-data extension (DPV-PD 2.x).
 *
 * <p>Categories form a hierarchy through {@link #broader()}: a grant on {@code pd:Financial} covers a
 * {@code pd:Transaction}. Only the terms selfdata's record types use, and their ancestors, are listed; the
 * term names are DPV's own so that receipts and declared processing can be compared term by term.
 */
public enum Category {
    FINANCIAL("Financial", "Financial"),
    FINANCIAL_ACCOUNT("FinancialAccount", "Financial account", FINANCIAL),
    BANK_ACCOUNT("BankAccount", "Bank account", FINANCIAL_ACCOUNT),
    TRANSACTIONAL("Transactional", "Spending and income", FINANCIAL),
    TRANSACTION("Transaction", "Financial transaction", TRANSACTIONAL),
    PURCHASE("Purchase", "Purchase", TRANSACTIONAL),
    INCOME("Income", "Income", TRANSACTIONAL),
    TRACKING("Tracking", "Tracking"),
    LOCATION("Location", "Location", TRACKING),
    GPS_COORDINATE("GPSCoordinate", "GPS coordinate", LOCATION),
    TRAVEL_HISTORY("TravelHistory", "Travel history", LOCATION),
    CONTACT("Contact", "Contact details", TRACKING),
    SOCIAL("Social", "Social"),
    COMMUNICATION("Communication", "Communication", SOCIAL),
    SOCIAL_MEDIA("SocialMedia", "Social media", COMMUNICATION),
    SOCIAL_MEDIA_COMMUNICATION("SocialMediaCommunication", "Social media communication", COMMUNICATION),
    SOCIAL_NETWORK("SocialNetwork", "Social network", SOCIAL),
    HOUSEHOLD("Household", "Household activity"),
    EXTERNAL("External", "External characteristics"),
    BEHAVIORAL("Behavioral", "Behaviour and activity", EXTERNAL),
    PERSONAL_DOCUMENTS("PersonalDocuments", "Personal documents", EXTERNAL);

    private static final String NAMESPACE = "https://w3id.org/dpv/pd#";

    private final String localName;
    private final String label;
    private final Optional<Category> broader;

    Category(String localName, String label) {
        this.localName = localName;
        this.label = label;
        this.broader = Optional.empty();
    }

    Category(String localName, String label, Category broader) {
        this.localName = localName;
        this.label = label;
        this.broader = Optional.of(broader);
    }

    /** The compact form used in storage, exports and receipts, such as {@code pd:Transaction}. */
    public String term() {
        return "pd:" + localName;
    }

    public String iri() {
        return NAMESPACE + localName;
    }

    public String label() {
        return label;
    }

    public Optional<Category> broader() {
        return broader;
    }

    /** True when this category is {@code ancestor} itself or sits below it. */
    public boolean isWithin(Category ancestor) {
        for (Optional<Category> current = Optional.of(this); current.isPresent(); current = current.get().broader) {
            if (current.get() == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Reads a category from its compact term ({@code pd:Transaction}) or its full IRI. */
    public static Category fromTerm(String term) {
        Category compact = Holder.BY_TERM.get(term);
        if (compact != null) {
            return compact;
        }
        String localName = term.startsWith("pd:") ? term.substring(3)
                : term.startsWith(NAMESPACE) ? term.substring(NAMESPACE.length())
                : term;
        Category category = Holder.BY_LOCAL_NAME.get(localName);
        if (category == null) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.categoryUnknown", Fields.quotable(term)));
        }
        return category;
    }

    /** Built on first use, after the constants exist. */
    private static final class Holder {
        private static final Map<String, Category> BY_LOCAL_NAME = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(category -> category.localName, Function.identity()));
        private static final Map<String, Category> BY_TERM = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(Category::term, Function.identity()));
    }
}
