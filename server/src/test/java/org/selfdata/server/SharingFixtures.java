package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.rar.Action;
import com.nimbusds.oauth2.sdk.rar.AuthorizationDetail;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.rar.DataType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Sharing;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.Vault;
import org.selfdata.vault.TestVaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An app that declared "notifications by region", as the sharing tests register it and act for it. */
final class SharingFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SharingFixtures() {}

    /** Registers the app as the vault's operator would, and returns its client id. */
    static String registerRegionalAlerts(ApiClient operator, URI callback) {
        HttpResponse<String> response = operator.post("/api/v1/recipients", regionalAlerts(callback));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).get("id").stringValue();
    }

    /** The app's registration: its identity, its callback, and its declaration of notifications by region. */
    static String regionalAlerts(URI callback) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", "Alertes Régionales")
                .put("legalName", "Alertes Régionales SAS")
                .put("country", "FR")
                .put("contact", "contact@alertes.example")
                .put("dataProtectionOfficer", "dpo@alertes.example")
                .put("kind", "app");
        body.putArray("redirectUris").add(callback.toString());
        body.set("declaration", notificationsByRegion("region"));
        return body.toString();
    }

    /** A declaration of notifications by region, needing location at the given precision. */
    static ObjectNode notificationsByRegion(String locationPrecision) {
        ObjectNode declaration = JSON.createObjectNode();
        ObjectNode purpose = declaration.putArray("purposes").addObject()
                .put("purpose", "dpv:CommunicationManagement")
                .put("description", "notifications by region")
                .put("legalBasis", "eu-gdpr:A6-1-a");
        purpose.putArray("categories").add("pd:Location");
        purpose.putObject("precision").put("location", locationPrecision).put("amount", "none").put("time", "day")
                .put("identifiers", "pseudonymized");
        declaration.put("retention", "P30D");
        declaration.putArray("securityMeasures").add("encryption at rest");
        return declaration;
    }

    /**
     * The terms the Sharing page sends for the app registered with {@link #notificationsByRegion}: its declared purpose,
     * location points in 2025, at the given location precision, for thirty days.
     */
    static ObjectNode regionalNotificationTerms(String recipient, String location) {
        ObjectNode terms = JSON.createObjectNode()
                .put("recipient", recipient)
                .put("declarationVersion", 1)
                .put("kind", "read")
                .put("purpose", "dpv:CommunicationManagement")
                .put("purposeDescription", "notifications by region")
                .put("legalBasis", "eu-gdpr:A6-1-a")
                .put("covered", "between:2024-12-01T00:00:00Z/2026-01-01T00:00:00Z")
                .put("validity", "P30D")
                .put("retention", "P30D")
                .put("volumeLimit", 1000);
        terms.putArray("types").add("geo.point");
        terms.putArray("categories");
        terms.putArray("fields");
        terms.putObject("precision").put("location", location).put("amount", "none").put("time", "day")
                .put("identifiers", "pseudonymized");
        return terms;
    }

    /** An organization as the operator registered it: its client id, and the secret it authenticates with. */
    record Organization(String clientId, Secret secret) {}

    /** Registers an energy supplier that gives meter readings back to the people it supplies, under write grants. */
    static Organization registerEnergySupplier(ApiClient operator, URI callback) {
        ObjectNode body = JSON.createObjectNode().put("name", "Énergie Locale")
                .put("legalName", "Énergie Locale SCIC").put("country", "FR").put("contact", "contact@energie.example")
                .put("kind", "organization");
        body.putArray("redirectUris").add(callback.toString());
        ObjectNode purpose = body.putObject("declaration").put("retention", "P365D").putArray("purposes").addObject()
                .put("purpose", "dpv:ServiceProvision").put("description", "giving back the meter readings it holds")
                .put("legalBasis", "eu-gdpr:A6-1-a");
        purpose.putArray("categories").add("pd:Household");
        purpose.putObject("precision");
        HttpResponse<String> response = operator.post("/api/v1/recipients", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode registered = ApiClient.json(response);
        return new Organization(registered.get("id").stringValue(), new Secret(registered.get("clientSecret").stringValue()));
    }

    /** What the supplier asks for: to write meter readings back, for the service it provides. */
    static AuthorizationDetail meterReadingsWrittenBack() {
        return new AuthorizationDetail.Builder(new AuthorizationType("selfdata"))
                .actions(List.of(new Action("write")))
                .dataTypes(List.of(new DataType("energy.reading")))
                .field("purpose", "dpv:ServiceProvision")
                .field("precision", java.util.Map.of())
                .build();
    }

    /** The code an app gets back once the person accepts what its declaration justifies, for 30 days. */
    record Authorized(String code, String grantId, CodeVerifier verifier) {}

    static Authorized authorize(ApiClient owner, SelfdataServer server, String clientId, URI callback,
                                AuthorizationDetail detail) {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(clientId))
                .endpointURI(URI.create(server.url() + "oauth/authorize"))
                .redirectionURI(callback)
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .authorizationDetails(List.of(detail))
                .build();
        JsonNode grant = accept(owner, request.toQueryString());
        return new Authorized(queryParameter(URI.create(grant.get("redirect").stringValue()), "code"),
                grant.get("grant").get("id").stringValue(), verifier);
    }

    /**
     * The person accepts what the consent page offers for the authorization request (its query string), for 30 days,
     * through the API the page uses; the answer holds the grant and the redirect back to the app.
     */
    static JsonNode accept(ApiClient owner, String authorizationQuery) {
        HttpResponse<String> offered = owner.post("/api/v1/authorizations/offer", requestBody(authorizationQuery));
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(200);
        HttpResponse<String> given = owner.post("/api/v1/authorizations",
                acceptance(authorizationQuery, ApiClient.json(offered).get("offer"), "P30D"));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        return ApiClient.json(given);
    }

    /** What the app asks for: every location point, exact, for its notifications. */
    static AuthorizationDetail exactLocationForNotifications() {
        return new AuthorizationDetail.Builder(new AuthorizationType("selfdata"))
                .actions(List.of(new Action("read")))
                .dataTypes(List.of(new DataType("geo.point")))
                .field("purpose", "dpv:CommunicationManagement")
                .field("precision", java.util.Map.of("location", "exact"))
                .field("covered", "trailing:P3Y")
                .field("retention", "P30D")
                .build();
    }

    /** Flips one bit of a log entry's stored bytes, as someone with access to the database could. */
    static void alterLogEntry(Vault vault, Person person, long index) {
        TestVaults.behindTheVault(vault, person.id(), connection -> {
            byte[] leaf;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT leaf FROM log_entries WHERE person_id = ? AND entry_index = ?")) {
                select.setLong(1, person.id().value());
                select.setLong(2, index);
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    leaf = rows.getBytes(1);
                }
            }
            leaf[leaf.length / 2] ^= 1;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE log_entries SET leaf = ? WHERE person_id = ? AND entry_index = ?")) {
                update.setBytes(1, leaf);
                update.setLong(2, person.id().value());
                update.setLong(3, index);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        });
    }

    static String requestBody(String authorizationQuery) {
        return JSON.createObjectNode().put("request", authorizationQuery).toString();
    }

    /** The person accepts the offered terms, valid for the given period. */
    static String acceptance(String authorizationQuery, JsonNode offer, String validity) {
        ObjectNode terms = (ObjectNode) offer.deepCopy();
        terms.put("validity", validity);
        ObjectNode body = JSON.createObjectNode().put("request", authorizationQuery);
        body.set("terms", terms);
        return body.toString();
    }

    /**
     * Gives the recipient a grant for notifications by region, as Météo Locale declares them, over any period of
     * data, for 30 days from now: a grant in force for tests that need one without going through the consent page.
     */
    static GrantId regionalNotifications(Sharing sharing, PersonId person, Recipient recipient) {
        Instant now = Instant.now();
        GrantTerms terms = new GrantTerms(recipient.id(), 1, GrantKind.READ, Purpose.COMMUNICATION_MANAGEMENT,
                "notifications by region", LegalBasis.CONSENT, Set.of(), Set.of(Category.LOCATION), Set.of(),
                SampleRecipients.REGION_BY_DAY, new CoveredPeriod.Between(Instant.parse("2000-01-01T00:00:00Z"),
                        Instant.parse("2100-01-01T00:00:00Z")), now, now.plus(Duration.ofDays(30)), Duration.ofDays(30),
                1_000);
        return ((ReceiptedGrant) sharing.give(person, terms)).grant().id();
    }

    static String queryParameter(URI uri, String name) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    static TokenResponse send(TokenRequest request) {
        try {
            return TokenResponse.parse(request.toHTTPRequest().send());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> bearerGet(SelfdataServer server, String accessToken, String path) {
        return bearerSend(HttpRequest.newBuilder(URI.create(server.url()).resolve(path))
                .header("Authorization", "Bearer " + accessToken).GET());
    }

    static HttpResponse<String> bearerPost(SelfdataServer server, String accessToken, String path, String json) {
        return bearerSend(HttpRequest.newBuilder(URI.create(server.url()).resolve(path))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> bearerSend(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
