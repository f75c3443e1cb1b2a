package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Sharing;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Person;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordType;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No endpoint returns data outside a grant: every request a recipient can make, with the token of every kind of grant,
 * against the status it must get, and every record it does get checked against what its grant allows.
 *
 * <p>The table is the specification; a new route that a recipient's token opens, or a grant that lets through more
 * than it says, changes a cell and fails here.
 */
class RecipientAccessTableTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);
    private static final String SHARED = "/api/v1/shared/records";
    private static final String ENERGY_PUSH = "{\"records\":[{\"type\":\"energy.reading\",\"start\":\"2026-11-20T00:00:00Z\","
            + "\"end\":\"2026-11-21T00:00:00Z\",\"payload\":{\"meter\":\"09876543210987\",\"quantity\":\"ENERGY\","
            + "\"value\":8400}}]}";
    private static final String POINT_PUSH = "{\"records\":[{\"type\":\"geo.point\",\"start\":\"2026-11-20T00:00:00Z\","
            + "\"payload\":{\"latitude\":48.85,\"longitude\":2.35}}]}";

    /** The grants, by column: region location, banded finance, a write grant, and a withdrawn grant. */
    private enum Column { LOCATION, FINANCE, WRITE, WITHDRAWN }

    private record Request(String method, String path, String body) {}

    /** Every row: a request, and the status each grant's token must get, in the order of {@link Column}. */
    private static final Map<Request, List<Integer>> TABLE = new LinkedHashMap<>();

    static {
        row("GET", SHARED, 200, 200, 403, 401);
        row("GET", SHARED + "?type=geo.point", 200, 403, 403, 401);
        row("GET", SHARED + "?type=bank.transaction", 403, 200, 403, 401);
        row("GET", SHARED + "?type=geo.point&type=bank.transaction", 403, 403, 403, 401);
        row("GET", SHARED + "?category=pd:Financial", 403, 200, 403, 401);
        row("GET", SHARED + "?category=pd:Tracking", 403, 403, 403, 401);
        row("GET", SHARED + "?limit=5000", 400, 400, 400, 401);
        row("GET", "/api/v1/shared/grant", 200, 200, 200, 401);
        row("POST", SHARED, ENERGY_PUSH, 403, 403, 201, 401);
        row("POST", SHARED, POINT_PUSH, 403, 403, 403, 401);
        row("GET", "/api/v1/records", 403, 403, 403, 403);
        row("GET", "/api/v1/records?type=geo.point", 403, 403, 403, 403);
        row("GET", "/api/v1/status", 403, 403, 403, 403);
        row("GET", "/api/v1/sources", 403, 403, 403, 403);
        row("GET", "/api/v1/batches", 403, 403, 403, 403);
        row("GET", "/api/v1/log", 403, 403, 403, 403);
        row("GET", "/api/v1/grants", 403, 403, 403, 403);
        row("GET", "/api/v1/recipients", 403, 403, 403, 403);
        row("GET", "/api/v1/session", 403, 403, 403, 403);
    }

    private static void row(String method, String path, int... statuses) {
        row(method, path, "", statuses);
    }

    private static void row(String method, String path, String body, int... statuses) {
        TABLE.put(new Request(method, path, body), java.util.Arrays.stream(statuses).boxed().toList());
    }

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private final Map<Column, String> tokens = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void grantEachKindAndStart() {
        running.importLocationPoints(30);
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.rent(DAY, 1), SyntheticRecords.coffee(DAY.plusDays(1), 2)));
        Sharing sharing = Sharing.over(vault, Clock.systemUTC());
        Precision region = Precision.EXACT.withLocation(LocationPrecision.REGION)
                .withIdentifiers(IdentifierPrecision.PSEUDONYMIZED);
        Precision banded = Precision.EXACT.withAmount(AmountPrecision.BANDED)
                .withIdentifiers(IdentifierPrecision.PSEUDONYMIZED);
        Recipient alerts = register("Alertes Régionales", Recipient.Kind.APP, Purpose.COMMUNICATION_MANAGEMENT,
                Set.of(Category.LOCATION), region);
        Recipient budget = register("Budget Malin", Recipient.Kind.APP, Purpose.SERVICE_PROVISION,
                Set.of(Category.FINANCIAL), banded);
        Recipient energy = register("Énergie Locale", Recipient.Kind.ORGANIZATION, Purpose.SERVICE_PROVISION,
                Set.of(Category.HOUSEHOLD), Precision.EXACT);
        tokens.put(Column.LOCATION, token(sharing, terms(alerts, GrantKind.READ, Purpose.COMMUNICATION_MANAGEMENT,
                Set.of(RecordType.GEO_POINT), Set.of(), region)));
        tokens.put(Column.FINANCE, token(sharing, terms(budget, GrantKind.READ, Purpose.SERVICE_PROVISION,
                Set.of(), Set.of(Category.FINANCIAL), banded)));
        tokens.put(Column.WRITE, token(sharing, terms(energy, GrantKind.WRITE, Purpose.SERVICE_PROVISION,
                Set.of(RecordType.ENERGY_READING), Set.of(), Precision.EXACT)));
        ReceiptedGrant withdrawn = given(sharing, terms(alerts, GrantKind.READ, Purpose.COMMUNICATION_MANAGEMENT,
                Set.of(RecordType.GEO_POINT), Set.of(), region));
        tokens.put(Column.WITHDRAWN, token(withdrawn));
        sharing.withdraw(camille.id(), withdrawn.grant().id());
        running.start();
    }

    @Test
    void everyRequestWithEveryGrantGetsItsStatusAndNothingBeyondItsGrant() {
        List<String> mismatches = new ArrayList<>();
        TABLE.forEach((request, statuses) -> {
            for (Column column : Column.values()) {
                HttpResponse<String> response = send(request, tokens.get(column));
                int expected = statuses.get(column.ordinal());
                if (response.statusCode() != expected) {
                    mismatches.add(request.method() + " " + request.path() + " with the " + column + " grant: "
                            + response.statusCode() + " instead of " + expected);
                }
                if (response.statusCode() != expected) {
                    continue;
                }
                if (expected == 200 && request.path().startsWith(SHARED)) {
                    assertOnlyWhatTheGrantAllows(column, response.body());
                }
                if (expected == 403) {
                    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(Problems.MEDIA_TYPE);
                    assertThat(ApiClient.json(response).get("detail").stringValue()).contains("missing scope");
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aRecipientPagesWithSealedCursorsAndAnAlteredOneIsRefused() {
        List<String> ids = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            String after = next.map(cursor -> "&after=" + cursor).orElse("");
            HttpResponse<String> response = send(new Request("GET", SHARED + "?limit=7" + after, ""),
                    tokens.get(Column.LOCATION));
            JsonNode page = ApiClient.json(response);
            page.get("records").forEach(record -> ids.add(record.get("id").stringValue()));
            next = Optional.ofNullable(page.get("next")).map(JsonNode::stringValue);
        }
        while (next.isPresent());
        HttpResponse<String> cursor = send(new Request("GET", SHARED + "?limit=7", ""), tokens.get(Column.LOCATION));
        String sealed = ApiClient.json(cursor).get("next").stringValue();
        String altered = (sealed.charAt(5) == 'A' ? "B" : "A");
        HttpResponse<String> refused = send(new Request("GET", SHARED + "?after=" + sealed.substring(0, 5) + altered
                + sealed.substring(6), ""), tokens.get(Column.LOCATION));

        assertThat(ids).hasSize(30).doesNotHaveDuplicates();
        assertThat(sealed).doesNotContain(".");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue())
                .isEqualTo("parameter 'after' is not a cursor this grant was given; use the 'next' of the previous page");
    }

    @Test
    void aReadBeyondTheGrantIsRefusedAndShownOnThePersonsLog() {
        HttpResponse<String> refused = send(new Request("GET", SHARED + "?type=bank.transaction", ""),
                tokens.get(Column.LOCATION));

        assertThat(refused.statusCode()).isEqualTo(403);
        List<org.selfdata.model.LogEntry> refusals = vault.log().query(camille.id(),
                org.selfdata.vault.LogQuery.all().withAction(org.selfdata.model.LogAction.REFUSAL));
        assertThat(refusals).singleElement().satisfies(entry -> {
            assertThat(entry.draft().types()).containsExactly(RecordType.BANK_TRANSACTION);
            assertThat(entry.draft().actor()).isInstanceOf(org.selfdata.model.LogActor.Recipient.class);
        });
    }

    @Test
    void aRequestWithoutATokenIsAskedForOne() {
        HttpResponse<String> response = send(new Request("GET", SHARED, ""), "");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("no error: it did not try (RFC 6750, section 3.1)")
                .contains("Bearer realm=\"selfdata\"");
    }

    private static void assertOnlyWhatTheGrantAllows(Column column, String body) {
        JsonNode records = ApiClient.json(body).get("records");
        Set<String> types = new java.util.HashSet<>();
        records.forEach(record -> types.add(record.get("type").stringValue()));
        switch (column) {
            case LOCATION -> {
                assertThat(records).hasSize(30);
                assertThat(types).containsExactly("geo.point");
                SharingScenarioTest.assertNoCoordinate(body);
            }
            case FINANCE -> {
                assertThat(records).hasSize(2);
                assertThat(types).containsExactly("bank.transaction");
                assertThat(body).doesNotContain("480.00", "1.20", "00012346789", "LOYER", "CAFE", "Guillotière");
            }
            case WRITE, WITHDRAWN -> throw new AssertionError(column + " grants read nothing");
        }
    }

    private Recipient register(String name, Recipient.Kind kind, Purpose purpose, Set<Category> categories,
                               Precision ceiling) {
        Recipient recipient = vault.recipients().register(camille.id(), new RecipientIdentity(name, name + " SAS", "FR",
                "contact@example.org", Optional.empty()), List.of(URI.create("https://example.org/callback")), kind);
        vault.recipients().declare(camille.id(), recipient.id(), new ProcessingDeclaration(1, List.of(
                new DeclaredPurpose(purpose, "what " + name + " does", categories, Set.of(), ceiling, LegalBasis.CONSENT)),
                List.of(), List.of(), Duration.ofDays(30), List.of("encryption at rest")));
        return recipient;
    }

    private static GrantTerms terms(Recipient recipient, GrantKind kind, Purpose purpose, Set<RecordType> types,
                                    Set<Category> categories, Precision precision) {
        Instant now = Instant.now();
        return new GrantTerms(recipient.id(), 1, kind, purpose, "what " + recipient.identity().name() + " does",
                LegalBasis.CONSENT, types.isEmpty() ? Set.of() : EnumSet.copyOf(types), categories, Set.of(), precision,
                CoveredPeriod.trailing(Period.ofYears(3)), now, now.plus(Duration.ofDays(30)), Duration.ofDays(30),
                1_000);
    }

    private ReceiptedGrant given(Sharing sharing, GrantTerms terms) {
        return (ReceiptedGrant) sharing.give(camille.id(), terms);
    }

    private String token(Sharing sharing, GrantTerms terms) {
        return token(given(sharing, terms));
    }

    private String token(ReceiptedGrant given) {
        return vault.oauthTokens().issueAccessToken(new OAuthTokens.Binding(camille.id(), given.grant().id(),
                given.grant().terms().recipient()), Duration.ofHours(1));
    }

    private HttpResponse<String> send(Request request, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(running.server().url()).resolve(request.path()));
        if (!token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.method().equals("POST")) {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.body()));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
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
