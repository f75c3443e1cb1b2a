package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.selfdata.model.Category;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SharingJsonTest {
    private static final Recipient METEO = new Recipient(RecipientId.of("meteo-locale"), SampleRecipients.METEO_LOCALE,
            SampleRecipients.METEO_REDIRECTS, Recipient.Kind.APP);

    @Test
    void termsAreWrittenInOneCanonicalForm() {
        GrantTerms terms = SampleRecipients.regionTerms(METEO, Instant.parse("2025-06-01T08:00:00Z"), Duration.ofDays(30));

        assertThat(SharingJson.terms(terms)).isEqualTo("{\"recipient\":\"meteo-locale\",\"declarationVersion\":1,"
                + "\"kind\":\"read\",\"purpose\":\"dpv:CommunicationManagement\","
                + "\"purposeDescription\":\"notifications by region\","
                + "\"legalBasis\":\"eu-gdpr:A6-1-a\",\"types\":[],\"categories\":[\"pd:Location\"],\"fields\":[],"
                + "\"precision\":{\"location\":\"region\",\"amount\":\"exact\",\"time\":\"day\",\"identifiers\":\"clear\"},"
                + "\"covered\":\"from-grant\",\"validFrom\":\"2025-06-01T08:00:00Z\",\"validUntil\":\"2025-07-01T08:00:00Z\","
                + "\"retention\":\"P30D\",\"volumeLimit\":1000}");
        assertThat(SharingJson.terms(SharingJson.terms(terms))).isEqualTo(terms);
    }

    @Test
    void aDeclarationReadsBackAsWritten() {
        assertThat(SharingJson.declaration(SharingJson.declaration(SampleRecipients.notificationsByRegion(3))))
                .isEqualTo(SampleRecipients.notificationsByRegion(3));
        assertThat(SharingJson.declaration(SampleRecipients.notificationsByRegion(1)))
                .contains("\"transfers\":[{\"country\":\"US\",\"safeguard\":\"eu-gdpr:A46-2-c\"}],\"retention\":\"P30D\"");
    }

    @Test
    void aPurposeNamingFreeTextWritesItByTypeAndReadsItBack() {
        DeclaredPurpose budget = new DeclaredPurpose(Purpose.SERVICE_PROVISION, "monthly budget by category",
                Set.of(Category.FINANCIAL), Set.of(), Map.of(RecordType.BANK_TRANSACTION, Set.of("memo", "label"),
                        RecordType.BANK_ACCOUNT, Set.of("name")), SampleRecipients.REGION_BY_DAY, LegalBasis.CONSENT);
        ProcessingDeclaration declaration = new ProcessingDeclaration(1, List.of(budget), List.of(), List.of(),
                Duration.ofDays(30), List.of());

        String json = SharingJson.declaration(declaration);

        assertThat(json).contains("\"types\":[],\"fields\":{\"bank.account\":[\"name\"],"
                + "\"bank.transaction\":[\"label\",\"memo\"]},\"ceiling\":");
        assertThat(SharingJson.declaration(json)).isEqualTo(declaration);
    }

    @Test
    void aDeclarationStoredBeforePurposesNamedFreeTextNamesNoneAndKeepsItsText() {
        String stored = SharingJson.declaration(SampleRecipients.notificationsByRegion(1));

        assertThat(stored).doesNotContain("fields");
        assertThat(SharingJson.declaration(stored).purposes().getFirst().fields()).isEmpty();
    }
}
