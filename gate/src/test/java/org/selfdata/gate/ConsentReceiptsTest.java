package org.selfdata.gate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.selfdata.model.Category;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.SampleRecipients;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentReceiptsTest {
    static final Instant GIVEN_AT = Instant.parse("2025-06-01T08:00:00Z");
    static final Recipient METEO = new Recipient(RecipientId.of("meteo-locale"), SampleRecipients.METEO_LOCALE,
            SampleRecipients.METEO_REDIRECTS, Recipient.Kind.APP);
    static final Grant GRANT = new Grant(GrantId.of("grant-0001"), PersonId.of(7),
            SampleRecipients.regionTerms(METEO, GIVEN_AT, Duration.ofDays(30)), GIVEN_AT, Optional.empty());

    private final ECKey vaultKey;
    private final ConsentReceipts receipts;

    ConsentReceiptsTest() throws JOSEException {
        vaultKey = new ECKeyGenerator(Curve.P_256).keyID("vault-2025-06").generate();
        receipts = new ConsentReceipts(new ECDSASigner(vaultKey), "vault-2025-06");
    }

    @Test
    void aReceiptFollowsTheConsentRecordStructureWithDpvTerms() {
        JsonNode record = PayloadCodec.mapper().readTree(receipts.given(GRANT, METEO).json());

        assertThat(record.get("schema_version").asString()).isEqualTo("ISO/IEC TS 27560:2023");
        assertThat(record.get("@context").get("dpv").asString()).isEqualTo("https://w3id.org/dpv#");
        assertThat(record.get("consent_id").asString()).isEqualTo("grant-0001");
        assertThat(record.get("record_timestamp").asString()).isEqualTo("2025-06-01T08:00:00.000Z");
        assertThat(record.get("consent_status").asString()).isEqualTo("dpv:ConsentGiven");
        assertThat(record.get("data_subject").get("id").asString()).isEqualTo("urn:selfdata:grant:grant-0001:subject");
        assertThat(record.get("controllers").get(0).get("legal_name").asString()).isEqualTo("Météo Locale SAS");
        assertThat(record.get("controllers").get(0).get("data_protection_officer").asString())
                .isEqualTo("dpo@meteo-locale.example");
        JsonNode purpose = record.get("purposes").get(0);
        assertThat(purpose.get("purpose").asString()).isEqualTo("dpv:CommunicationManagement");
        assertThat(purpose.get("description").asString()).isEqualTo("notifications by region");
        assertThat(purpose.get("legal_basis").asString()).isEqualTo("eu-gdpr:A6-1-a");
        assertThat(texts(purpose.get("personal_data"))).containsExactly("pd:GPSCoordinate", "pd:Location", "pd:TravelHistory");
        assertThat(purpose.get("selfdata:precision").get("location").asString()).isEqualTo("region");
        assertThat(purpose.get("storage").get("retention").asString()).isEqualTo("P30D");
        assertThat(record.get("duration").get("end").asString()).isEqualTo("2025-07-01T08:00:00.000Z");
        assertThat(record.toString()).doesNotContain("\"7\"").doesNotContain("camille");
    }

    @Test
    void aReceiptVerifiesAgainstThePublishedKey() {
        ConsentReceipt receipt = receipts.given(GRANT, METEO);

        ConsentReceipt verified = ConsentReceipts.verify(receipt.jws(), new JWKSet(vaultKey.toPublicJWK()));

        assertThat(verified).isEqualTo(receipt);
        assertThat(verified.event()).isEqualTo(ConsentEvent.GIVEN);
        assertThat(verified.grant()).isEqualTo(GrantId.of("grant-0001"));
    }

    @Test
    void aReceiptWithOneByteOfItsContentChangedFails() {
        String[] parts = receipts.given(GRANT, METEO).jws().split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String json = new String(payload, StandardCharsets.UTF_8);
        int at = json.indexOf("\"region\"") + 1;
        payload[at] = (byte) 'R';
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];

        assertThatThrownBy(() -> ConsentReceipts.verify(tampered, new JWKSet(vaultKey.toPublicJWK())))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the receipt's signature does not match the published key 'vault-2025-06': the receipt was "
                        + "changed after it was signed, or signed by another key");
    }

    @Test
    void aReceiptCheckedAgainstAnotherKeyFails() throws JOSEException {
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID("vault-2025-06").generate();
        ECKey unrelated = new ECKeyGenerator(Curve.P_256).keyID("other-vault").generate();
        String jws = receipts.given(GRANT, METEO).jws();

        assertThatThrownBy(() -> ConsentReceipts.verify(jws, new JWKSet(impostor.toPublicJWK())))
                .hasMessage("the receipt's signature does not match the published key 'vault-2025-06': the receipt was "
                        + "changed after it was signed, or signed by another key");
        assertThatThrownBy(() -> ConsentReceipts.verify(jws, new JWKSet(unrelated.toPublicJWK())))
                .hasMessage("the receipt was signed with key 'vault-2025-06', which is not among the published EC keys");
    }

    @Test
    void textThatIsNotAJwsIsNoReceipt() {
        assertThatThrownBy(() -> ConsentReceipts.verify("not a receipt", new JWKSet(vaultKey.toPublicJWK())))
                .hasMessage("this is not a consent receipt: it is not a compact JWS");
    }

    @Test
    void aGrantNotWithdrawnHasNoWithdrawalReceipt() {
        assertThatThrownBy(() -> receipts.withdrawn(GRANT, METEO))
                .hasMessage("grant grant-0001 is not withdrawn, so it has no withdrawal receipt");
    }

    @Test
    void aGrantByTypeNamesTheCategoryOfEachType() {
        JsonNode purpose = purpose(grantFor(Set.of(RecordType.GEO_POINT, RecordType.BANK_TRANSACTION), Set.of()));

        assertThat(texts(purpose.get("personal_data"))).containsExactly("pd:GPSCoordinate", "pd:Transaction");
        assertThat(texts(purpose.get("selfdata:record_types"))).containsExactly("bank.transaction", "geo.point");
    }

    @Test
    void aGrantByCategoryNamesItAndTheCategoryOfEachTypeItCovers() {
        JsonNode purpose = purpose(grantFor(Set.of(), Set.of(Category.LOCATION)));

        assertThat(texts(purpose.get("personal_data")))
                .containsExactly("pd:GPSCoordinate", "pd:Location", "pd:TravelHistory");
        assertThat(texts(purpose.get("selfdata:record_types"))).containsExactly("geo.point", "geo.trip", "geo.visit");
    }

    @Test
    void aGrantByTypesAndCategoriesNamesEachCategoryOnceInTermOrder() {
        JsonNode purpose = purpose(grantFor(Set.of(RecordType.GEO_POINT, RecordType.CONTACT),
                Set.of(Category.GPS_COORDINATE, Category.TRANSACTION)));

        assertThat(texts(purpose.get("personal_data"))).containsExactly("pd:Contact", "pd:GPSCoordinate", "pd:Transaction");
        assertThat(texts(purpose.get("selfdata:record_types"))).containsExactly("bank.transaction", "contact", "geo.point");
    }

    @Test
    void aReceiptNamesEachFreeTextFieldWithTheTypesItLeavesIn() {
        Grant grant = grantFor(Set.of(RecordType.BANK_TRANSACTION, RecordType.GEO_VISIT), Set.of());
        Grant withText = new Grant(grant.id(), grant.person(), grant.terms().withFields(Set.of("memo", "label", "address")),
                GIVEN_AT, Optional.empty());

        JsonNode fields = purpose(withText).get("selfdata:free_text_fields");

        assertThat(fields.toString()).isEqualTo("{\"bank.transaction\":[\"label\",\"memo\"],\"geo.visit\":[\"address\"]}");
        assertThat(purpose(grant).get("selfdata:free_text_fields").toString()).isEqualTo("{}");
    }

    private JsonNode purpose(Grant grant) {
        return PayloadCodec.mapper().readTree(receipts.given(grant, METEO).json()).get("purposes").get(0);
    }

    private static Grant grantFor(Set<RecordType> types, Set<Category> categories) {
        return new Grant(GRANT.id(), GRANT.person(), GRANT.terms().withData(types, categories, GRANT.terms().precision()),
                GIVEN_AT, Optional.empty());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
