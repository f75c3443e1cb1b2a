package org.selfdata.gate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.JWKSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.junit.jupiter.api.Test;
import org.selfdata.model.Grant;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.RecordType;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.gate.ConsentReceiptsTest.GIVEN_AT;
import static org.selfdata.gate.ConsentReceiptsTest.GRANT;
import static org.selfdata.gate.ConsentReceiptsTest.METEO;

/**
 * A receipt read as linked data says what the DPVCG guide to ISO/IEC TS 27560 asks of a consent record, statement by
 * statement, and conforms to shapes written from the guide's table of what a record must hold.
 */
class ConsentReceiptLinkedDataTest {
    private static final URI VAULT = URI.create("https://vault.example/");
    private static final String NAMESPACE = "https://vault.example/ns/consent#";
    private static final String NOTICE = "https://vault.example/ns/notices/meteo-locale/1";
    private static final Shapes SHAPES = shapes(NAMESPACE);

    private final ECDSASigner signer;
    private final ConsentReceipts receipts;

    ConsentReceiptLinkedDataTest() throws JOSEException {
        signer = new ECDSASigner(new ECKeyGenerator(Curve.P_256).keyID("vault").generate());
        receipts = new ConsentReceipts(signer, "vault", ReceiptAddresses.servedAt(() -> VAULT));
    }

