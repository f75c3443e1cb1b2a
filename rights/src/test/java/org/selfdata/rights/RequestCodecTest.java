package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.vault.RightsRequests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestCodecTest {
    private static final RightsRequest.OrganizationSnapshot BANK = new RightsRequest.OrganizationSnapshot("clearview-bank",
            "Clearview Bank", Optional.of("12 rue de la Paix\n75002 Paris\nFrance"), Optional.empty(), Optional.empty(),
            Optional.of("https://clearview-bank.example/privacy"));
    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aRequestIsWrittenWithItsTermsAndAbsentValuesLeftOutAndReadsBack() {
        String json = RequestCodec.request("SD-7K3Q", BANK, Right.DIRECT_MARKETING_OBJECTION, false, Optional.empty(),
                Organization.Channel.WEB_FORM, Language.FRENCH);

        assertThat(json).isEqualTo("{\"reference\":\"SD-7K3Q\",\"organization\":{\"slug\":\"clearview-bank\","
                + "\"name\":\"Clearview Bank\",\"postalAddress\":\"12 rue de la Paix\\n75002 Paris\\nFrance\","
                + "\"webForm\":\"https://clearview-bank.example/privacy\"},\"right\":\"direct-marketing-objection\","
                + "\"portability\":false,\"channel\":\"web-form\",\"language\":\"fr\"}");
        assertThat(RequestCodec.request(stored(json))).isEqualTo(new RightsRequest("request-1", "SD-7K3Q", BANK,
                Right.DIRECT_MARKETING_OBJECTION, false, Optional.empty(), Organization.Channel.WEB_FORM, Language.FRENCH,
                CREATED));
    }

    @Test
    void aStepGetsItsDocumentsNamesFromItsDetailsAndTheirDigestsFromTheVault() {
        String json = RequestCodec.event(LocalDate.of(2026, 3, 9), Optional.of("signed by the front desk"),
                List.of("avis.jpg"), List.of(), false);
        RightsRequests.StoredDocument document = new RightsRequests.StoredDocument("document-1", "ab".repeat(32),
                "image/jpeg", 2_048);

        RequestEvent event = RequestCodec.event(new RightsRequests.StoredEvent("request-1", 2, CREATED, "received", json,
                List.of(document)));

        assertThat(json).isEqualTo("{\"happenedOn\":\"2026-03-09\",\"note\":\"signed by the front desk\","
                + "\"documentNames\":[\"avis.jpg\"],\"reasonsGiven\":false}");
        assertThat(event).isEqualTo(new RequestEvent(2, RequestStatus.RECEIVED, LocalDate.of(2026, 3, 9), CREATED,
                Optional.of("signed by the front desk"), List.of(new RequestEvent.Document("document-1", "ab".repeat(32),
                        "avis.jpg", "image/jpeg", 2_048)), false));
    }

    @Test
    void theDocumentsTheEvidencePackWithholdsAreNamedByTheirPositions() {
        String json = RequestCodec.event(LocalDate.of(2026, 3, 9), Optional.empty(),
                List.of("message.eml", "SD-7K3Q.pdf", "passport.jpg"), List.of(0, 2), false);
        List<RightsRequests.StoredDocument> documents = List.of(
                new RightsRequests.StoredDocument("document-1", "aa".repeat(32), "message/rfc822", 9_000),
                new RightsRequests.StoredDocument("document-2", "bb".repeat(32), "application/pdf", 3_000),
                new RightsRequests.StoredDocument("document-3", "cc".repeat(32), "image/jpeg", 5_000));

        RequestEvent event = RequestCodec.event(new RightsRequests.StoredEvent("request-1", 1, CREATED, "sent", json,
                documents));

        assertThat(json).isEqualTo("{\"happenedOn\":\"2026-03-09\",\"documentNames\":[\"message.eml\",\"SD-7K3Q.pdf\","
                + "\"passport.jpg\"],\"withheld\":[0,2],\"reasonsGiven\":false}");
        assertThat(event.documents()).extracting(RequestEvent.Document::name, RequestEvent.Document::withheld)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("message.eml", true),
                        org.assertj.core.groups.Tuple.tuple("SD-7K3Q.pdf", false),
                        org.assertj.core.groups.Tuple.tuple("passport.jpg", true));
    }

    @Test
    void aWithheldPositionBeyondTheDocumentsIsRefusedAsDamage() {
        String json = RequestCodec.event(LocalDate.of(2026, 3, 9), Optional.empty(), List.of("passport.jpg"),
                List.of(1), false);

        assertThatThrownBy(() -> RequestCodec.event(new RightsRequests.StoredEvent("request-1", 1, CREATED, "sent", json,
                List.of(new RightsRequests.StoredDocument("document-1", "cc".repeat(32), "image/jpeg", 5_000)))))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VAULT_CORRUPT))
                .hasMessage("the rights request request-1 kept in the vault cannot be read");
    }

    @Test
    void detailsWithAnUnknownPropertyOrAnUnknownStatusAreRefusedAsDamageWithoutQuotingThem() {
        String unknownProperty = "{\"reference\":\"SD-7K3Q\",\"organization\":{\"slug\":\"clearview-bank\","
                + "\"name\":\"Clearview Bank\"},\"right\":\"access\",\"portability\":false,\"channel\":\"email\","
                + "\"language\":\"fr\",\"secret\":\"Clearview\"}";
        String event = RequestCodec.event(LocalDate.of(2026, 3, 9), Optional.empty(), List.of(), List.of(), false);

        assertThatThrownBy(() -> RequestCodec.request(stored(unknownProperty)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VAULT_CORRUPT))
                .hasMessage("the rights request request-1 kept in the vault cannot be read");
        assertThatThrownBy(() -> RequestCodec.event(new RightsRequests.StoredEvent("request-1", 1, CREATED, "forgotten",
                event, List.of())))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the rights request request-1 kept in the vault cannot be read");
    }

    private static RightsRequests.StoredRequest stored(String json) {
        return new RightsRequests.StoredRequest("request-1", CREATED, json, new RightsRequests.StoredEvent("request-1", 0,
                CREATED, "draft", "{}", List.of()));
    }
}
