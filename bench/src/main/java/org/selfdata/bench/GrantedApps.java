package org.selfdata.bench;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Two recipients given grants as they are in use: registered once by the vault's operator, authorized by each person
 * on the consent page's API, and given their tokens by the token endpoint with PKCE, all over HTTP. One app reads
 * location at region precision; one organization writes meter readings back. Each person's grants are their own, with
 * tokens of their own, as when many people use the same apps. Each grant allows a million records a day, so that the
 * benchmark measures the server and not the person's daily limit.
 */
final class GrantedApps {
    private static final URI CALLBACK = URI.create("https://bench.example/callback");
    private static final int VOLUME_LIMIT = 1_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The two recipients as the operator registered them: the app, and the organization with its client secret. */
    record Registered(String reader, String writer, String writerSecret) {}

    /** The tokens the two recipients hold for one person: one reads at region precision, one pushes records back. */
    record Tokens(String reader, String writer) {}

    private GrantedApps() {}

    /** Only the operator registers recipients: every person then sees them in the vault's catalogue. */
    static Registered register(SignedInBrowser operator) {
        String reader = operator.post("/api/v1/recipients", app().toString(), 201).get("id").stringValue();
        JsonNode organization = operator.post("/api/v1/recipients", organization().toString(), 201);
        return new Registered(reader, organization.get("id").stringValue(),
                organization.get("clientSecret").stringValue());
    }

    /** The person grants both recipients what they ask, and each recipient is given its token for that grant. */
    static Tokens grant(HttpClient client, URI base, SignedInBrowser person, Registered recipients) {
        return new Tokens(token(client, base, recipients.reader(), authorize(person, recipients.reader(), regionalRead()),
                Optional.empty()),
                token(client, base, recipients.writer(), authorize(person, recipients.writer(), meterReadingsWritten()),
                        Optional.of(recipients.writerSecret())));
    }

    private static ObjectNode app() {
        ObjectNode body = SignedInBrowser.JSON.createObjectNode().put("name", "Alertes Régionales")
                .put("legalName", "Alertes Régionales SAS").put("country", "FR").put("contact", "contact@alertes.example")
                .put("dataProtectionOfficer", "dpo@alertes.example").put("kind", "app");
        body.putArray("redirectUris").add(CALLBACK.toString());
        ObjectNode declaration = body.putObject("declaration").put("retention", "P30D");
        ObjectNode purpose = declaration.putArray("purposes").addObject()
                .put("purpose", "dpv:CommunicationManagement").put("description", "notifications by region")
                .put("legalBasis", "eu-gdpr:A6-1-a");
        purpose.putArray("categories").add("pd:Location");
        purpose.putObject("precision").put("location", "region").put("amount", "none").put("time", "day")
                .put("identifiers", "pseudonymized");
        declaration.putArray("securityMeasures").add("encryption at rest");
        return body;
    }

    private static ObjectNode organization() {
        ObjectNode body = SignedInBrowser.JSON.createObjectNode().put("name", "Énergie Locale")
                .put("legalName", "Énergie Locale SCIC").put("country", "FR").put("contact", "contact@energie.example")
                .put("kind", "organization");
        body.putArray("redirectUris").add(CALLBACK.toString());
        ObjectNode purpose = body.putObject("declaration").put("retention", "P365D").putArray("purposes").addObject()
                .put("purpose", "dpv:ServiceProvision").put("description", "giving back the meter readings it holds")
                .put("legalBasis", "eu-gdpr:A6-1-a");
        purpose.putArray("categories").add("pd:Household");
        purpose.putObject("precision");
        return body;
    }

    private static ArrayNode regionalRead() {
        ArrayNode details = SignedInBrowser.JSON.createArrayNode();
        ObjectNode detail = details.addObject().put("type", "selfdata").put("purpose", "dpv:CommunicationManagement")
                .put("covered", "trailing:P5Y").put("retention", "P30D");
        detail.putArray("actions").add("read");
        detail.putArray("datatypes").add("geo.point");
        detail.putObject("precision").put("location", "region");
        return details;
    }

    private static ArrayNode meterReadingsWritten() {
        ArrayNode details = SignedInBrowser.JSON.createArrayNode();
        ObjectNode detail = details.addObject().put("type", "selfdata").put("purpose", "dpv:ServiceProvision");
        detail.putArray("actions").add("write");
        detail.putArray("datatypes").add("energy.reading");
        detail.putObject("precision");
        return details;
    }

    /** The code an app is sent back with, and the PKCE verifier its request was made with. */
    private record Authorized(String code, String verifier) {}

    /** The person accepts what the consent page offers, for 30 days. */
    private static Authorized authorize(SignedInBrowser owner, String clientId, ArrayNode details) {
        String verifier = random(48);
        String query = form(Map.of("response_type", "code", "client_id", clientId, "redirect_uri", CALLBACK.toString(),
                "state", random(16), "code_challenge", challenge(verifier), "code_challenge_method", "S256",
                "authorization_details", details.toString()));
        JsonNode offer = owner.post("/api/v1/authorizations/offer",
                SignedInBrowser.JSON.createObjectNode().put("request", query).toString(), 200).get("offer");
        ObjectNode terms = ((ObjectNode) offer.deepCopy()).put("validity", "P30D").put("volumeLimit", VOLUME_LIMIT);
        ObjectNode acceptance = SignedInBrowser.JSON.createObjectNode().put("request", query);
        acceptance.set("terms", terms);
        URI redirect = URI.create(owner.post("/api/v1/authorizations", acceptance.toString(), 201).get("redirect")
                .stringValue());
        return new Authorized(Arrays.stream(redirect.getRawQuery().split("&")).filter(pair -> pair.startsWith("code="))
                .map(pair -> URLDecoder.decode(pair.substring("code=".length()), StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new SelfdataException(ErrorCode.INTERNAL, "no code in " + redirect)),
                verifier);
    }

    /** The token endpoint's answer to the code: an app proves its PKCE verifier; an organization adds its secret. */
    private static String token(HttpClient client, URI base, String clientId, Authorized authorized,
                                Optional<String> secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        secret.ifPresent(known -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(known)).getBytes(StandardCharsets.UTF_8))));
        String body = form(Map.of("grant_type", "authorization_code", "code", authorized.code(),
                "redirect_uri", CALLBACK.toString(), "code_verifier", authorized.verifier(), "client_id", clientId));
        HttpResponse<String> answer = SignedInBrowser.send(client, request.POST(HttpRequest.BodyPublishers.ofString(body)));
        SignedInBrowser.expect(answer, 200, "the token endpoint");
        return SignedInBrowser.JSON.readTree(answer.body()).get("access_token").stringValue();
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "this Java runtime has no SHA-256", e);
        }
    }

    private static String random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
