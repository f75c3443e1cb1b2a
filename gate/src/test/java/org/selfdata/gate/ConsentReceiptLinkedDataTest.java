package org.selfdata.gate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.junit.jupiter.api.Test;
import org.selfdata.model.Grant;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.RecordType;
import tools.jackson.databind.node.ObjectNode;

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
    private static final Shapes SHAPES = Shapes.parse(RDFDataMgr.loadGraph(
            ConsentReceiptLinkedDataTest.class.getResource("consent-receipt-shapes.ttl").toString()));

    private final ConsentReceipts receipts;

    ConsentReceiptLinkedDataTest() throws JOSEException {
        receipts = new ConsentReceipts(new ECDSASigner(new ECKeyGenerator(Curve.P_256).keyID("vault").generate()), "vault");
    }

    @Test
    void everyKeyOfAReceiptIsDefinedSoThatAProcessorRefusingUndefinedTermsReadsItWhole() {
        String json = receipts.given(GRANT, METEO).json();
        ObjectNode withAnUnknownKey = (ObjectNode) PayloadCodec.mapper().readTree(json);
        withAnUnknownKey.put("shoe_size", 42);

        assertThat(ReceiptGraph.of(json).graph().size()).isGreaterThan(40);
        assertThatThrownBy(() -> ReceiptGraph.of(withAnUnknownKey.toString()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("shoe_size");
    }

    @Test
    void theRecordIsAConsentRecordConformingToTheReceiptProfileWithItsIdentifierAndCreationTime() {
        ConsentReceipt receipt = receipts.given(GRANT, METEO);
        ReceiptGraph graph = ReceiptGraph.of(receipt.json());

        assertThat(graph.holds("<urn:selfdata:receipt:" + receipt.id() + "> a dpv:ConsentRecord ;"
                + " dct:conformsTo <https://w3id.org/dpv/schema/iso-27560#receipt-full> ;"
                + " dpv:hasIdentifier \"" + receipt.id() + "\" ;"
                + " dct:created \"2025-06-01T08:00:00.000Z\"^^xsd:dateTime ;"
                + " selfdata:consent_id \"grant-0001\" .")).isTrue();
    }

    @Test
    void theDataSubjectNoticeControllerAndRecipientAreResources() {
        ReceiptGraph graph = ReceiptGraph.of(receipts.given(GRANT, METEO).json());

        assertThat(graph.holds("?record dpv:hasDataSubject <urn:selfdata:grant:grant-0001:subject> ."
                + " <urn:selfdata:grant:grant-0001:subject> a dpv:DataSubject ;"
                + " selfdata:id_type dpv:Pseudonymisation .")).isTrue();
        assertThat(graph.holds("?record dpv:hasNotice <urn:selfdata:recipient:meteo-locale:declaration:1> ."
                + " <urn:selfdata:recipient:meteo-locale:declaration:1> a dpv:ConsentNotice ;"
                + " selfdata:declaration_version 1 .")).isTrue();
        assertThat(graph.holds("?record dpv:hasDataController <urn:selfdata:recipient:meteo-locale> ;"
                + " dpv:hasRecipient <urn:selfdata:recipient:meteo-locale> ."
                + " <urn:selfdata:recipient:meteo-locale> a dpv:DataController ;"
                + " selfdata:legal_name \"Météo Locale SAS\" ; selfdata:recipient_kind selfdata:app .")).isTrue();
    }

    @Test
    void thePurposeNamesItsPersonalDataProcessingAndLegalBasesAsIris() {
        ReceiptGraph graph = ReceiptGraph.of(receipts.given(GRANT, METEO).json());

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

        ReceiptGraph graph = ReceiptGraph.of(receipts.given(grant, METEO).json());

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

        ReceiptGraph graph = ReceiptGraph.of(receipts.given(withText, METEO).json());

        assertThat(graph.holds("?purpose selfdata:free_text_fields ?fields ."
                + " ?fields selfdata:free_text_of_bank.transaction \"memo\" ;"
                + " selfdata:free_text_of_geo.visit \"address\" .")).isTrue();
        assertThat(graph.holds("?fields selfdata:free_text_of_geo.visit \"memo\" .")).isFalse();
    }

    @Test
    void theStatusTimeAndIndicatorOfTheConsentAreStatementsOfTheRecord() {
        ReceiptGraph given = ReceiptGraph.of(receipts.given(GRANT, METEO).json());
        Grant withdrawn = GRANT.withdrawn(GIVEN_AT.plusSeconds(3600).plusNanos(123_456_789));
        ReceiptGraph later = ReceiptGraph.of(receipts.withdrawn(withdrawn, METEO).json());

        assertThat(given.holds("?record dpv:hasConsentStatus dpv:ConsentGiven ;"
                + " dpv:isIndicatedAtTime \"2025-06-01T08:00:00.000Z\"^^xsd:dateTime ;"
                + " dpv:isIndicatedBy dpv:DataSubject ; selfdata:event selfdata:given .")).isTrue();
        assertThat(later.holds("?record dpv:hasConsentStatus dpv:ConsentWithdrawn ;"
                + " dpv:isIndicatedAtTime \"2025-06-01T09:00:00.123Z\"^^xsd:dateTime ;"
                + " selfdata:given_at \"2025-06-01T08:00:00.000Z\"^^xsd:dateTime .")).isTrue();
    }

    @Test
    void theDurationRetentionAndPrecisionAreTypedValues() {
        ReceiptGraph graph = ReceiptGraph.of(receipts.given(GRANT, METEO).json());

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
        ValidationReport report = ShaclValidator.get().validate(SHAPES, ReceiptGraph.of(receipts.given(GRANT, METEO).json())
                .graph());

        assertThat(report.getEntries()).isEmpty();
        assertThat(report.conforms()).isTrue();
    }

    @Test
    void aReceiptWithoutItsConsentStatusFailsTheShapesNamingTheProperty() {
        ObjectNode json = (ObjectNode) PayloadCodec.mapper().readTree(receipts.given(GRANT, METEO).json());
        json.remove("consent_status");

        ValidationReport report = ShaclValidator.get().validate(SHAPES, ReceiptGraph.of(json.toString()).graph());

        assertThat(report.conforms()).isFalse();
        List<String> paths = report.getEntries().stream().map(ReportEntry::resultPath).map(String::valueOf).toList();
        assertThat(paths).containsExactly("<https://w3id.org/dpv#hasConsentStatus>");
    }
}
