package org.selfdata.server;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Sharing;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.GrantId;
import org.selfdata.model.Person;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.model.RecurringVerdict;
import org.selfdata.model.Position;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.Rejection;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.rights.Organization;
import org.selfdata.rights.OrganizationDetails;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Sender;
import org.selfdata.services.PlaceKeys;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route answers as the OpenAPI document says, checked by a validator independent of the server: the status is
 * one the document declares for the operation, and the body validates, under JSON Schema 2020-12, against the schema
 * the document declares for that status and content type.
 *
 * <p>The check is strict on what the document leaves unsaid: on a copy of the document, every schema that names its
 * properties and says nothing of others is closed ({@code unevaluatedProperties: false}), so that a property the server
 * writes and the document does not name fails, named. Problems are checked as answers like any other.
 */
class DocumentedResponsesTest {
    private static final String DOCUMENT = "urn:selfdata:openapi";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** The organization Camille added to the directory for herself. */
    private static final String OWN_ORGANIZATION = "cabinet-martin";
    private static final PlaceKeys PLACE_KEYS = new PlaceKeys();
    /** Terms Météo Locale's declaration allows: Camille's positions by region and day, for a month. */
    private static final String TERMS = "{\"recipient\":\"{recipient}\",\"declarationVersion\":1,\"kind\":\"read\","
            + "\"purpose\":\"dpv:CommunicationManagement\",\"purposeDescription\":\"notifications by region\","
            + "\"legalBasis\":\"eu-gdpr:A6-1-a\",\"covered\":\"between:2024-12-01T00:00:00Z/2026-01-01T00:00:00Z\","
            + "\"validity\":\"P30D\",\"retention\":\"P30D\",\"volumeLimit\":1000,\"types\":[\"geo.point\"],"
            + "\"categories\":[],\"fields\":[],\"precision\":{\"location\":\"region\",\"amount\":\"none\","
            + "\"time\":\"day\",\"identifiers\":\"pseudonymized\"}}";
    private static final String FLOW = "0123456789abcdef";
    private static final String BANK_CSV_HEAD = "{\"head\":\"" + Base64.getEncoder().encodeToString(
            "12/03/2025;CARTE BOULANGERIE;-4,50;\n13/03/2025;PRLV EDF;-62,17;\n".getBytes(StandardCharsets.UTF_8)) + "\"}";

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private String accessToken;
    private String auditorToken;
    private ApiClient owner;
    private JsonNode document;
    private SchemaRegistry schemas;

    /** One request standing for an operation, and the status it is meant to get. */
    private record Ask(String method, String route, String path, String body, Caller caller, int status) {
        String operation() {
            return method + " " + route;
        }
    }

    private enum Caller { OWNER, RECIPIENT, AUDITOR, NOBODY }

