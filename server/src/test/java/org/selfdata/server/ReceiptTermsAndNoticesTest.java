package org.selfdata.server;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.HttpLoader;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.ReceiptContext;
import org.selfdata.vault.Engine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consent receipt names selfdata's own terms, and its notice, beneath the address of the vault that signed it, and
 * both resolve there: a JSON-LD processor fetching the terms' namespace gets the context the receipt carries, a browser
 * a page saying what each term means, and the notice is the recipient's declaration at the version the person was shown.
 */
class ReceiptTermsAndNoticesTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentLoader OFFLINE = (address, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "a receipt must expand offline, yet asked for " + address);
    };

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient owner;
    private String recipient;
    private String namespace;
    private JsonNode receipt;

    @BeforeEach
    void giveAGrantWithItsReceipt() {
        running.importLocationPoints(3);
        running.start();
        owner = running.camille();
        recipient = SharingFixtures.registerRegionalAlerts(owner, CALLBACK);
        namespace = running.server().issuer() + "ns/consent#";
        HttpResponse<String> given = owner.post("/api/v1/grants", terms().toString());
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        String jws = ApiClient.json(given).get("receipt").stringValue();
        receipt = JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
    }

    @Test
    void aReceiptsOwnTermsExpandToIrisBeneathTheVaultsIssuer() throws JsonLdError {
        String expanded = expand(receipt.toString(), OFFLINE).toString();

        assertThat(receipt.get("@context").get("selfdata").stringValue()).isEqualTo(namespace);
        assertThat(expanded).contains("\"" + namespace + "precision\"", "\"" + namespace + "location_precision\"",
                "{\"@id\":\"" + namespace + "region\"}", "\"" + namespace + "volume_limit_per_day\"")
                .doesNotContain("selfdata.invalid");
    }

    @Test
    void aJsonLdProcessorFetchingTheNamespaceGetsTheContextTheReceiptCarriesAndReadsTheReceiptAlike() throws JsonLdError {
        ObjectNode linked = (ObjectNode) receipt.deepCopy();
        linked.put("@context", namespace.substring(0, namespace.length() - 1));

        JsonArray fetched = expand(linked.toString(), new HttpLoader(HttpClient.newHttpClient()));

        assertThat(fetched).isEqualTo(expand(receipt.toString(), OFFLINE));
        HttpResponse<String> served = get(namespace, "application/ld+json, application/json;q=0.9, */*;q=0.1", "fr");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        assertThat(served.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(JSON.readTree(served.body()).get("@context")).isEqualTo(receipt.get("@context"));
    }

    @Test
    void aBrowserAtTheNamespaceReadsEachTermAtItsAnchorWithWhatItMeansInItsLanguage() {
        HttpResponse<String> english = get(namespace, "text/html,application/xhtml+xml,*/*;q=0.8", "en-GB,en;q=0.9");
        HttpResponse<String> french = get(namespace, "text/html,application/xhtml+xml,*/*;q=0.8", "fr-FR,fr;q=0.9");

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(english.headers().firstValue("Vary").orElseThrow()).contains("Accept");
        assertThat(ReceiptContext.terms()).contains("precision", "location_precision", "covered_period")
                .allSatisfy(term -> assertThat(english.body()).contains("<dt id=\"" + term + "\"><code>" + namespace + term
                        + "</code></dt><dd>"));
        assertThat(english.body()).contains("<html lang=\"en\">",
                "How precise the places given are: exact, a hexagon of an H3 level, the commune, department, region or "
                        + "country, or none.");
        assertThat(french.body()).contains("<html lang=\"fr\">",
                "La précision des lieux transmis\u00a0: exacts, un hexagone d’un niveau H3, la commune, le département, "
                        + "la région ou le pays, ou aucun.");
        assertThat(french.headers().firstValue("Content-Language")).hasValue("fr");
        assertThat(english.body() + french.body()).doesNotContain("camille").doesNotContain(recipient);
    }

    @Test
    void theNoticeOfAReceiptResolvesToTheRecipientsDeclarationAtTheVersionThePersonWasShown() {
        String notice = receipt.get("notice").get("id").stringValue();
        ObjectNode second = SharingFixtures.notificationsByRegion("region").put("retention", "P90D");
        HttpResponse<String> declared = owner.post("/api/v1/recipients/" + recipient + "/declarations", second.toString());

        HttpResponse<String> first = get(notice, "application/json", "en");
        HttpResponse<String> later = get(running.server().issuer() + "ns/notices/" + recipient + "/2", "*/*", "en");

        assertThat(declared.statusCode()).as(declared.body()).isIn(200, 201);
        assertThat(notice).isEqualTo(running.server().issuer() + "ns/notices/" + recipient + "/1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode answer = JSON.readTree(first.body());
        assertThat(answer.get("recipient").get("id").stringValue()).isEqualTo(recipient);
        assertThat(answer.get("recipient").get("name").stringValue()).isEqualTo("Alertes Régionales");
        assertThat(answer.get("declaration").get("version").intValue()).isEqualTo(1);
        assertThat(answer.get("declaration").get("retention").stringValue()).isEqualTo("P30D");
        assertThat(answer.get("declaration").get("purposes").get(0).get("description").stringValue())
                .isEqualTo("notifications by region");
        assertThat(first.body()).doesNotContain("camille");
        assertThat(JSON.readTree(later.body()).get("declaration").get("retention").stringValue()).isEqualTo("P90D");
    }

    @Test
    void aNoticeOfAnUnknownRecipientOrVersionIsNotFound() {
        String notices = running.server().issuer() + "ns/notices/";

        for (String path : new String[] {recipient + "/2", recipient + "/0", recipient + "/one", recipient + "/01",
                "unknownRecipient42/1", "bad!id/1"}) {
            HttpResponse<String> answer = get(notices + path, "application/json", "en");
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).as(path)
                    .startsWith("application/problem+json");
        }
    }

    private static JsonArray expand(String json, DocumentLoader loader) throws JsonLdError {
        JsonLdOptions options = new JsonLdOptions(loader);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return JsonLd.expand(JsonDocument.of(new StringReader(json))).options(options).get();
    }

    private HttpResponse<String> get(String address, String accept, String language) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(address)).header("Accept", accept)
                    .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The app's declared purpose, location points at region precision, for thirty days. */
    private ObjectNode terms() {
        return SharingFixtures.regionalNotificationTerms(recipient, "region");
    }
}
