package org.selfdata.demo;

import org.selfdata.gate.Consent;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.Category;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PersonId;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimePrecision;
import org.selfdata.vault.Recipients;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The four recipients of Camille's story, all fictional, and what each declares of its processing (GDPR art. 30):
 * PayEtud, a payment app for students, whose first declaration is about payments alone and whose second adds the
 * opening hours of restaurants nearby, for which positions to the region are enough; WattCoach, which coaches
 * households to use less electricity from their readings to the day; Université Confluence, which sends transcripts and
 * certificates back into its students' vaults; and DataRéclame, an intermediary that declares it resells the places
 * people go to advertisers.
 *
 * <p>They are registered as the server registers a recipient: the declaration checked as the server checks one, the
 * recipient added by the vault's operator, then its declaration written as version 1. None of them will ever sign in,
 * so none is given a client secret.
 */
final class DemoRecipients {
    static final String PAYMENTS_APP = "PayEtud";
    static final String COACH = "WattCoach";
    static final String UNIVERSITY = "Université Confluence";
    static final String BROKER = "DataRéclame";
    static final String PAYMENTS = "Paiements entre étudiants et au restaurant universitaire";
    static final String RESTAURANTS = "Horaires d’ouverture des restaurants à proximité";
    static final String SAVINGS = "Conseils jour par jour pour consommer moins d’électricité";
    static final String RESTITUTION = "Relevés de notes et certificats de scolarité rendus dans le coffre de l’étudiant";
    static final String RESALE = "Revente des lieux fréquentés à des annonceurs";
    static final String ADVERTISERS = "Annonceurs et régies publicitaires, qui achètent les lieux fréquentés";

    private static final Duration YEAR = Duration.ofDays(365);
    private static final Precision NO_LOCATION = new Precision(LocationPrecision.NONE, AmountPrecision.EXACT,
            TimePrecision.DAY, IdentifierPrecision.PSEUDONYMIZED);
    private static final List<String> SECURITY = List.of("Chiffrement des données au repos et en transit",
            "Accès réservé au personnel habilité, journalisé");

    private final Recipients recipients;
    private final PersonId operator;

    /** @param operator the vault's operator, who admits recipients: Camille, on her own vault */
    DemoRecipients(Recipients recipients, PersonId operator) {
        this.recipients = requireNonNull(recipients, "recipients is null");
        this.operator = requireNonNull(operator, "operator is null");
    }

    /** PayEtud on its first declaration: payments, which need no position at all. */
    Recipient paymentApp() {
        return register(identity(PAYMENTS_APP, "PayEtud SAS", "dpo@payetud.example"),
                URI.create("https://payetud.example/oauth/retour"), Recipient.Kind.APP, List.of(payments()));
    }

    /** PayEtud's second declaration: payments as before, and restaurants nearby, told from positions to the region. */
    ProcessingDeclaration restaurantsNearby(Recipient paymentApp) {
        DeclaredPurpose restaurants = new DeclaredPurpose(Purpose.SERVICE_PERSONALISATION, RESTAURANTS,
                Set.of(Category.LOCATION), Set.of(RecordType.GEO_POINT), new Precision(LocationPrecision.REGION,
                AmountPrecision.NONE, TimePrecision.HOUR, IdentifierPrecision.PSEUDONYMIZED), LegalBasis.CONSENT);
        return recipients.declare(operator, paymentApp.id(), declaration(2, List.of(payments(), restaurants), List.of()));
    }

    Recipient coach() {
        return register(identity(COACH, "WattCoach SAS", "vie-privee@wattcoach.example"),
                URI.create("https://wattcoach.example/connexion/selfdata"), Recipient.Kind.SERVICE,
                List.of(new DeclaredPurpose(Purpose.SERVICE_PROVISION, SAVINGS, Set.of(Category.HOUSEHOLD),
                        Set.of(RecordType.ENERGY_READING), NO_LOCATION, LegalBasis.CONSENT)));
    }

    Recipient university() {
        return register(identity(UNIVERSITY, "Université Confluence de Lyon", "dpo@universite-confluence.example"),
                URI.create("https://ent.universite-confluence.example/selfdata"), Recipient.Kind.ORGANIZATION,
                List.of(new DeclaredPurpose(Purpose.SERVICE_PROVISION, RESTITUTION, Set.of(Category.PERSONAL_DOCUMENTS),
                        Set.of(RecordType.DOCUMENT), Precision.EXACT, LegalBasis.PUBLIC_INTEREST)));
    }

    /** DataRéclame: the places a person goes, exactly, sold on to advertisers. */
    Recipient broker() {
        DeclaredPurpose resale = new DeclaredPurpose(Purpose.ADVERTISING, RESALE, Set.of(Category.LOCATION),
                Set.of(RecordType.GEO_VISIT), Precision.EXACT.withIdentifiers(IdentifierPrecision.PSEUDONYMIZED),
                LegalBasis.CONSENT);
        return register(identity(BROKER, "DataRéclame SAS", "contact@datareclame.example"),
                URI.create("https://datareclame.example/oauth"), Recipient.Kind.SERVICE, List.of(resale), List.of(ADVERTISERS));
    }

    private static DeclaredPurpose payments() {
        return new DeclaredPurpose(Purpose.SERVICE_PROVISION, PAYMENTS, Set.of(Category.TRANSACTION),
                Set.of(RecordType.BANK_TRANSACTION), NO_LOCATION, LegalBasis.CONTRACT);
    }

    private Recipient register(RecipientIdentity identity, URI redirect, Recipient.Kind kind, List<DeclaredPurpose> purposes) {
        return register(identity, redirect, kind, purposes, List.of());
    }

    private Recipient register(RecipientIdentity identity, URI redirect, Recipient.Kind kind, List<DeclaredPurpose> purposes,
                               List<String> furtherRecipients) {
        ProcessingDeclaration declaration = declaration(1, purposes, furtherRecipients);
        Recipient recipient = recipients.register(operator, identity, List.of(redirect), kind);
        recipients.declare(operator, recipient.id(), declaration);
        return recipient;
    }

    private static ProcessingDeclaration declaration(int version, List<DeclaredPurpose> purposes,
                                                     List<String> furtherRecipients) {
        return Consent.requireFreeText(new ProcessingDeclaration(version, purposes, furtherRecipients, List.of(), YEAR,
                SECURITY));
    }

    private static RecipientIdentity identity(String name, String legalName, String contact) {
        return new RecipientIdentity(name, legalName, "FR", contact, Optional.empty());
    }
}