    @BeforeEach
    void fillCamillesVaultAndStart() {
        running.importLocationPoints(30);
        running.importTripFromLyonToMontreal();
        BudgetApp.importStatement(vault);
        CareLines.importApril(vault, camille);
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "coffee.ofx"),
                Stream.of(SyntheticRecords.coffee(LocalDate.of(2025, 2, 3), 1)));
        // A day of half hours, so that the energy bill answers priced.
        Instant fifteenth = LocalDate.of(2025, 1, 15).atStartOfDay(TestVaults.PARIS).toInstant();
        vault.imports().write(camille.id(), new ImportRequest(SourceDescriptor.file("Enedis", "PRM 1"), "linky", "courbe.csv"),
                IntStream.range(0, 48).mapToObj(half -> RecordDraft.of(TimeSpan.between(fifteenth.plus(Duration.ofMinutes(30L
                        * half)), fifteenth.plus(Duration.ofMinutes(30L * half + 30))), new EnergyReading("PRM1",
                        EnergyReading.Quantity.ENERGY, new BigDecimal("100"), Optional.of(30), Optional.empty()),
                        Position.line(half + 2))));
        long quarantined = vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "csv",
                "releve.csv"), Stream.of(new Rejection(Position.line(2), "expected an amount", Optional.empty(),
                Optional.of("Date;Libellé;Montant\n03/02/2025;LIBRAIRIE;douze")))).id().value();
        Recipient meteo = SampleRecipients.meteoLocale(vault);
        Sharing sharing = Sharing.over(vault, Clock.systemUTC());
        GrantId held = SharingFixtures.regionalNotifications(sharing, camille.id(), meteo);
        GrantId withdrawn = SharingFixtures.regionalNotifications(sharing, camille.id(), meteo);
        accessToken = vault.oauthTokens().issueAccessToken(new OAuthTokens.Binding(camille.id(), held, meteo.id()),
                Duration.ofHours(1));
        RightsDesk desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT),
                Clock.systemUTC());
        desk.settings().saveSender(camille.id(), new Sender("Camille Martin", Optional.of("12 rue des Lilas\n69007 Lyon"),
                Optional.empty()));
        String request = desk.draft(camille.id(), new RightsDesk.NewRequest("clearview-ai", Right.ACCESS, false,
                Optional.empty(), Organization.Channel.LETTER, Language.FRENCH, Map.of())).timeline().request().id();
        desk.organizations().save(camille.id(), OWN_ORGANIZATION, new OrganizationDetails("Cabinet Martin",
                Optional.of("12 rue des Lilas\n69007 Lyon"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        // Posted three months ago and never answered: both a reminder and a complaint are due.
        RightsDesk.RequestView posted = desk.markSent(camille.id(), request,
                LocalDate.now(TestVaults.PARIS).minusMonths(3));
        vault.placeCorrections().correct(camille.id(), PLACE_KEYS.key(45.76, 4.83), 45.76, 4.83, PlaceVerdict.NAMED,
                Optional.of("Chez moi"));
        // A correction that holds, so that undoing it answers 200 whatever flows the lines make.
        vault.recurringCorrections().correct(camille.id(), FLOW, RecurringVerdict.CONFIRMED, Optional.of("Loyer"));
        running.start();
        owner = running.camille();
        parameters.put("{grant}", held.value());
        auditorToken = vault.auditors().name(camille.id(), "CNIL", Duration.ofDays(30)).token();
        parameters.put("{auditor}", vault.auditors().name(camille.id(), "Maître Martin", Duration.ofDays(30)).auditor().id());
        parameters.put("{entry}", Long.toString(vault.log().query(camille.id(), LogQuery.all().withGrant(held).limit(1))
                .getFirst().index()));
        parameters.put("{withdrawn}", withdrawn.value());
        parameters.put("{id}", aPoint());
        parameters.put("{recipient}", meteo.id().value());
        parameters.put("{job}", ContactUpload.upload(owner, "contacts.vcf"));
        parameters.put("{batch}", Long.toString(quarantined));
        parameters.put("{source}", Long.toString(vault.imports().sources(camille.id()).getLast().id().value()));
        parameters.put("{request}", request);
        parameters.put("{document}", posted.timeline().latest().documents().getFirst().id());
        parameters.put("{token}", desk.calendars().issue(camille.id()));
        parameters.put("{slug}", OWN_ORGANIZATION);
        parameters.put("{key}", PLACE_KEYS.key(45.76, 4.83));
        parameters.put("{flow}", FLOW);
        parameters.put("{type}", "not-found");
        document = ApiClient.json(owner.get("/api/v1/openapi.json"));
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT, closed(document).toString())));
    }

    @Test
    void everyOperationAnswersADeclaredStatusWithTheDeclaredShape() {
        List<String> failures = new ArrayList<>();
        Set<String> asked = new TreeSet<>();
        for (Ask ask : asks()) {
            HttpResponse<byte[]> response = send(ask);
            asked.add(ask.operation());
            if (response.statusCode() != ask.status()) {
                failures.add(ask.operation() + " answered " + response.statusCode() + " instead of " + ask.status() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            failures.addAll(undocumented(ask, response));
        }

        assertThat(failures).isEmpty();
        // Every operation the document describes is asked above, every read with an answer it succeeds with: none is
        // left out, not even the calendar feed, which is asked by its secret address without a session.
        assertThat(asked).containsAll(operations().keySet());
    }

    @Test
    void aPropertyTheDocumentDoesNotNameFailsNamed() {
        ObjectNode health = (ObjectNode) ApiClient.json(owner.get("/api/v1/health"));
        health.put("surprise", true);

        List<Error> errors = schemaAt("/paths/~1api~1v1~1health/get/responses/200/content/application~1json/schema")
                .validate(health);

        assertThat(errors).extracting(Error::toString).anyMatch(error -> error.contains("surprise"));
    }

    @Test
    void aPropertyThatNoPartOfACombinedSchemaNamesFailsNamed() {
        JsonNode history = ApiClient.json(owner.get("/api/v1/records/" + parameters.get("{id}") + "/history"));
        Schema schema = schemaAt("/components/schemas/RecordHistory");
        assertThat(schema.validate(history)).isEmpty();
        ((ObjectNode) history.get("versions").get(0)).put("surprise", true);

        List<Error> errors = schema.validate(history);

        assertThat(errors).extracting(Error::toString).anyMatch(error -> error.contains("surprise"));
    }

    @Test
    void eachRecordTypesPayloadSchemaIsTheModelsOwn() {
        for (RecordType type : RecordType.values()) {
            JsonNode copy = document.at("/components/schemas/" + payloadSchemaName(type));
            try (InputStream in = RecordType.class.getResourceAsStream(type.schemaResource())) {
                assertThat(copy).as(type.id()).isEqualTo(ApiClient.json(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8)));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aRecordsPayloadIsCheckedAgainstItsTypesSchema() {
        ObjectNode record = (ObjectNode) ApiClient.json(owner.get("/api/v1/records/" + parameters.get("{id}")));
        Schema schema = schemaAt("/components/schemas/Record");
        assertThat(schema.validate(record)).isEmpty();
        ((ObjectNode) record.get("payload")).put("latitude", "north");

        List<Error> errors = schema.validate(record);

        assertThat(errors).extracting(Error::toString).anyMatch(error -> error.contains("latitude"));
    }

    @Test
    void aPushedRecordsPayloadIsCheckedAgainstItsTypesSchemaAsTheServerChecksIt() {
        Schema schema = schemaAt("/components/schemas/Push");
        ObjectNode push = (ObjectNode) ApiClient.json("{\"records\":[{\"type\":\"energy.reading\","
                + "\"start\":\"2026-11-20T00:00:00Z\",\"end\":\"2026-11-21T00:00:00Z\",\"payload\":{\"meter\":"
                + "\"09876543210987\",\"quantity\":\"ENERGY\",\"value\":8400}}]}");
        assertThat(schema.validate(push)).isEmpty();
        ((ObjectNode) push.get("records").get(0).get("payload")).put("value", "a lot");

        List<Error> errors = schema.validate(push);

        assertThat(errors).extracting(Error::toString).anyMatch(error -> error.contains("value"));
    }

    /** The schema's name in the document: {@code bank.transaction} is {@code PayloadBankTransaction}. */
    private static String payloadSchemaName(RecordType type) {
        StringBuilder name = new StringBuilder("Payload");
        for (String word : type.id().split("\\.")) {
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return name.toString();
    }

    private List<Ask> asks() {
        List<Ask> asks = new ArrayList<>();
        get(asks, "/api/v1/health");
        get(asks, "/api/v1/health/live");
        get(asks, "/api/v1/health/ready");
        get(asks, "/api/v1/openapi.json");
        ask(asks, "GET", "/.well-known/jwks.json", "/.well-known/jwks.json", "", Caller.NOBODY, 200);
        ask(asks, "GET", "/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server", "",
                Caller.NOBODY, 200);
        // Without a client, the consent page says so to the signed-in person: nothing can be answered at an app.
        ask(asks, "GET", "/oauth/authorize", "/oauth/authorize", "", Caller.OWNER, 200);
        ask(asks, "POST", "/oauth/token", "/oauth/token", "grant_type=refresh_token&refresh_token=unknown"
                + "&client_id={recipient}", Caller.NOBODY, 400);
        ask(asks, "POST", "/oauth/revoke", "/oauth/revoke", "token=unknown&client_id={recipient}", Caller.NOBODY, 200);
        ask(asks, "GET", "/ns/consent", "/ns/consent", "", Caller.NOBODY, 200);
        ask(asks, "GET", "/ns/notices/{recipient}/{version}", "/ns/notices/{recipient}/1", "", Caller.NOBODY, 200);
        ask(asks, "GET", "/ns/notices/{recipient}/{version}", "/ns/notices/{recipient}/2", "", Caller.NOBODY, 404);
        ask(asks, "GET", "/problems/{type}", "/problems/{type}", "", Caller.NOBODY, 200);
        get(asks, "/api/v1/session");
        get(asks, "/api/v1/status");
        get(asks, "/api/v1/sources");
        get(asks, "/api/v1/batches");
        ask(asks, "GET", "/api/v1/batches", "/api/v1/batches?latest=1", "", Caller.OWNER, 200);
        get(asks, "/api/v1/batches/{batch}/rejects");
        get(asks, "/api/v1/records");
        ask(asks, "GET", "/api/v1/records", "/api/v1/records?type=geo.trip", "", Caller.OWNER, 200);
        ask(asks, "GET", "/api/v1/records", "/api/v1/records?type=bank.transaction", "", Caller.OWNER, 200);
        ask(asks, "GET", "/api/v1/records", "/api/v1/records?type=contact", "", Caller.OWNER, 200);
        ask(asks, "GET", "/api/v1/records/search", "/api/v1/records/search?q=loyer", "", Caller.OWNER, 200);
        get(asks, "/api/v1/records/{id}");
        get(asks, "/api/v1/records/{id}/history");
        get(asks, "/api/v1/timeline");
        get(asks, "/api/v1/money");
        get(asks, "/api/v1/money/recurring");
        ask(asks, "GET", "/api/v1/money/forecast", "/api/v1/money/forecast?days=90", "", Caller.OWNER, 200);
        get(asks, "/api/v1/money/health");
        get(asks, "/api/v1/energy");
        ask(asks, "GET", "/api/v1/energy/comparison", "/api/v1/energy/comparison?from=2025-01-01&to=2025-02-01"
                + "&againstFrom=2024-01-01&againstTo=2024-02-01", "", Caller.OWNER, 200);
        get(asks, "/api/v1/energy/bill");
        get(asks, "/api/v1/carbon");
        get(asks, "/api/v1/across");
        get(asks, "/api/v1/places");
        ask(asks, "GET", "/api/v1/places/density", "/api/v1/places/density?south=45&west=4&north=46&east=5&resolution=7",
                "", Caller.OWNER, 200);
        get(asks, "/api/v1/reveal/locations");
        get(asks, "/api/v1/reveal/money");
        get(asks, "/api/v1/reveal/agenda");
        get(asks, "/api/v1/reveal/places");
        get(asks, "/api/v1/reveal/grants");
        get(asks, "/api/v1/log");
        get(asks, "/api/v1/log/head");
        get(asks, "/api/v1/log/verification");
        get(asks, "/api/v1/log/heads");
        get(asks, "/api/v1/log/auditors");
        ask(asks, "GET", "/api/v1/log/head", "/api/v1/log/head?size=1", "", Caller.OWNER, 200);
        ask(asks, "GET", "/api/v1/log/head", "/api/v1/log/head?size=99999", "", Caller.OWNER, 404);
        ask(asks, "GET", "/api/v1/log/proofs/inclusion", "/api/v1/log/proofs/inclusion?index=99999", "", Caller.OWNER, 404);
        ask(asks, "POST", "/api/v1/log/auditors", "/api/v1/log/auditors", "{\"name\":\"CNIL\",\"days\":30}", Caller.OWNER,
                201);
        ask(asks, "POST", "/api/v1/log/auditors", "/api/v1/log/auditors", "{\"name\":\"CNIL\",\"days\":400}", Caller.OWNER,
                400);
        ask(asks, "DELETE", "/api/v1/log/auditors/{auditor}", "/api/v1/log/auditors/{auditor}", "", Caller.OWNER, 204);
        ask(asks, "DELETE", "/api/v1/log/auditors/{auditor}", "/api/v1/log/auditors/{auditor}", "", Caller.OWNER, 404);
        ask(asks, "GET", "/api/v1/shared/log", "/api/v1/shared/log", "", Caller.RECIPIENT, 200);
        ask(asks, "GET", "/api/v1/shared/log/head", "/api/v1/shared/log/head", "", Caller.RECIPIENT, 200);
        ask(asks, "GET", "/api/v1/shared/log/proofs/inclusion", "/api/v1/shared/log/proofs/inclusion?index={entry}", "",
                Caller.RECIPIENT, 200);
        ask(asks, "GET", "/api/v1/shared/log/proofs/inclusion", "/api/v1/shared/log/proofs/inclusion?index=0", "",
                Caller.RECIPIENT, 404);
        ask(asks, "GET", "/api/v1/shared/log/proofs/consistency", "/api/v1/shared/log/proofs/consistency?from=1&to=2", "",
                Caller.RECIPIENT, 200);
        ask(asks, "GET", "/api/v1/audit/log/head", "/api/v1/audit/log/head", "", Caller.AUDITOR, 200);
        ask(asks, "GET", "/api/v1/audit/log/heads", "/api/v1/audit/log/heads?limit=2", "", Caller.AUDITOR, 200);
        ask(asks, "GET", "/api/v1/audit/log/proofs/inclusion", "/api/v1/audit/log/proofs/inclusion?index=1&size=2", "",
                Caller.AUDITOR, 200);
        ask(asks, "GET", "/api/v1/audit/log/proofs/consistency", "/api/v1/audit/log/proofs/consistency?from=1&to=2", "",
                Caller.AUDITOR, 200);
        ask(asks, "GET", "/api/v1/audit/log/head", "/api/v1/audit/log/head", "", Caller.RECIPIENT, 401);
        ask(asks, "GET", "/api/v1/log/proofs/inclusion", "/api/v1/log/proofs/inclusion?index=0&size=1", "", Caller.OWNER,
                200);
        ask(asks, "GET", "/api/v1/log/proofs/consistency", "/api/v1/log/proofs/consistency?from=1&to=2", "",
                Caller.OWNER, 200);
        get(asks, "/api/v1/recipients");
        get(asks, "/api/v1/recipients/awaiting-admission");
        get(asks, "/api/v1/recipients/{recipient}");
        get(asks, "/api/v1/grants");
        get(asks, "/api/v1/grants/{grant}");
        get(asks, "/api/v1/grants/{grant}/receipts");
        ask(asks, "GET", "/api/v1/shared/records", "/api/v1/shared/records", "", Caller.RECIPIENT, 200);
        ask(asks, "GET", "/api/v1/shared/grant", "/api/v1/shared/grant", "", Caller.RECIPIENT, 200);
        get(asks, "/api/v1/imports");
        get(asks, "/api/v1/imports/{job}");
        get(asks, "/api/v1/imports/{job}/events");
        get(asks, "/api/v1/export");
        get(asks, "/api/v1/keys");
        ask(asks, "GET", "/api/v1/rights/organizations", "/api/v1/rights/organizations?q=clearview", "", Caller.OWNER, 200);
        get(asks, "/api/v1/rights/organizations/{slug}");
        get(asks, "/api/v1/rights/requests");
        get(asks, "/api/v1/rights/requests/{request}");
        get(asks, "/api/v1/rights/requests/{request}/letter");
        get(asks, "/api/v1/rights/requests/{request}/evidence");
        get(asks, "/api/v1/rights/requests/{request}/documents/{document}");
        get(asks, "/api/v1/rights/requests/{request}/checklist");
        get(asks, "/api/v1/rights/requests/{request}/comparison");
        get(asks, "/api/v1/rights/requests/{request}/reminder");
        get(asks, "/api/v1/rights/requests/{request}/complaint");
        get(asks, "/api/v1/rights/sender");
        get(asks, "/api/v1/rights/mailbox");
        get(asks, "/api/v1/rights/reminders");
        // The feed's address is its secret: a calendar application reads it without a session.
        ask(asks, "GET", "/api/v1/rights/calendar/{token}.ics", "/api/v1/rights/calendar/{token}.ics", "", Caller.NOBODY,
                200);

        ask(asks, "POST", "/api/v1/csv-mappings/guess", "/api/v1/csv-mappings/guess", BANK_CSV_HEAD, Caller.OWNER, 200);
        ask(asks, "PUT", "/api/v1/rights/sender", "/api/v1/rights/sender",
                "{\"name\":\"Camille Martin\",\"postalAddress\":\"Lyon\"}", Caller.OWNER, 200);
        ask(asks, "POST", "/api/v1/rights/requests", "/api/v1/rights/requests",
                "{\"organization\": \"clearview-ai\", \"right\": \"access\", \"channel\": \"letter\"}", Caller.OWNER, 201);
        ask(asks, "PUT", "/api/v1/rights/requests/{request}/checklist", "/api/v1/rights/requests/{request}/checklist", "{}",
                Caller.OWNER, 200);
        ask(asks, "POST", "/api/v1/rights/calendar", "/api/v1/rights/calendar", "{}", Caller.OWNER, 200);
        ask(asks, "POST", "/api/v1/recipients/{recipient}/admission", "/api/v1/recipients/{recipient}/admission", "{}",
                Caller.OWNER, 200);
        ask(asks, "POST", "/api/v1/grants/{grant}/withdrawal", "/api/v1/grants/{withdrawn}/withdrawal", "{}", Caller.OWNER,
                200);
        ask(asks, "GET", "/api/v1/grants/{grant}", "/api/v1/grants/{withdrawn}", "", Caller.OWNER, 200);
        ask(asks, "POST", "/api/v1/grants/preview", "/api/v1/grants/preview", TERMS, Caller.OWNER, 200);
        ask(asks, "POST", "/api/v1/grants", "/api/v1/grants", TERMS, Caller.OWNER, 201);
        ask(asks, "PUT", "/api/v1/money/recurring/{key}", "/api/v1/money/recurring/{flow}", "{\"verdict\":\"undo\"}",
                Caller.OWNER, 200);
        ask(asks, "PUT", "/api/v1/reveal/places/{key}", "/api/v1/reveal/places/{key}",
                "{\"latitude\":45.76,\"longitude\":4.83,\"verdict\":\"confirmed\"}", Caller.OWNER, 200);
        ask(asks, "PUT", "/api/v1/rights/reminders", "/api/v1/rights/reminders", "{\"enabled\":false,\"daysBefore\":3}",
                Caller.OWNER, 200);
        ask(asks, "POST", "/api/v1/rights/changes/candidates", "/api/v1/rights/changes/candidates",
                "{\"detail\":\"address\",\"oldValue\":\"12 rue des Lilas\"}", Caller.OWNER, 200);
        ask(asks, "POST", "/api/v1/keys/rotation", "/api/v1/keys/rotation", "{}", Caller.OWNER, 200);

        ask(asks, "GET", "/api/v1/records", "/api/v1/records?colour=blue", "", Caller.OWNER, 400);
        ask(asks, "GET", "/api/v1/money", "/api/v1/money?from=yesterday", "", Caller.OWNER, 400);
        ask(asks, "GET", "/api/v1/money/recurring", "/api/v1/money/recurring?colour=blue", "", Caller.OWNER, 400);
        ask(asks, "PUT", "/api/v1/money/recurring/{key}", "/api/v1/money/recurring/{flow}", "{\"verdict\":\"maybe\"}",
                Caller.OWNER, 400);
        ask(asks, "PUT", "/api/v1/money/recurring/{key}", "/api/v1/money/recurring/0123456789abcdef",
                "{\"verdict\":\"ended\"}", Caller.OWNER, 404);
        ask(asks, "GET", "/api/v1/money/forecast", "/api/v1/money/forecast?days=45", "", Caller.OWNER, 400);
        ask(asks, "GET", "/api/v1/money/health", "/api/v1/money/health?to=later", "", Caller.OWNER, 400);
        ask(asks, "GET", "/api/v1/energy/bill", "/api/v1/energy/bill?kva=7", "", Caller.OWNER, 400);
        ask(asks, "GET", "/api/v1/carbon", "/api/v1/carbon?to=2025-13", "", Caller.OWNER, 400);
        ask(asks, "GET", "/api/v1/status", "/api/v1/status?colour=blue", "", Caller.OWNER, 400);
        ask(asks, "GET", "/api/v1/health", "/api/v1/health?colour=blue", "", Caller.NOBODY, 400);
        ask(asks, "GET", "/api/v1/records/{id}", "/api/v1/records/missing", "", Caller.OWNER, 404);
        ask(asks, "GET", "/api/v1/grants/{grant}", "/api/v1/grants/missing", "", Caller.OWNER, 404);
        ask(asks, "POST", "/api/v1/grants", "/api/v1/grants", "{}", Caller.OWNER, 400);
        // Bodies that are wrong, or requests the vault's state refuses: each answers a problem of its own.
        for (String route : List.of("/api/v1/csv-mappings/check", "/api/v1/csv-mappings", "/api/v1/erasure",
                "/api/v1/rights/requests/{request}/steps", "/api/v1/rights/fetch", "/api/v1/rights/changes",
                "/api/v1/rights/ask", "/api/v1/authorizations", "/api/v1/recipients/review", "/api/v1/recipients",
                "/api/v1/recipients/{recipient}/declarations", "/api/v1/imports", "/api/v1/authorizations/offer",
                "/api/v1/authorizations/refusal", "/api/v1/sources/{source}/erasure",
                "/api/v1/rights/requests/{request}/answers")) {
            ask(asks, "POST", route, route, "{}", Caller.OWNER, 400);
        }
        for (String route : List.of("/api/v1/account/password", "/api/v1/rights/organizations/{slug}",
                "/api/v1/rights/requests/{request}/identity-document")) {
            ask(asks, "PUT", route, route, "{}", Caller.OWNER, 400);
        }
        ask(asks, "PUT", "/api/v1/rights/mailbox", "/api/v1/rights/mailbox", "{}", Caller.OWNER, 422);
        ask(asks, "POST", "/api/v1/restore", "/api/v1/restore", "{}", Caller.OWNER, 409);
        ask(asks, "POST", "/api/v1/rights/requests/{request}/send", "/api/v1/rights/requests/{request}/send", "{}",
                Caller.OWNER, 409);
        ask(asks, "DELETE", "/api/v1/rights/requests/{request}/identity-document",
                "/api/v1/rights/requests/{request}/identity-document", "", Caller.OWNER, 409);
        ask(asks, "POST", "/api/v1/batches/{batch}/rejects/{number}/import", "/api/v1/batches/{batch}/rejects/1/import",
                "{}", Caller.OWNER, 400);
        ask(asks, "POST", "/api/v1/shared/records", "/api/v1/shared/records", "{\"records\":[{\"type\":\"geo.point\","
                + "\"start\":\"2026-11-20T00:00:00Z\",\"payload\":{\"latitude\":48.85,\"longitude\":2.35}}]}",
                Caller.RECIPIENT, 403);
        ask(asks, "DELETE", "/api/v1/reveal/places/{key}", "/api/v1/reveal/places/{key}", "", Caller.OWNER, 204);
        ask(asks, "DELETE", "/api/v1/rights/organizations/{slug}", "/api/v1/rights/organizations/{slug}", "",
                Caller.OWNER, 204);
        ask(asks, "DELETE", "/api/v1/rights/mailbox", "/api/v1/rights/mailbox", "", Caller.OWNER, 204);
        ask(asks, "DELETE", "/api/v1/rights/calendar", "/api/v1/rights/calendar", "", Caller.OWNER, 204);
        ask(asks, "GET", "/api/v1/status", "/api/v1/status", "", Caller.RECIPIENT, 403);
        ask(asks, "POST", "/api/v1/session", "/api/v1/session", "{}", Caller.NOBODY, 400);
        ask(asks, "POST", "/api/v1/session", "/api/v1/session", "{\"handle\":\"camille\",\"password\":\"guess\"}",
                Caller.NOBODY, 401);
        ask(asks, "GET", "/api/v1/records", "/api/v1/records", "", Caller.NOBODY, 401);
        ask(asks, "GET", "/api/v1/shared/grant", "/api/v1/shared/grant", "", Caller.NOBODY, 401);
        ask(asks, "DELETE", "/api/v1/session", "/api/v1/session", "", Caller.OWNER, 204);
        return asks;
    }

    private static void get(List<Ask> asks, String route) {
        ask(asks, "GET", route, route, "", Caller.OWNER, 200);
    }

    private static void ask(List<Ask> asks, String method, String route, String path, String body, Caller caller,
                            int status) {
        asks.add(new Ask(method, route, path, body, caller, status));
    }

    private HttpResponse<byte[]> send(Ask ask) {
        String path = ask.path();
        String body = ask.body();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            path = path.replace(parameter.getKey(), URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            body = body.replace(parameter.getKey(), parameter.getValue());
        }
        ApiClient client = ask.caller() == Caller.OWNER ? owner : new ApiClient(running.server());
        HttpRequest.Builder request = client.request(path).method(ask.method(), ask.method().equals("GET")
                || ask.method().equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (!ask.body().isEmpty()) {
            // The OAuth endpoints read forms (RFC 6749, section 4.1.3); everything else reads JSON.
            boolean json = ask.body().startsWith("{") || ask.body().startsWith("[");
            request.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded");
        }
        if (ask.caller() == Caller.RECIPIENT) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (ask.caller() == Caller.AUDITOR) {
            request.header("Authorization", "Bearer " + auditorToken);
        }
        return client.sendForBytes(request);
    }

    /** What in the answer the document does not say: its status, its content type, or anything in its body. */
    private List<String> undocumented(Ask ask, HttpResponse<byte[]> response) {
        String where = ask.operation() + " " + response.statusCode();
        JsonNode operation = operations().get(ask.operation());
        if (operation == null) {
            return List.of(ask.operation() + " is not in the document");
        }
        String status = Integer.toString(response.statusCode());
        if (!operation.get("responses").has(status)) {
            return List.of(where + ": the document declares only " + operation.get("responses").propertyNames());
        }
        String pointer = "/paths/" + escaped(ask.route()) + "/" + ask.method().toLowerCase(Locale.ROOT) + "/responses/"
                + status;
        if (document.at(pointer).has("$ref")) {
            pointer = document.at(pointer).get("$ref").stringValue().substring(1);
        }
        JsonNode declared = document.at(pointer);
        Optional<String> contentType = response.headers().firstValue("Content-Type")
                .map(value -> value.split(";")[0].trim());
        if (!declared.has("content")) {
            return response.body().length == 0 ? List.of()
                    : List.of(where + ": a body the document does not declare, " + contentType.orElse("untyped"));
        }
        Optional<String> range = contentType.flatMap(type -> declared.get("content").propertyNames().stream()
                .filter(declaredType -> covers(declaredType, type))
                .findFirst());
        if (range.isEmpty()) {
            return List.of(where + ": " + contentType.orElse("no content type") + " where the document declares "
                    + declared.get("content").propertyNames());
        }
        if (!contentType.orElseThrow().endsWith("json")) {
            return List.of();
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return schemaAt(pointer + "/content/" + escaped(range.get()) + "/schema")
                .validate(ApiClient.json(body)).stream()
                .map(error -> where + ": " + error)
                .toList();
    }

    /** The schema at that place of the closed copy of the document, its references resolved within the document. */
    private Schema schemaAt(String pointer) {
        return schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer.replace("{", "%7B").replace("}", "%7D")));
    }

    /** Whether a media type or range of the document, such as application/json or any type at all, covers the answer's. */
    private static boolean covers(String declared, String answered) {
        return declared.equals(answered) || declared.equals("*/*")
                || declared.endsWith("/*") && answered.startsWith(declared.substring(0, declared.length() - 1));
    }

    private static String escaped(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(method -> METHODS.contains(method.getKey()))
                .forEach(method -> operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        method.getValue())));
        return operations;
    }

    /**
     * A copy of the document where every schema that names its properties and says nothing of others allows no others.
     * What sits in an {@code allOf} or in the branches of a condition only adds to the schema it belongs to, so it stays
     * open and that schema is closed instead; a schema named in an {@code allOf} is taken open, as a copy of its own.
     */
    private static JsonNode closed(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        ObjectNode components = (ObjectNode) copy.get("components").get("schemas");
        Set<String> open = new TreeSet<>();
        openWhereCombined(copy, open);
        open.forEach(name -> components.set(name + ".open", components.get(name).deepCopy()));
        close(copy, false);
        return copy;
    }

    private static void openWhereCombined(JsonNode node, Set<String> open) {
        if (node.isObject()) {
            node.properties().forEach(property -> {
                if (property.getKey().equals("allOf")) {
                    property.getValue().forEach(member -> {
                        if (member.has("$ref")) {
                            String name = member.get("$ref").stringValue().substring("#/components/schemas/".length());
                            open.add(name);
                            ((ObjectNode) member).put("$ref", "#/components/schemas/" + name + ".open");
                        }
                    });
                }
                openWhereCombined(property.getValue(), open);
            });
        }
        else if (node.isArray()) {
            node.forEach(element -> openWhereCombined(element, open));
        }
    }

    private static void close(JsonNode node, boolean partial) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            boolean describesProperties = object.has("properties") && object.get("properties").isObject()
                    || object.has("allOf");
            if (!partial && describesProperties && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            object.properties().forEach(property -> {
                if (property.getKey().equals("allOf")) {
                    property.getValue().forEach(member -> close(member, true));
                }
                else {
                    close(property.getValue(), Set.of("if", "then", "else").contains(property.getKey())
                            || property.getKey().endsWith(".open"));
                }
            });
        }
        else if (node.isArray()) {
            node.forEach(element -> close(element, false));
        }
    }

    /** One of Camille's location points. */
    private String aPoint() {
        try (Stream<StoredRecord> records = vault.records().read(camille.id(), RecordQuery.all())) {
            return records.filter(record -> record.type() == RecordType.GEO_POINT).findFirst().orElseThrow().id().token();
        }
    }
}
