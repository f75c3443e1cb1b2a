package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.Category;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimePrecision;
import org.selfdata.texts.Language;
import org.selfdata.vault.SampleRecipients;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules a grant is held to against a declaration, without a vault: Météo Locale declares notifications by region. */
class ConsentTest {
    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    private static final ProcessingDeclaration DECLARATION = SampleRecipients.notificationsByRegion(1);
    private static final GrantTerms JUSTIFIED = new GrantTerms(RecipientId.of("meteo-locale"), 1, GrantKind.READ,
            Purpose.COMMUNICATION_MANAGEMENT, "notifications by region", LegalBasis.CONSENT, Set.of(),
            Set.of(Category.LOCATION), Set.of(), SampleRecipients.REGION_BY_DAY,
            org.selfdata.model.CoveredPeriod.fromGrant(), NOW, NOW.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000);
    private static final Precision BANDED_BY_MONTH = new Precision(LocationPrecision.NONE, AmountPrecision.BANDED,
            TimePrecision.MONTH, IdentifierPrecision.PSEUDONYMIZED);
    private static final String THE_BUDGET = "the declared purpose, monthly budget by category,";

    @Test
    void termsWithinTheDeclarationAreAccepted() {
        assertThat(Consent.check(JUSTIFIED, DECLARATION, NOW)).isEqualTo(new ConsentCheck.Acceptance(JUSTIFIED));
    }

    @Test
    void coarserThanTheCeilingAndNarrowerCategoriesAreAccepted() {
        GrantTerms coarser = JUSTIFIED.withData(Set.of(RecordType.GEO_VISIT), Set.of(Category.GPS_COORDINATE),
                SampleRecipients.REGION_BY_DAY.withLocation(LocationPrecision.COUNTRY).withTime(TimePrecision.MONTH));

        assertThat(Consent.check(coarser, DECLARATION, NOW)).isInstanceOf(ConsentCheck.Acceptance.class);
    }

    @Test
    void exactLocationIsRefusedWithTheReasonAndRegionIsOffered() {
        GrantTerms exact = JUSTIFIED.withPrecision(SampleRecipients.REGION_BY_DAY.withLocation(LocationPrecision.EXACT));

        Refusal refusal = (Refusal) Consent.check(exact, DECLARATION, NOW);

        assertThat(refusal.reasons()).containsExactly("asks for location at exact precision; the declared purpose, "
                + "notifications by region, needs location at region precision");
        assertThat(refusal.justified()).contains(JUSTIFIED);
    }

    @Test
    void aRefusalIsGivenInFrenchWithTheRecipientsOwnWordsLeftAsTheyAre() {
        GrantTerms exact = JUSTIFIED.withPrecision(SampleRecipients.REGION_BY_DAY.withLocation(LocationPrecision.EXACT));

        Refusal refusal = (Refusal) Consent.check(exact, DECLARATION, NOW);

        assertThat(refusal.reasons(Language.FRENCH)).containsExactly("demande des lieux à la précision exact ; "
                + "la finalité déclarée, notifications by region, se limite à des lieux à la précision region");
        assertThat(refusal.toException().message(Language.FRENCH)).isEqualTo("l’autorisation va au-delà du traitement "
                + "déclaré par le destinataire : demande des lieux à la précision exact ; la finalité déclarée, "
                + "notifications by region, se limite à des lieux à la précision region");
    }

