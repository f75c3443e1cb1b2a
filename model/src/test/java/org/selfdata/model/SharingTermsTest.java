package org.selfdata.model;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharingTermsTest {
    private static final Instant GIVEN = Instant.parse("2025-06-01T08:00:00Z");
    private static final RecipientIdentity MÉTÉO = new RecipientIdentity("Météo Locale", "Météo Locale SAS", "FR",
            "privacy@meteo-locale.example", Optional.empty());

    @Test
    void purposesAreDpvTermsWithTheirHierarchy() {
        assertThat(Purpose.COMMUNICATION_MANAGEMENT.term()).isEqualTo("dpv:CommunicationManagement");
        assertThat(Purpose.PERSONALISED_ADVERTISING.iri()).isEqualTo("https://w3id.org/dpv#PersonalisedAdvertising");
        assertThat(Purpose.PERSONALISED_ADVERTISING.isWithin(Purpose.MARKETING)).isTrue();
        assertThat(Purpose.MARKETING.isWithin(Purpose.ADVERTISING)).isFalse();
        assertThat(Purpose.fromTerm("dpv:AcademicResearch")).isEqualTo(Purpose.ACADEMIC_RESEARCH);
        assertThatThrownBy(() -> Purpose.fromTerm("dpv:Horoscope"))
                .hasMessage("unknown purpose 'dpv:Horoscope'; expected a DPV term such as dpv:ServiceProvision");
    }

    @Test
    void legalBasesAreTheSixOfArticleSix() {
        assertThat(LegalBasis.values()).hasSize(6);
        assertThat(LegalBasis.CONSENT.term()).isEqualTo("eu-gdpr:A6-1-a");
        assertThat(LegalBasis.LEGITIMATE_INTEREST.dpvTerm()).isEqualTo("dpv:LegitimateInterest");
        assertThat(LegalBasis.CONTRACT.label()).isEqualTo("performance of a contract (GDPR art. 6(1)(b))");
        assertThat(LegalBasis.fromTerm("dpv:Consent")).isEqualTo(LegalBasis.CONSENT);
    }

    @Test
    void redirectUrisAreHttpsOrLoopbackHttp() {
        RecipientId id = RecipientId.of("meteo-locale");
        assertThat(new Recipient(id, MÉTÉO, List.of(URI.create("https://meteo.example/back"),
                URI.create("http://127.0.0.1:8123/back")), Recipient.Kind.APP).redirectUris()).hasSize(2);
        assertThatThrownBy(() -> new Recipient(id, MÉTÉO, List.of(URI.create("http://meteo.example/back")),
                Recipient.Kind.APP))
                .hasMessage("a redirect URI must use https, or http on the loopback interface (localhost, 127.0.0.1 or [::1])");
        assertThatThrownBy(() -> new Recipient(id, MÉTÉO, List.of(URI.create("https://meteo.example/back#x")),
                Recipient.Kind.APP))
                .hasMessage("a redirect URI must be absolute, name a host, and have neither a fragment nor user information");
    }

    @Test
    void anIdentityNamesACountryByItsCode() {
        assertThatThrownBy(() -> new RecipientIdentity("Météo", "Météo SAS", "France", "a@b.example", Optional.empty()))
                .hasMessage("a recipient's country must be an ISO 3166-1 code of two capital letters, such as FR");
        assertThatThrownBy(() -> new RecipientIdentity(" ", "Météo SAS", "FR", "a@b.example", Optional.empty()))
                .hasMessage("a recipient's name must be 1 to 120 characters");
    }

    @Test
    void aTransferWithinTheEconomicAreaIsNotATransfer() {
        assertThat(new DataTransfer("US", DataTransfer.Safeguard.STANDARD_CONTRACTUAL_CLAUSES).safeguard().term())
                .isEqualTo("eu-gdpr:A46-2-c");
        assertThatThrownBy(() -> new DataTransfer("DE", DataTransfer.Safeguard.ADEQUACY_DECISION))
                .hasMessage("a transfer to DE stays within the European Economic Area and needs no declaration");
    }

    @Test
    void aDeclaredTypeMustFallWithinTheDeclaredCategories() {
        assertThatThrownBy(() -> new DeclaredPurpose(Purpose.COMMUNICATION_MANAGEMENT, "notifications by region",
                Set.of(Category.LOCATION), Set.of(RecordType.BANK_TRANSACTION), Precision.EXACT, LegalBasis.CONSENT))
                .hasMessage("the declared purpose dpv:CommunicationManagement needs bank.transaction records, whose category "
                        + "pd:Transaction is not among its categories");
    }

    @Test
    void aDeclaredPurposeNamesFreeTextOnlyOfTheTypesItNeeds() {
        DeclaredPurpose budget = new DeclaredPurpose(Purpose.SERVICE_PROVISION, "monthly budget by category",
                Set.of(Category.FINANCIAL), Set.of(), Map.of(RecordType.BANK_TRANSACTION, Set.of("label"),
                        RecordType.BANK_ACCOUNT, Set.of()), Precision.EXACT, LegalBasis.CONSENT);

        assertThat(budget.fields()).isEqualTo(Map.of(RecordType.BANK_TRANSACTION, Set.of("label")));
        assertThat(budget.fields(RecordType.BANK_TRANSACTION)).containsExactly("label");
        assertThat(budget.fields(RecordType.BANK_ACCOUNT)).isEmpty();
        assertThatThrownBy(() -> new DeclaredPurpose(Purpose.SERVICE_PROVISION, "monthly budget by category",
                Set.of(Category.FINANCIAL), Set.of(), Map.of(RecordType.SOCIAL_MESSAGE, Set.of("text")),
                Precision.EXACT, LegalBasis.CONSENT))
                .hasMessage("the declared purpose dpv:ServiceProvision names free-text fields of social.message records, "
                        + "which it does not need");
        assertThatThrownBy(() -> new DeclaredPurpose(Purpose.SERVICE_PROVISION, "monthly budget by category",
                Set.of(Category.FINANCIAL), Set.of(), Map.of(RecordType.BANK_TRANSACTION, Set.of("the payee")),
                Precision.EXACT, LegalBasis.CONSENT))
                .hasMessage("the declared purpose dpv:ServiceProvision names at most 50 free-text fields of "
                        + "bank.transaction records, each a field name such as label");
    }

    @Test
    void aDeclaredPurposeWrittenWithoutFreeTextNeedsNone() {
        DeclaredPurpose notifications = new DeclaredPurpose(Purpose.COMMUNICATION_MANAGEMENT, "notifications by region",
                Set.of(Category.LOCATION), Set.of(), Precision.EXACT, LegalBasis.CONSENT);

        assertThat(notifications.fields()).isEmpty();
        assertThat(notifications.needs(RecordType.GEO_VISIT)).isTrue();
        assertThat(notifications.needs(RecordType.CONTACT)).isFalse();
    }

    @Test
    void retentionIsAWholeNumberOfDays() {
        assertThatThrownBy(() -> terms().withRetention(Duration.ofHours(36)))
                .hasMessage("a grant's retention must be a whole number of days, 1 to 36500");
    }

    @Test
    void aGrantIsGivenUntilItsValidityEndsThenExpired() {
        Grant grant = new Grant(GrantId.of("grant-0001"), PersonId.of(1), terms(), GIVEN, Optional.empty());

        assertThat(grant.status(GIVEN.plus(Duration.ofDays(30)).minusMillis(1))).isEqualTo(GrantStatus.GIVEN);
        assertThat(grant.status(GIVEN.plus(Duration.ofDays(30)))).isEqualTo(GrantStatus.EXPIRED);
    }

    @Test
    void aWithdrawnGrantStaysWithdrawnEvenAfterItsValidity() {
        Grant grant = new Grant(GrantId.of("grant-0001"), PersonId.of(1), terms(), GIVEN, Optional.empty())
                .withdrawn(GIVEN.plusSeconds(60));

        assertThat(grant.status(GIVEN.plusSeconds(61))).isEqualTo(GrantStatus.WITHDRAWN);
        assertThat(grant.status(GIVEN.plus(Duration.ofDays(90)))).isEqualTo(GrantStatus.WITHDRAWN);
        assertThat(grant.isEffectiveAt(GIVEN.plusSeconds(61))).isFalse();
    }

    @Test
    void aGrantNamesSomeData() {
        GrantTerms terms = terms();
        assertThatThrownBy(() -> terms.withData(Set.of(), Set.of(), terms.precision()))
                .hasMessage("a grant names at least one record type or category");
    }

    @Test
    void coveredPeriodsReadBackFromTheirTerms() {
        CoveredPeriod between = new CoveredPeriod.Between(Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(between.term()).isEqualTo("between:2025-01-01T00:00:00Z/2025-04-01T00:00:00Z");
        assertThat(CoveredPeriod.parse(between.term())).isEqualTo(between);
        assertThat(CoveredPeriod.parse("trailing:P3M")).isEqualTo(CoveredPeriod.trailing(Period.ofMonths(3)));
        assertThat(CoveredPeriod.parse("from-grant")).isEqualTo(CoveredPeriod.fromGrant());
    }

    @Test
    void theLastThreeMonthsCountInThePersonsZone() {
        // 10:00 in Paris on 1 June (summer time) is 10:00 in Paris on 1 March, in winter time: 09:00 UTC.
        Instant now = Instant.parse("2025-06-01T08:00:00Z");
        assertThat(CoveredPeriod.trailing(Period.ofMonths(3)).earliest(GIVEN, now, ZoneId.of("Europe/Paris")))
                .isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
    }

    private static GrantTerms terms() {
        return new GrantTerms(RecipientId.of("meteo-locale"), 1, GrantKind.READ, Purpose.COMMUNICATION_MANAGEMENT,
                "notifications by region", LegalBasis.CONSENT, Set.of(), Set.of(Category.LOCATION), Set.of(),
                Precision.EXACT.withLocation(LocationPrecision.REGION), CoveredPeriod.fromGrant(), GIVEN,
                GIVEN.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000);
    }
}
