package org.selfdata.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.selfdata.gate.Gate;
import org.selfdata.gate.GrantOutcome;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Sharing;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.Person;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordType;
import org.selfdata.vault.Engine;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's metrics, over a real vault opened to count into the listener's registry, a real server over it, and
 * real HTTP: what Prometheus scrapes is valid text of its format, counts requests under their routes' templates, and
 * names nobody, whatever the person and a recipient of hers did before.
 */
class MetricsListenerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A sample line: a metric name, its labels, a value, and an optional timestamp (exposition format 0.0.4). */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|[+-]Inf)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern TYPE = Pattern.compile(
            "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");

    private final Path folder = TestVaults.newFolder();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closed : opened.reversed()) {
            closed.close();
        }
        TestVaults.delete(folder);
    }

    @Test
    void theApiDoesNotServeTheMetrics() {
        Vault vault = TestServers.vaultWithCamille(Engine.SQLITE, folder);
        opened.add(vault);
        SelfdataServer server = TestServers.start(vault);
        opened.add(server);

        assertThat(new ApiClient(server).get("/metrics").statusCode()).isEqualTo(404);
        assertThat(new ApiClient(server).get(MetricsListener.PATH).body()).doesNotContain("selfdata_http_requests");
    }

    @Test
    void theListenerServesPrometheusTextOnTheLoopbackAtMetricsOnly() throws IOException, InterruptedException {
        MetricsListener metrics = MetricsListener.start(MetricsSettings.onLoopback(0));
        opened.add(metrics);

        HttpResponse<String> scraped = scrape(metrics);

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.url()).isEqualTo("http://127.0.0.1:" + metrics.port() + "/metrics");
        assertThat(scraped.body()).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ", "jvm_gc_");
        assertThat(invalidLines(scraped.body())).isEmpty();
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(metrics.url())).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatusAndNothingNamesThePersonTheirRecordsOrTheirGrant()
            throws IOException, InterruptedException {
        MetricsListener metrics = MetricsListener.start(MetricsSettings.onLoopback(0));
        opened.add(metrics);
        TestServers.vaultWithCamille(Engine.SQLITE, folder).close();
        Vault vault = Vault.open(TestVaults.location(Engine.SQLITE, folder), TestVaults.keyFile(folder), metrics.meters());
        opened.add(vault);
        Person camille = vault.person(Optional.of("camille"));
        RunningServer.importLocationPoints(vault, 5);
        String token = locationToken(vault, camille);
        GrantId grant = vault.grants().list(camille.id()).getFirst().id();
        SelfdataServer server = SelfdataServer.start(TestServers.SETTINGS, vault, Gate.over(vault));
        opened.add(server);
        ApiClient owner = new ApiClient(server);
        owner.signIn("camille", TestServers.PASSWORD);

        List<String> recordIds = new ArrayList<>();
        ApiClient.json(owner.get("/api/v1/records?type=geo.point")).get("records")
                .forEach(record -> recordIds.add(record.get("id").stringValue()));
        HttpResponse<String> one = owner.get("/api/v1/records/" + recordIds.getFirst());
        HttpResponse<String> shared = SharingFixtures.bearerGet(server, token, "/api/v1/shared/records?type=geo.point");
        HttpResponse<String> refused = SharingFixtures.bearerGet(server, token, "/api/v1/shared/records?type=bank.transaction");
        HttpResponse<String> nobodys = new ApiClient(server).get("/api/v1/records/" + recordIds.getLast());
        HttpResponse<String> nowhere = owner.get("/api/v1/records/" + recordIds.getLast() + "/nowhere");
        String body = scrape(metrics).body();

        assertThat(recordIds).hasSize(5);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(nobodys.statusCode()).isEqualTo(401);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(invalidLines(body)).isEmpty();
        assertThat(body).contains(
                "selfdata_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/records/{id}\",status=\"200\"} 1",
                "selfdata_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/records\",status=\"200\"} 1",
                "selfdata_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/shared/records\",status=\"403\"} 1",
                "selfdata_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/records/{id}\",status=\"401\"} 1",
                "selfdata_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1",
                "selfdata_http_requests_seconds_sum{method=\"GET\",route=\"/api/v1/records/{id}\",status=\"200\"} ",
                "selfdata_records_imported_total 5",
                "selfdata_gate_reads_total{accessor=\"recipient\"} 1",
                "selfdata_gate_refusals_total{accessor=\"recipient\"} 1",
                "hikaricp_connections{pool=\"selfdata-sqlite\"}");
        assertThat(value(body, "selfdata_gate_reads_total{accessor=\"owner\"}")).isEqualTo(2);
        assertThat(value(body, "selfdata_log_entries_appended_total")).isGreaterThanOrEqualTo(3);
        assertThat(value(body, "selfdata_log_heads_signed_total")).isGreaterThanOrEqualTo(1);
        assertThat(body).doesNotContain("camille", token, grant.toString(), one.uri().getPath(), "nowhere")
                .doesNotContain(recordIds.toArray(String[]::new));
        assertThat(labelValues(body)).noneMatch(value -> value.equals(Long.toString(camille.id().value()))
                || value.contains("records/" + camille.id().value()));
    }

    private static HttpResponse<String> scrape(MetricsListener metrics) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(metrics.url())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The lines the text exposition format does not allow, or a sample of a family whose type was not said before it. */
    private static List<String> invalidLines(String body) {
        List<String> invalid = new ArrayList<>();
        Set<String> typed = new HashSet<>();
        if (!body.endsWith("\n")) {
            invalid.add("(the text does not end with a line feed)");
        }
        for (String line : body.split("\n")) {
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (type.matches()) {
                typed.add(type.group(1));
            }
            else if (HELP.matcher(line).matches()) {
                continue;
            }
            else if (!sample.matches() || !labelsWellFormed(sample.group(3)) || !typed.contains(family(sample.group(1), typed))) {
                invalid.add(line);
            }
        }
        return invalid;
    }

    private static boolean labelsWellFormed(String labels) {
        if (labels == null) {
            return true;
        }
        Matcher label = LABEL.matcher(labels);
        int at = 0;
        while (at < labels.length() && label.find(at) && label.start() == at) {
            at = label.end();
        }
        return at == labels.length();
    }

    /** The family a sample belongs to: its own name, or that name less a counter's, histogram's or summary's suffix. */
    private static String family(String name, Set<String> typed) {
        for (String suffix : List.of("_total", "_created", "_count", "_sum", "_bucket")) {
            if (!typed.contains(name) && name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static List<String> labelValues(String body) {
        List<String> values = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    values.add(label.group(2));
                }
            }
        }
        return values;
    }

    private static double value(String body, String series) {
        for (String line : body.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1));
            }
        }
        throw new AssertionError("no " + series + " in\n" + body);
    }

    /** A grant of Camille's location points to an app, and a token of that app's under it. */
    private static String locationToken(Vault vault, Person camille) {
        String name = "Alertes Régionales";
        Recipient recipient = vault.recipients().register(camille.id(), new RecipientIdentity(name, name + " SAS", "FR",
                "contact@example.org", Optional.empty()), List.of(URI.create("https://example.org/back")), Recipient.Kind.APP);
        DeclaredPurpose declared = new DeclaredPurpose(Purpose.COMMUNICATION_MANAGEMENT, "what " + name + " does",
                Set.of(Category.LOCATION), Set.of(), Precision.EXACT, LegalBasis.CONSENT);
        vault.recipients().declare(camille.id(), recipient.id(), new ProcessingDeclaration(1, List.of(declared), List.of(),
                List.of(), Duration.ofDays(30), List.of("encryption at rest")));
        Instant now = Instant.now();
        GrantTerms terms = new GrantTerms(recipient.id(), 1, GrantKind.READ, declared.purpose(), declared.description(),
                LegalBasis.CONSENT, Set.of(RecordType.GEO_POINT), Set.of(), Set.of(), Precision.EXACT,
                CoveredPeriod.trailing(Period.ofYears(3)), now, now.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000);
        GrantOutcome outcome = Sharing.over(vault, Clock.systemUTC()).give(camille.id(), terms);
        assertThat(outcome).as(outcome.toString()).isInstanceOf(ReceiptedGrant.class);
        return vault.oauthTokens().issueAccessToken(new OAuthTokens.Binding(camille.id(),
                ((ReceiptedGrant) outcome).grant().id(), recipient.id()), Duration.ofHours(1));
    }
}