    @Test
    void everyReasonIsGivenAndEveryExcessBroughtBack() {
        GrantTerms greedy = new GrantTerms(RecipientId.of("meteo-locale"), 1, GrantKind.READ,
                Purpose.COMMUNICATION_MANAGEMENT, "notifications by region", LegalBasis.LEGITIMATE_INTEREST,
                Set.of(RecordType.BANK_TRANSACTION, RecordType.GEO_POINT), Set.of(Category.TRACKING, Category.FINANCIAL),
                Set.of(), Precision.EXACT.withIdentifiers(IdentifierPrecision.CLEAR).withAmount(AmountPrecision.rounded(1)),
                org.selfdata.model.CoveredPeriod.fromGrant(), NOW, NOW.plus(Duration.ofDays(400)), Duration.ofDays(90), 5_000);

        Refusal refusal = (Refusal) Consent.check(greedy, DECLARATION, NOW);

        String theDeclared = "the declared purpose, notifications by region,";
        assertThat(refusal.reasons()).containsExactly(
                "rests on legitimate interests (GDPR art. 6(1)(f)); " + theDeclared + " rests on consent (GDPR art. 6(1)(a))",
                "asks for pd:Financial, which " + theDeclared + " does not need; it needs pd:Location",
                "asks for pd:Tracking, which " + theDeclared + " does not need; it needs pd:Location",
                "asks for bank.transaction records, which " + theDeclared + " does not need",
                "asks for location at exact precision; " + theDeclared + " needs location at region precision",
                "asks for time at exact precision; " + theDeclared + " needs time at day precision",
                "asks to keep the data 90 days; the recipient declares it keeps data 30 days",
                "lasts more than 366 days; a grant lasts at most 366 days and can be given again");
        GrantTerms offered = refusal.justified().orElseThrow();
        assertThat(offered.legalBasis()).isEqualTo(LegalBasis.CONSENT);
        assertThat(offered.categories()).containsExactly(Category.LOCATION);
        assertThat(offered.types()).containsExactly(RecordType.GEO_POINT);
        assertThat(offered.precision()).isEqualTo(new Precision(LocationPrecision.REGION, AmountPrecision.rounded(1),
                TimePrecision.DAY, IdentifierPrecision.CLEAR));
        assertThat(offered.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(offered.validUntil()).isEqualTo(NOW.plus(Duration.ofDays(366)));
        assertThat(offered.volumeLimit()).isEqualTo(5_000);
        assertThat(Consent.check(offered, DECLARATION, NOW)).isEqualTo(new ConsentCheck.Acceptance(offered));
    }

    @Test
    void aCategoryThatOpensTypesThePurposeDoesNotNameIsRefusedAndOnlyTheNamedTypesAreOffered() {
        ProcessingDeclaration pointsOnly = new ProcessingDeclaration(1, List.of(new DeclaredPurpose(
                Purpose.COMMUNICATION_MANAGEMENT, "notifications by region", Set.of(Category.LOCATION),
                Set.of(RecordType.GEO_POINT), SampleRecipients.REGION_BY_DAY, LegalBasis.CONSENT)), List.of(), List.of(),
                Duration.ofDays(30), List.of());

        Refusal refusal = (Refusal) Consent.check(JUSTIFIED, pointsOnly, NOW);

        assertThat(refusal.reasons()).containsExactly("asks for pd:Location, which would open geo.trip, geo.visit records "
                + "too; the declared purpose, notifications by region, needs only geo.point");
        GrantTerms offered = refusal.justified().orElseThrow();
        assertThat(offered.categories()).isEmpty();
        assertThat(offered.types()).containsExactly(RecordType.GEO_POINT);
        assertThat(GrantScope.readableTypes(offered)).containsExactly(RecordType.GEO_POINT);
        assertThat(Consent.check(offered, pointsOnly, NOW)).isEqualTo(new ConsentCheck.Acceptance(offered));
    }

    @Test
    void anUndeclaredPurposeIsRefusedWithNothingToOffer() {
        GrantTerms marketing = new GrantTerms(RecipientId.of("meteo-locale"), 1, GrantKind.READ, Purpose.MARKETING,
                "notifications by region", LegalBasis.CONSENT, Set.of(), Set.of(Category.LOCATION), Set.of(),
                SampleRecipients.REGION_BY_DAY, org.selfdata.model.CoveredPeriod.fromGrant(), NOW,
                NOW.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000);

        Refusal refusal = (Refusal) Consent.check(marketing, DECLARATION, NOW);

        assertThat(refusal.reasons()).containsExactly("asks for the purpose dpv:Marketing, which the recipient does not "
                + "declare; it declares dpv:CommunicationManagement (notifications by region)");
        assertThat(refusal.justified()).isEmpty();
    }

    @Test
    void termsDrawnUpOnAnEarlierDeclarationAreRefreshed() {
        Refusal refusal = (Refusal) Consent.check(JUSTIFIED, SampleRecipients.notificationsByRegion(2), NOW);

        assertThat(refusal.reasons()).containsExactly(
                "was drawn up on declaration version 1; the recipient now declares version 2");
        assertThat(refusal.justified()).contains(JUSTIFIED.withDeclarationVersion(2));
    }

    @Test
    void aGrantThatHasAlreadyEndedIsRefused() {
        Instant later = NOW.plus(Duration.ofDays(31));

        Refusal refusal = (Refusal) Consent.check(JUSTIFIED, DECLARATION, later);

        assertThat(refusal.reasons()).containsExactly(
                "ends its validity at 2025-07-01T08:00:00Z, before it would be given");
        assertThat(refusal.justified().orElseThrow().validFrom()).isEqualTo(later);
        assertThat(refusal.justified().orElseThrow().validUntil()).isEqualTo(later.plus(Duration.ofDays(30)));
    }

    @Test
    void freeTextTheDeclarationDoesNotNameIsRefusedFieldByFieldAndLeftOutOfTheOffer() {
        GrantTerms payees = budgetTerms(Set.of("label", "counterparty", "memo"));

        Refusal refusal = (Refusal) Consent.check(payees, budget(), NOW);

        assertThat(refusal.reasons()).containsExactly(
                "asks for the free-text field counterparty of bank.transaction records, which " + THE_BUDGET
                        + " does not name; it names no free-text field",
                "asks for the free-text field label of bank.transaction records, which " + THE_BUDGET
                        + " does not name; it names no free-text field",
                "asks for the free-text field memo of bank.transaction records, which " + THE_BUDGET
                        + " does not name; it names no free-text field");
        GrantTerms offered = refusal.justified().orElseThrow();
        assertThat(offered.fields()).isEmpty();
        assertThat(offered).isEqualTo(budgetTerms(Set.of()));
        assertThat(Consent.check(offered, budget(), NOW)).isEqualTo(new ConsentCheck.Acceptance(offered));
    }

    @Test
    void freeTextTheDeclarationNamesForThePurposeIsAcceptedAndKeptInTheOffer() {
        ProcessingDeclaration labels = budget(Map.of(RecordType.BANK_TRANSACTION, Set.of("label")));

        Refusal refusal = (Refusal) Consent.check(budgetTerms(Set.of("label", "counterparty", "memo")), labels, NOW);

        assertThat(refusal.reasons()).containsExactly(
                "asks for the free-text field counterparty of bank.transaction records, which " + THE_BUDGET
                        + " does not name; it names label of bank.transaction records",
                "asks for the free-text field memo of bank.transaction records, which " + THE_BUDGET
                        + " does not name; it names label of bank.transaction records");
        assertThat(refusal.justified()).contains(budgetTerms(Set.of("label")));
        assertThat(Consent.check(budgetTerms(Set.of("label")), labels, NOW))
                .isEqualTo(new ConsentCheck.Acceptance(budgetTerms(Set.of("label"))));
    }

    @Test
    void aFieldNamedForOneTypeIsNotJustifiedForAnotherTypeWithAFieldOfTheSameName() {
        ProcessingDeclaration posts = new ProcessingDeclaration(1, List.of(new DeclaredPurpose(Purpose.SERVICE_PROVISION,
                "a yearly book of your posts", Set.of(Category.COMMUNICATION), Set.of(),
                Map.of(RecordType.SOCIAL_POST, Set.of("text")), Precision.EXACT, LegalBasis.CONSENT)), List.of(),
                List.of(), Duration.ofDays(30), List.of());
        GrantTerms everything = new GrantTerms(RecipientId.of("livre-annuel"), 1, GrantKind.READ,
                Purpose.SERVICE_PROVISION, "a yearly book of your posts", LegalBasis.CONSENT, Set.of(),
                Set.of(Category.COMMUNICATION), Set.of("text"), Precision.EXACT, org.selfdata.model.CoveredPeriod.fromGrant(),
                NOW, NOW.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000);

        Refusal refusal = (Refusal) Consent.check(everything, posts, NOW);

        assertThat(refusal.reasons()).containsExactly("asks for the free-text field text of social.message records, "
                + "which the declared purpose, a yearly book of your posts, does not name; it names text of social.post "
                + "records");
        assertThat(refusal.justified().orElseThrow().fields()).isEmpty();
        GrantTerms postsOnly = everything.withData(Set.of(RecordType.SOCIAL_POST), Set.of(), Precision.EXACT);
        assertThat(Consent.check(postsOnly, posts, NOW)).isEqualTo(new ConsentCheck.Acceptance(postsOnly));
    }

    @Test
    void aFieldThatIsNotFreeTextOfTheGrantedTypesIsInvalidAndNamed() {
        GrantTerms coordinates = JUSTIFIED.withFields(Set.of("latitude", "memo", "placeName"));

        assertThatThrownBy(() -> Consent.check(coordinates, DECLARATION, NOW))
                .hasMessage("the grant names latitude, memo, which are not free-text fields of the record types it covers "
                        + "(geo.point, geo.trip, geo.visit); their free-text fields are address, placeName")
                .extracting(failure -> ((SelfdataException) failure).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void aDeclarationNamingAFieldThatIsNotFreeTextIsInvalidAndNamed() {
        ProcessingDeclaration visits = new ProcessingDeclaration(1, List.of(new DeclaredPurpose(Purpose.SERVICE_PROVISION,
                "a diary of the places you went", Set.of(Category.LOCATION), Set.of(),
                Map.of(RecordType.GEO_VISIT, Set.of("placeName", "latitude", "placeId")), Precision.EXACT,
                LegalBasis.CONSENT)), List.of(), List.of(), Duration.ofDays(30), List.of());

        assertThatThrownBy(() -> Consent.requireFreeText(visits))
                .hasMessage("the declared purpose dpv:ServiceProvision names latitude, placeId of geo.visit records, which "
                        + "are not free-text fields; their free-text fields are address, placeName")
                .extracting(failure -> ((SelfdataException) failure).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(Consent.requireFreeText(budget(Map.of(RecordType.BANK_TRANSACTION, Set.of("label")))))
                .isEqualTo(budget(Map.of(RecordType.BANK_TRANSACTION, Set.of("label"))));
    }

    /** A budget app's declaration, amounts banded by month, as written before declarations named free text. */
    private static ProcessingDeclaration budget() {
        return new ProcessingDeclaration(1, List.of(new DeclaredPurpose(Purpose.SERVICE_PROVISION,
                "monthly budget by category", Set.of(Category.TRANSACTION), Set.of(RecordType.BANK_TRANSACTION),
                BANDED_BY_MONTH, LegalBasis.CONSENT)), List.of(), List.of(), Duration.ofDays(30), List.of());
    }

    private static ProcessingDeclaration budget(Map<RecordType, Set<String>> fields) {
        return new ProcessingDeclaration(1, List.of(new DeclaredPurpose(Purpose.SERVICE_PROVISION,
                "monthly budget by category", Set.of(Category.TRANSACTION), Set.of(RecordType.BANK_TRANSACTION), fields,
                BANDED_BY_MONTH, LegalBasis.CONSENT)), List.of(), List.of(), Duration.ofDays(30), List.of());
    }

    private static GrantTerms budgetTerms(Set<String> fields) {
        return new GrantTerms(RecipientId.of("budget-malin"), 1, GrantKind.READ, Purpose.SERVICE_PROVISION,
                "monthly budget by category", LegalBasis.CONSENT, Set.of(RecordType.BANK_TRANSACTION), Set.of(), fields,
                BANDED_BY_MONTH, org.selfdata.model.CoveredPeriod.fromGrant(), NOW, NOW.plus(Duration.ofDays(30)),
                Duration.ofDays(30), 1_000);
    }
}