    /**
     * The shapes, written with selfdata's terms in the namespace receipts used before vaults served their own, with
     * those terms in {@code namespace}: the same shapes for every vault.
     */
    static Shapes shapes(String namespace) {
        try (InputStream in = ConsentReceiptLinkedDataTest.class.getResourceAsStream("consent-receipt-shapes.ttl")) {
            String turtle = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("<" + ReceiptContext.UNSERVED_NAMESPACE + ">", "<" + namespace + ">");
            return Shapes.parse(RDFParser.fromString(turtle, Lang.TURTLE).toGraph());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReceiptGraph graph(ConsentReceipt receipt) {
        return ReceiptGraph.of(receipt.json(), NAMESPACE);
    }

    @Test
    void everyKeyOfAReceiptIsDefinedSoThatAProcessorRefusingUndefinedTermsReadsItWhole() {
        String json = receipts.given(GRANT, METEO).json();
        ObjectNode withAnUnknownKey = (ObjectNode) PayloadCodec.mapper().readTree(json);
        withAnUnknownKey.put("shoe_size", 42);

        assertThat(ReceiptGraph.of(json, NAMESPACE).graph().size()).isGreaterThan(40);
        assertThatThrownBy(() -> ReceiptGraph.of(withAnUnknownKey.toString(), NAMESPACE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("shoe_size");
    }

    @Test
    void theRecordIsAConsentRecordConformingToTheReceiptProfileWithItsIdentifierAndCreationTime() {
        ConsentReceipt receipt = receipts.given(GRANT, METEO);
        ReceiptGraph graph = graph(receipt);

        assertThat(graph.holds("<urn:selfdata:receipt:" + receipt.id() + "> a dpv:ConsentRecord ;"
                + " dct:conformsTo <https://w3id.org/dpv/schema/iso-27560#receipt-full> ;"
                + " dpv:hasIdentifier \"" + receipt.id() + "\" ;"
                + " dct:created \"2025-06-01T08:00:00.000Z\"^^xsd:dateTime ;"
                + " selfdata:consent_id \"grant-0001\" .")).isTrue();
    }

    @Test
    void theDataSubjectNoticeControllerAndRecipientAreResources() {
        ReceiptGraph graph = graph(receipts.given(GRANT, METEO));

        assertThat(graph.holds("?record dpv:hasDataSubject <urn:selfdata:grant:grant-0001:subject> ."
                + " <urn:selfdata:grant:grant-0001:subject> a dpv:DataSubject ;"
                + " selfdata:id_type dpv:Pseudonymisation .")).isTrue();
        assertThat(graph.holds("?record dpv:hasNotice <" + NOTICE + "> ."
                + " <" + NOTICE + "> a dpv:ConsentNotice ;"
                + " selfdata:declaration_version 1 .")).isTrue();
        assertThat(graph.holds("?record dpv:hasDataController <urn:selfdata:recipient:meteo-locale> ;"
                + " dpv:hasRecipient <urn:selfdata:recipient:meteo-locale> ."
                + " <urn:selfdata:recipient:meteo-locale> a dpv:DataController ;"
                + " selfdata:legal_name \"Météo Locale SAS\" ; selfdata:recipient_kind selfdata:app .")).isTrue();
    }

    @Test
    void thePurposeNamesItsPersonalDataProcessingAndLegalBasesAsIris() {
        ReceiptGraph graph = graph(receipts.given(GRANT, METEO));

        assertThat(graph.holds("?record dpv:hasPurpose ?purpose . ?purpose a dpv:CommunicationManagement ;"
                + " dct:description \"notifications by region\" ;"
                + " dpv:hasPersonalData pd:GPSCoordinate, pd:Location, pd:TravelHistory,"
                + " selfdata:geo.point, selfdata:geo.trip, selfdata:geo.visit ;"
                + " dpv:hasProcessing dpv:Disclose ;"
                + " dpv:hasLegalBasis eu-gdpr:A6-1-a, dpv:Consent .")).isTrue();
        assertThat(graph.holds("?purpose dpv:hasPersonalData \"pd:Location\" .")).isFalse();
    }

    @Test
    void everyTypeCoveredIsPersonalDataOfTheReceipt() {
        Grant grant = new Grant(GRANT.id(), GRANT.person(), GRANT.terms().withData(
                Set.of(RecordType.BANK_TRANSACTION, RecordType.GEO_POINT), Set.of(), GRANT.terms().precision()),
                GIVEN_AT, Optional.empty());

        ReceiptGraph graph = graph(receipts.given(grant, METEO));

        assertThat(graph.holds("?record dpv:hasPurpose ?purpose . ?purpose dpv:hasPersonalData pd:Transaction,"
                + " pd:GPSCoordinate, selfdata:bank.transaction, selfdata:geo.point ;"
                + " selfdata:record_types selfdata:bank.transaction, selfdata:geo.point .")).isTrue();
    }

    @Test
    void eachFreeTextFieldNamedStaysWithTheTypeItIsLeftIn() {
        Grant byType = new Grant(GRANT.id(), GRANT.person(), GRANT.terms().withData(
                Set.of(RecordType.BANK_TRANSACTION, RecordType.GEO_VISIT), Set.of(), GRANT.terms().precision()),
                GIVEN_AT, Optional.empty());
        Grant withText = new Grant(GRANT.id(), GRANT.person(), byType.terms().withFields(Set.of("memo", "address")),
                GIVEN_AT, Optional.empty());

        ReceiptGraph graph = graph(receipts.given(withText, METEO));

        assertThat(graph.holds("?purpose selfdata:free_text_fields ?fields ."
                + " ?fields selfdata:free_text_of_bank.transaction \"memo\" ;"
                + " selfdata:free_text_of_geo.visit \"address\" .")).isTrue();
        assertThat(graph.holds("?fields selfdata:free_text_of_geo.visit \"memo\" .")).isFalse();
    }

    @Test
    void theStatusTimeAndIndicatorOfTheConsentAreStatementsOfTheRecord() {
        ReceiptGraph given = graph(receipts.given(GRANT, METEO));
        Grant withdrawn = GRANT.withdrawn(GIVEN_AT.plusSeconds(3600).plusNanos(123_456_789));
        ReceiptGraph later = graph(receipts.withdrawn(withdrawn, METEO));

        assertThat(given.holds("?record dpv:hasConsentStatus dpv:ConsentGiven ;"
                + " dpv:isIndicatedAtTime \"2025-06-01T08:00:00.000Z\"^^xsd:dateTime ;"
                + " dpv:isIndicatedBy dpv:DataSubject ; selfdata:event selfdata:given .")).isTrue();
        assertThat(later.holds("?record dpv:hasConsentStatus dpv:ConsentWithdrawn ;"
                + " dpv:isIndicatedAtTime \"2025-06-01T09:00:00.123Z\"^^xsd:dateTime ;"
                + " selfdata:given_at \"2025-06-01T08:00:00.000Z\"^^xsd:dateTime .")).isTrue();
    }

    @Test
    void theDurationRetentionAndPrecisionAreTypedValues() {
        ReceiptGraph graph = graph(receipts.given(GRANT, METEO));

        assertThat(graph.holds("?record dpv:hasDuration ?duration . ?duration a dpv:TemporalDuration ;"
                + " selfdata:valid_from \"2025-06-01T08:00:00.000Z\"^^xsd:dateTime ;"
                + " selfdata:valid_until \"2025-07-01T08:00:00.000Z\"^^xsd:dateTime .")).isTrue();
        assertThat(graph.holds("?record dpv:hasPurpose ?purpose . ?purpose dpv:hasStorageCondition ?storage ."
                + " ?storage a dpv:StorageDuration ; dpv:hasDuration \"P30D\"^^xsd:duration .")).isTrue();
        assertThat(graph.holds("?record dpv:hasPurpose ?purpose . ?purpose selfdata:precision ?precision ."
                + " ?precision selfdata:location_precision selfdata:region .")).isTrue();
    }

    @Test
    void aReceiptConformsToTheShapesOfAConsentRecord() {
        ValidationReport report = ShaclValidator.get().validate(SHAPES, graph(receipts.given(GRANT, METEO))
                .graph());

        assertThat(report.getEntries()).isEmpty();
        assertThat(report.conforms()).isTrue();
    }

    @Test
    void aReceiptWithoutItsConsentStatusFailsTheShapesNamingTheProperty() {
        ObjectNode json = (ObjectNode) PayloadCodec.mapper().readTree(receipts.given(GRANT, METEO).json());
        json.remove("consent_status");

        ValidationReport report = ShaclValidator.get().validate(SHAPES, ReceiptGraph.of(json.toString(), NAMESPACE).graph());

        assertThat(report.conforms()).isFalse();
        List<String> paths = report.getEntries().stream().map(ReportEntry::resultPath).map(String::valueOf).toList();
        assertThat(paths).containsExactly("<https://w3id.org/dpv#hasConsentStatus>");
    }

    @Test
    void selfdatasTermsExpandToIrisBeneathTheVaultsOwnAddressAndNoneInTheUnservedNamespace() {
        ReceiptGraph graph = graph(receipts.given(GRANT, METEO));

        assertThat(graph.holds("?purpose <" + NAMESPACE + "precision> ?precision ."
                + " ?precision <" + NAMESPACE + "location_precision> <" + NAMESPACE + "region> ;"
                + " <" + NAMESPACE + "amount_precision> ?amount .")).isTrue();
        assertThat(graph.iris()).contains(NAMESPACE + "covered_period", NAMESPACE + "grant_kind", NOTICE)
                .noneMatch(iri -> iri.contains("selfdata.invalid"));
    }

    @Test
    void aVaultServedBeneathAPathNamesItsTermsAndNoticesBeneathThatPath() {
        ConsentReceipts beneath = new ConsentReceipts(signer, "vault",
                ReceiptAddresses.servedAt(() -> URI.create("https://example.org/vaults/camille/")));

        ReceiptGraph graph = ReceiptGraph.of(beneath.given(GRANT, METEO).json(),
                "https://example.org/vaults/camille/ns/consent#");

        assertThat(graph.holds("?record dpv:hasNotice <https://example.org/vaults/camille/ns/notices/meteo-locale/1> ;"
                + " selfdata:event selfdata:given .")).isTrue();
    }

    @Test
    void aReceiptSignedWhereTheVaultsAddressIsUnknownNamesItsTermsInTheUnservedNamespaceAndItsNoticeByUrn() {
        ConsentReceipts unserved = new ConsentReceipts(signer, "vault");

        ReceiptGraph graph = ReceiptGraph.of(unserved.given(GRANT, METEO).json(), ReceiptContext.UNSERVED_NAMESPACE);

        assertThat(graph.holds("?record dpv:hasNotice <urn:selfdata:recipient:meteo-locale:declaration:1> ;"
                + " dpv:hasPurpose ?purpose . ?purpose selfdata:precision ?precision ."
                + " ?precision selfdata:location_precision selfdata:region .")).isTrue();
        assertThat(ShaclValidator.get().validate(shapes(ReceiptContext.UNSERVED_NAMESPACE), graph.graph()).conforms())
                .isTrue();
    }

    @Test
    void aReceiptSignedBeforeVaultsServedTheirTermsStillVerifiesExpandsAndConforms() throws Exception {
        String jws = resource("receipt-before-served-namespace.jws");
        JWKSet keys = JWKSet.parse(resource("receipt-before-served-namespace.jwks.json"));

        ConsentReceipt verified = ConsentReceipts.verify(jws, keys);
        ReceiptGraph graph = ReceiptGraph.of(verified.json(), ReceiptContext.UNSERVED_NAMESPACE);

        assertThat(verified.grant().value()).isEqualTo("grant-0001");
        assertThat(verified.event()).isEqualTo(ConsentEvent.GIVEN);
        assertThat(graph.holds("?record a dpv:ConsentRecord ; dpv:hasConsentStatus dpv:ConsentGiven ;"
                + " dpv:hasNotice <urn:selfdata:recipient:meteo-locale:declaration:1> ; dpv:hasPurpose ?purpose ."
                + " ?purpose selfdata:precision ?precision . ?precision selfdata:location_precision selfdata:region ."))
                .isTrue();
        assertThat(ShaclValidator.get().validate(shapes(ReceiptContext.UNSERVED_NAMESPACE), graph.graph()).conforms())
                .isTrue();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConsentReceiptLinkedDataTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
