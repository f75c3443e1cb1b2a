package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.rights.Organization;
import org.selfdata.rights.OrganizationDetails;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Sender;
import org.selfdata.services.PlaceKeys;
import org.selfdata.texts.Language;
import org.selfdata.gate.Sharing;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GrantId;
import org.selfdata.model.Person;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.model.RecurringVerdict;
import org.selfdata.model.Position;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.Rejection;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogAuditors;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every route the server answers, asked by every kind of caller, against the status each must get.
 *
 * <p>The callers are the person whose data the request names (Dominique, a member of the vault), another person of the
 * same vault (Éloïse), the vault's operator (Camille, its first person), a recipient holding a token of one of
 * Dominique's grants, and nobody. The table is read from {@link SelfdataServer#routes()}, so a route added without a
 * row fails here, as does a row left behind by a route that went. Every answer that lets something through is then
 * searched for what belongs to the other people: their handles, grants, records, imports, and the region their
 * positions fall in, which is what a recipient or a preview shows of them at region precision. The operator admits
 * recipients and reads nobody's data but their own.
 *
 * <p>Path parameters name Dominique's things: her grant, her record, her latest import, her upload. The callers ask
 * in the order of {@link Caller}, the owner last, so that a request that changes something is refused to everyone
 * else before the owner's own goes through.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RouteAccessTableTest {
    private static final String DOMINIQUES_FLOW = "0123456789abcdef";
    private static final String OPERATOR_ONLY = "only the vault's operator admits recipients and their declarations";
    private static final String SIGN_IN_FIRST = "sign in first: this needs a session, which POST /api/v1/session starts";
    private static final String FOR_RECIPIENTS =
            "this route is for recipients: send the access token as Authorization: Bearer <token>";
    private static final String OWNERS_OWN = "a bearer token opens a recipient's routes (/api/v1/shared/...) or an "
            + "auditor's (/api/v1/audit/...) and nothing else (missing scope: owner); this route is the owner's own";
    private static final String NOT_AN_AUDITORS_TOKEN = "the auditor's token is unknown or expired, or the person ended it";
    private static final String NOT_A_RECIPIENTS_TOKEN = "the access token is unknown or expired, or its grant was withdrawn";
    private static final String FOR_AUDITORS = "this route is for the auditors a person named for their log: send the "
            + "auditor's token as Authorization: Bearer <token>";
    private static final String POINT_PUSH = "{\"records\":[{\"type\":\"geo.point\",\"start\":\"2026-11-20T00:00:00Z\","
            + "\"payload\":{\"latitude\":48.85,\"longitude\":2.35}}]}";
    private static final String AUTHORIZATION_REQUEST = "{authorization-request}";
    /** The slug of an organization Dominique added to the directory for herself. */
    private static final String OWN_ORGANIZATION = "cabinet-petit";
    /** Each person names the place where their points are: the key in paths is Dominique's. */
    private static final PlaceKeys PLACE_KEYS = new PlaceKeys();
    /** The text of a record Dominique's import rejected: hers alone to read. */
    private static final String QUARANTINED_TEXT = "Date;Libellé;Montant\n03/02/2025;LIBRAIRIE DE DOMINIQUE;douze";

    /** The first bytes of a bank's CSV file without a header, as the import page sends them for a mapping. */
    private static final String BANK_CSV_HEAD = "{\"head\":\"" + Base64.getEncoder().encodeToString(
            "12/03/2025;CARTE BOULANGERIE;-4,50;\n13/03/2025;PRLV EDF;-62,17;\n".getBytes(StandardCharsets.UTF_8)) + "\"}";

    /** Who asks, in the order they ask: the owner of the data last. */
    enum Caller { NOBODY, RECIPIENT, AUDITOR, OTHER, OPERATOR, OWNER }

    /**
     * One route, the request that stands for it, the status each caller must get, and whether each caller's answer shows
     * something of their own, so that an answer empty for everyone does not pass for one that holds nothing of others.
     */
    private record Row(String method, String route, String request, String body, boolean showsOwn,
                       Map<Caller, Integer> statuses) {
        String name() {
            return method + " " + route;
        }
    }

    private static final Map<String, Row> TABLE = new LinkedHashMap<>();

    static {
        //                                                                       owner other operator recipient nobody
        row("POST", "/api/v1/session").body("{}").expect(400, 400, 400, 400, 400);
        row("GET", "/api/v1/session").showingOwn().expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/openapi.json").expect(200, 200, 200, 200, 200);
        row("GET", "/api/v1/health").expect(200, 200, 200, 200, 200);
        row("GET", "/api/v1/health/live").expect(200, 200, 200, 200, 200);
        row("GET", "/api/v1/health/ready").expect(200, 200, 200, 200, 200);
        row("GET", "/.well-known/jwks.json").expect(200, 200, 200, 200, 200);
        row("GET", "/.well-known/oauth-authorization-server").expect(200, 200, 200, 200, 200);
        row("GET", "/ns/consent").expect(200, 200, 200, 200, 200);
        row("GET", "/ns/notices/{recipient}/{version}").asking("/ns/notices/{recipient}/1").expect(200, 200, 200, 200, 200);
        for (String page : List.of("/", "/import", "/explore", "/money", "/places", "/energy", "/carbon", "/across",
                "/reveal", "/sharing", "/activity", "/rights", "/account")) {
            row("GET", page).expect(200, 200, 200, 303, 303);
        }
        row("GET", "/sign-in").expect(303, 303, 303, 200, 200);
        // Single sign-on is off here: SingleSignOnTest signs in through a provider.
        row("GET", "/sign-in/oidc").expect(404, 404, 404, 404, 404);
        row("GET", "/sign-in/oidc/callback").asking("/sign-in/oidc/callback?state=s&code=c").expect(404, 404, 404, 404, 404);
        row("GET", "/assets/{file}").asking("/assets/selfdata.css").expect(200, 200, 200, 200, 200);
        row("GET", "/vendor/{file}").asking("/vendor/leaflet.js").expect(200, 200, 200, 200, 200);
        row("GET", "/language").asking("/language?to=fr").expect(303, 303, 303, 303, 303);
        row("GET", "/problems/{type}").asking("/problems/not-found").expect(200, 200, 200, 200, 200);

        row("GET", "/api/v1/status").showingOwn().expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/sources").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/batches").showingOwn().expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/batches/{batch}/rejects").asking("/api/v1/batches/{quarantined}/rejects").showingOwn()
                .expect(200, 404, 404, 403, 401);
        row("POST", "/api/v1/batches/{batch}/rejects/{number}/import")
                .asking("/api/v1/batches/{quarantined}/rejects/1/import").body("{}").expect(400, 404, 404, 403, 401);
        row("GET", "/api/v1/records").showingOwn().expect(200, 200, 200, 403, 401);
        // A word of Dominique's rent alone: nobody else finds it, and the recipient cannot search at all.
        row("GET", "/api/v1/records/search").asking("/api/v1/records/search?q=loyer").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/records/{id}").expect(200, 404, 404, 403, 401);
        row("GET", "/api/v1/records/{id}/history").expect(200, 404, 404, 403, 401);
        row("GET", "/api/v1/timeline").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/money").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/money/recurring").expect(200, 200, 200, 403, 401);
        row("PUT", "/api/v1/money/recurring/{key}").asking("/api/v1/money/recurring/" + DOMINIQUES_FLOW)
                .body("{\"verdict\":\"undo\"}").expect(200, 404, 404, 403, 401);
        row("GET", "/api/v1/money/forecast").asking("/api/v1/money/forecast?days=60").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/money/health").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/energy").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/energy/comparison")
                .asking("/api/v1/energy/comparison?from=2025-01-01&to=2025-02-01&againstFrom=2024-01-01&againstTo=2024-02-01")
                .expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/energy/bill").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/carbon").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/across").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/places").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/places/density")
                .asking("/api/v1/places/density?south=45&west=4&north=46&east=5&resolution=7")
                .expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/reveal/locations").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/reveal/money").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/reveal/agenda").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/reveal/places").showingOwn().expect(200, 200, 200, 403, 401);
        row("PUT", "/api/v1/reveal/places/{key}").body("{}").expect(400, 400, 400, 403, 401);
        row("DELETE", "/api/v1/reveal/places/{key}").expect(204, 404, 404, 403, 401);
        row("GET", "/api/v1/reveal/grants").expect(200, 200, 200, 403, 401);

        row("GET", "/api/v1/log").showingOwn().expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/log/head").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/log/verification").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/log/proofs/inclusion").asking("/api/v1/log/proofs/inclusion?index=0&size=1")
                .expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/log/proofs/consistency").asking("/api/v1/log/proofs/consistency?from=1&to=2")
                .expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/log/heads").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/log/auditors").showingOwn().expect(200, 200, 200, 403, 401);
        row("POST", "/api/v1/log/auditors").body("{\"name\":\"CNIL\"}").expect(201, 201, 201, 403, 401);
        row("DELETE", "/api/v1/log/auditors/{auditor}").expect(204, 404, 404, 403, 401);

        // The auditor Dominique named checks her log's heads and proofs, and nothing else.
        row("GET", "/api/v1/audit/log/head").auditedBy(200).expect(401, 401, 401, 401, 401);
        row("GET", "/api/v1/audit/log/heads").auditedBy(200).expect(401, 401, 401, 401, 401);
        row("GET", "/api/v1/audit/log/proofs/inclusion").asking("/api/v1/audit/log/proofs/inclusion?index=0&size=1")
                .auditedBy(200).expect(401, 401, 401, 401, 401);
        row("GET", "/api/v1/audit/log/proofs/consistency").asking("/api/v1/audit/log/proofs/consistency?from=1&to=2")
                .auditedBy(200).expect(401, 401, 401, 401, 401);

        row("GET", "/api/v1/recipients").expect(200, 200, 200, 403, 401);
        row("POST", "/api/v1/recipients").body("{}").expect(403, 403, 400, 403, 401);
        row("POST", "/api/v1/recipients/review").body("{}").expect(403, 403, 400, 403, 401);
        row("GET", "/api/v1/recipients/awaiting-admission").expect(403, 403, 200, 403, 401);
        row("GET", "/api/v1/recipients/{recipient}").expect(200, 200, 200, 403, 401);
        row("POST", "/api/v1/recipients/{recipient}/declarations").body("{}").expect(403, 403, 400, 403, 401);
        row("POST", "/api/v1/recipients/{recipient}/admission").body("{}").expect(403, 403, 200, 403, 401);

        row("GET", "/oauth/authorize").expect(200, 200, 200, 303, 303);
        row("POST", "/oauth/token").body("{}").expect(400, 400, 400, 400, 400);
        row("POST", "/oauth/revoke").body("{}").expect(400, 400, 400, 400, 400);
        row("POST", "/api/v1/authorizations/offer").body(AUTHORIZATION_REQUEST).showingOwn().expect(200, 200, 200, 403, 401);
        row("POST", "/api/v1/authorizations").body("{}").expect(400, 400, 400, 403, 401);
        row("POST", "/api/v1/authorizations/refusal").body(AUTHORIZATION_REQUEST).expect(200, 200, 200, 403, 401);

        row("GET", "/api/v1/grants").showingOwn().expect(200, 200, 200, 403, 401);
        row("POST", "/api/v1/grants").body("{}").expect(400, 400, 400, 403, 401);
        row("POST", "/api/v1/grants/preview").body("{}").expect(400, 400, 400, 403, 401);
        row("GET", "/api/v1/grants/{grant}").expect(200, 404, 404, 403, 401);
        row("GET", "/api/v1/grants/{grant}/receipts").expect(200, 404, 404, 403, 401);
        row("POST", "/api/v1/grants/{grant}/withdrawal").body("{}").expect(200, 404, 404, 403, 401);

        row("GET", "/api/v1/shared/records").showingOwn().expect(401, 401, 401, 200, 401);
        row("POST", "/api/v1/shared/records").body(POINT_PUSH).expect(401, 401, 401, 403, 401);
        row("GET", "/api/v1/shared/grant").showingOwn().expect(401, 401, 401, 200, 401);
        row("GET", "/api/v1/shared/log").showingOwn().expect(401, 401, 401, 200, 401);
        row("GET", "/api/v1/shared/log/head").expect(401, 401, 401, 200, 401);
        row("GET", "/api/v1/shared/log/proofs/inclusion").asking("/api/v1/shared/log/proofs/inclusion?index={entry}")
                .expect(401, 401, 401, 200, 401);
        row("GET", "/api/v1/shared/log/proofs/consistency").asking("/api/v1/shared/log/proofs/consistency?from=1&to=2")
                .expect(401, 401, 401, 200, 401);

        row("POST", "/api/v1/imports").body("{}").expect(400, 400, 400, 403, 401);
        row("GET", "/api/v1/imports").expect(200, 200, 200, 403, 401);
        row("GET", "/api/v1/imports/{job}").expect(200, 404, 404, 403, 401);
        row("GET", "/api/v1/imports/{job}/events").expect(200, 404, 404, 403, 401);
        row("POST", "/api/v1/csv-mappings/guess").body(BANK_CSV_HEAD).expect(200, 200, 200, 403, 401);
        row("POST", "/api/v1/csv-mappings/check").body("{}").expect(400, 400, 400, 403, 401);
        row("POST", "/api/v1/csv-mappings").body("{}").expect(400, 400, 400, 403, 401);

        row("GET", "/api/v1/rights/organizations").asking("/api/v1/rights/organizations?q=clearview")
                .expect(200, 200, 200, 403, 401);
        // Only Dominique keeps a version of her own of this organization: nobody else sees or removes it.
        row("GET", "/api/v1/rights/organizations/{slug}").showingOwn().expect(200, 404, 404, 403, 401);
        row("PUT", "/api/v1/rights/organizations/{slug}").body("{}").expect(400, 400, 400, 403, 401);
        row("DELETE", "/api/v1/rights/organizations/{slug}").expect(204, 404, 404, 403, 401);
        row("GET", "/api/v1/rights/requests").showingOwn().expect(200, 200, 200, 403, 401);
        row("POST", "/api/v1/rights/requests").body("{}").expect(400, 400, 400, 403, 401);
        row("GET", "/api/v1/rights/requests/{request}").expect(200, 404, 404, 403, 401);
        row("POST", "/api/v1/rights/requests/{request}/steps").body("{}").expect(400, 404, 404, 403, 401);
        row("GET", "/api/v1/rights/requests/{request}/letter").expect(200, 404, 404, 403, 401);
        row("GET", "/api/v1/rights/requests/{request}/evidence").expect(200, 404, 404, 403, 401);
        // Dominique's request went by post: it is not sent again by e-mail.
        row("POST", "/api/v1/rights/requests/{request}/send").body("{}").expect(409, 404, 404, 403, 401);
        // An answer is a multipart form, not JSON.
        row("POST", "/api/v1/rights/requests/{request}/answers").body("{}").expect(400, 404, 404, 403, 401);
        row("GET", "/api/v1/rights/requests/{request}/documents/{document}").expect(200, 404, 404, 403, 401);
        row("PUT", "/api/v1/rights/requests/{request}/identity-document").body("{}").expect(400, 404, 404, 403, 401);
        row("DELETE", "/api/v1/rights/requests/{request}/identity-document").expect(409, 404, 404, 403, 401);
        row("GET", "/api/v1/rights/requests/{request}/checklist").expect(200, 404, 404, 403, 401);
        row("GET", "/api/v1/rights/requests/{request}/comparison").expect(200, 404, 404, 403, 401);
        row("PUT", "/api/v1/rights/requests/{request}/checklist").body("{}").expect(200, 404, 404, 403, 401);
        // Dominique's request was posted today: neither a reminder nor a complaint is due yet, as the desk says.
        row("GET", "/api/v1/rights/requests/{request}/reminder").expect(409, 404, 404, 403, 401);
        row("GET", "/api/v1/rights/requests/{request}/complaint").expect(409, 404, 404, 403, 401);
        row("GET", "/api/v1/rights/mailbox").expect(200, 200, 200, 403, 401);
        row("PUT", "/api/v1/rights/mailbox").body("{}").expect(422, 422, 422, 403, 401);
        row("DELETE", "/api/v1/rights/mailbox").expect(204, 204, 204, 403, 401);
        // Nobody has a mailbox: there is nothing to fetch from.
        row("POST", "/api/v1/rights/fetch").body("{}").expect(400, 400, 400, 403, 401);
        // The feed's address is its secret, Dominique's here: a calendar application reads it without a session.
        row("GET", "/api/v1/rights/calendar/{token}.ics").asking("/api/v1/rights/calendar/{calendar}.ics")
                .expect(200, 200, 200, 200, 200);
        row("POST", "/api/v1/rights/calendar").body("{}").expect(200, 200, 200, 403, 401);
        row("DELETE", "/api/v1/rights/calendar").expect(204, 204, 204, 403, 401);
        row("GET", "/api/v1/rights/reminders").expect(200, 200, 200, 403, 401);
        row("PUT", "/api/v1/rights/reminders").body("{}").expect(400, 400, 400, 403, 401);
        // Only Dominique said who they are in their letters.
        row("GET", "/api/v1/rights/sender").expect(200, 200, 200, 403, 401);
        row("PUT", "/api/v1/rights/sender").body("{}").expect(400, 400, 400, 403, 401);
        row("POST", "/api/v1/rights/changes/candidates").body("{}").expect(400, 400, 400, 403, 401);
        row("POST", "/api/v1/rights/changes").body("{}").expect(400, 400, 400, 403, 401);
        row("POST", "/api/v1/rights/ask").body("{}").expect(400, 400, 400, 403, 401);

        row("GET", "/api/v1/export").showingOwn().expect(200, 200, 200, 403, 401);
        row("POST", "/api/v1/restore").body("{}").expect(409, 409, 409, 403, 401);
        row("POST", "/api/v1/erasure").body("{}").expect(400, 400, 400, 403, 401);
        row("POST", "/api/v1/sources/{source}/erasure").body("{}").expect(400, 404, 404, 403, 401);
        row("PUT", "/api/v1/account/password").body("{}").expect(400, 400, 400, 403, 401);
        row("GET", "/api/v1/keys").expect(200, 200, 200, 403, 401);
        row("POST", "/api/v1/keys/rotation").body("{}").expect(200, 200, 200, 403, 401);
        row("DELETE", "/api/v1/session").expect(204, 204, 204, 403, 401);
    }

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final Person camille;
    private final Person dominique;
    private final Person eloise;
    private final Map<Caller, ApiClient> clients = new EnumMap<>(Caller.class);
    private final Map<Person, Set<String>> markers = new LinkedHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private String accessToken;
    private String auditorToken;

    RouteAccessTableTest(Engine engine) {
        running = new RunningServer(engine);
        vault = running.vault();
        camille = vault.person(Optional.of("camille"));
        dominique = vault.people().create("dominique", TestVaults.PARIS);
        eloise = vault.people().create("eloise", TestVaults.PARIS);
    }

    @BeforeEach
    void giveEachPersonDataAndGrantsAndStart() {
        Recipient meteo = SampleRecipients.meteoLocale(vault);
        importPoints(camille, 48.58, 7.75, "FR-GES");
        importPoints(dominique, 48.11, -1.68, "FR-BRE");
        importPoints(eloise, 43.60, 1.44, "FR-OCC");
        importBank(camille, SyntheticRecords.coffee(LocalDate.of(2025, 2, 3), 1));
        importBank(dominique, SyntheticRecords.rent(LocalDate.of(2025, 1, 1), 1));
        importBank(eloise, SyntheticRecords.coffee(LocalDate.of(2025, 3, 4), 1));
        long quarantined = vault.imports().write(dominique.id(), new ImportRequest(SyntheticRecords.BANK, "csv",
                "dominique-releve.csv"), Stream.of(new Rejection(Position.line(2), "expected an amount",
                Optional.empty(), Optional.of(QUARANTINED_TEXT)))).id().value();
        Sharing sharing = Sharing.over(vault, Clock.systemUTC());
        GrantId tokens = SharingFixtures.regionalNotifications(sharing, dominique.id(), meteo);
        GrantId withdrawn = SharingFixtures.regionalNotifications(sharing, dominique.id(), meteo);
        SharingFixtures.regionalNotifications(sharing, eloise.id(), meteo);
        SharingFixtures.regionalNotifications(sharing, camille.id(), meteo);
        accessToken = vault.oauthTokens().issueAccessToken(new OAuthTokens.Binding(dominique.id(), tokens, meteo.id()),
                Duration.ofHours(1));
        for (Person person : List.of(dominique, eloise)) {
            vault.people().setPassword(person.id(), TestServers.PASSWORD.toCharArray());
        }
        RightsDesk desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT),
                Clock.systemUTC());
        desk.settings().saveSender(dominique.id(), new Sender("Dominique Petit", Optional.of("3 quai Duguay-Trouin\n"
                + "35000 Rennes\nFrance"), Optional.empty()));
        Map<Person, String> requests = new LinkedHashMap<>();
        for (Person person : List.of(camille, dominique, eloise)) {
            requests.put(person, desk.draft(person.id(), new RightsDesk.NewRequest("clearview-ai", Right.ACCESS, false,
                    Optional.empty(), Organization.Channel.LETTER, Language.FRENCH, Map.of())).timeline().request().id());
        }
        desk.organizations().save(dominique.id(), OWN_ORGANIZATION, new OrganizationDetails("Cabinet Petit",
                Optional.of("3 quai Duguay-Trouin\n35000 Rennes\nFrance"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        RightsDesk.RequestView posted = desk.markSent(dominique.id(), requests.get(dominique), LocalDate.now(TestVaults.PARIS));
        String calendar = desk.calendars().issue(dominique.id());
        running.start();
        clients.put(Caller.OWNER, signedIn(dominique));
        clients.put(Caller.OTHER, signedIn(eloise));
        clients.put(Caller.OPERATOR, signedIn(camille));
        clients.put(Caller.RECIPIENT, new ApiClient(running.server()));
        clients.put(Caller.AUDITOR, new ApiClient(running.server()));
        clients.put(Caller.NOBODY, new ApiClient(running.server()));
        parameters.put("{grant}", withdrawn.value());
        LogAuditors.Named auditor = vault.auditors().name(dominique.id(), "CNIL", Duration.ofDays(90));
        auditorToken = vault.auditors().name(dominique.id(), "Maître Petit", Duration.ofDays(90)).token();
        parameters.put("{auditor}", auditor.auditor().id());
        parameters.put("{entry}", Long.toString(vault.log().query(dominique.id(), LogQuery.all().withGrant(tokens).limit(1))
                .getFirst().index()));
        parameters.put("{id}", records(dominique).getFirst());
        parameters.put("{recipient}", meteo.id().value());
        parameters.put("{job}", ContactUpload.upload(clients.get(Caller.OWNER), "dominique-contacts.vcf"));
        // Batches are numbered per person: Dominique's third and fourth are ones nobody else has.
        parameters.put("{batch}", Long.toString(vault.imports().batches(dominique.id()).getLast().id().value()));
        parameters.put("{quarantined}", Long.toString(quarantined));
        // Sources are numbered per person too: Dominique's last is one nobody else has.
        parameters.put("{source}", Long.toString(vault.imports().sources(dominique.id()).getLast().id().value()));
        parameters.put(AUTHORIZATION_REQUEST, SharingFixtures.requestBody(authorizationRequest(meteo)));
        for (Person person : List.of(camille, dominique, eloise)) {
            Set<String> own = markers.get(person);
            own.add(person.handle());
            vault.grants().list(person.id()).forEach(grant -> own.add(grant.id().value()));
            own.addAll(records(person));
        }
        markers.get(dominique).add(parameters.get("{job}"));
        markers.get(dominique).add("LIBRAIRIE DE DOMINIQUE");
        requests.forEach((person, request) -> markers.get(person).add(request));
        parameters.put("{request}", requests.get(dominique));
        parameters.put("{document}", posted.timeline().latest().documents().getFirst().id());
        parameters.put("{calendar}", calendar);
        parameters.put("{slug}", OWN_ORGANIZATION);
        markers.get(dominique).add("Cabinet Petit");
        markers.get(dominique).add("Maître Petit");
        for (Person person : List.of(camille, eloise)) {
            String name = "Avocat de " + person.handle();
            vault.auditors().name(person.id(), name, Duration.ofDays(90));
            markers.get(person).add(name);
        }
        Map<Person, double[]> homes = Map.of(camille, new double[] {48.58, 7.75}, dominique, new double[] {48.11, -1.68},
                eloise, new double[] {43.60, 1.44});
        homes.forEach((person, home) -> {
            String name = "Chez " + person.handle();
            vault.placeCorrections().correct(person.id(), PLACE_KEYS.key(home[0], home[1]), home[0], home[1],
                    PlaceVerdict.NAMED, Optional.of(name));
            markers.get(person).add(name);
        });
        parameters.put("{key}", PLACE_KEYS.key(48.11, -1.68));
        // What Dominique said of a payment of hers holds, so that she alone can take it back.
        vault.recurringCorrections().correct(dominique.id(), DOMINIQUES_FLOW, RecurringVerdict.CONFIRMED,
                Optional.of("Loyer de Dominique"));
        markers.get(dominique).add("Loyer de Dominique");
    }

    @Test
    void everyRouteTheServerAnswersHasARowAndEveryRowARoute() {
        Set<String> answered = running.server().routes().stream()
                .map(route -> route.method() + " " + route.path())
                .collect(Collectors.toSet());

        assertThat(TABLE.keySet()).containsExactlyInAnyOrderElementsOf(answered);
    }

    @Test
    void everyCallerGetsItsStatusOnEveryRouteAndNothingOfAnotherPerson() {
        List<String> mismatches = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Row row : TABLE.values()) {
            for (Caller caller : Caller.values()) {
                HttpResponse<byte[]> response = send(caller, row);
                int expected = row.statuses().get(caller);
                String cell = row.name() + " by " + caller;
                if (response.statusCode() != expected) {
                    mismatches.add(cell + ": " + response.statusCode() + " instead of " + expected + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
                    continue;
                }
                refusal(row, caller, expected).ifPresent(detail -> assertProblem(cell, response, detail));
                if (expected < 400) {
                    leaks.addAll(othersIn(caller, cell, response));
                }
                if (expected < 300 && row.showsOwn() && caller != Caller.NOBODY) {
                    Person self = self(caller).orElseThrow();
                    if (markers.get(self).stream().noneMatch(readable(response)::contains)) {
                        leaks.add(cell + " shows nothing of " + self.handle() + "'s own");
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(leaks).isEmpty();
    }

    /** What the guard or the vault says when it refuses a caller, for the refusals that do not depend on the body. */
    private static Optional<String> refusal(Row row, Caller caller, int status) {
        boolean forRecipients = row.route().startsWith("/api/v1/shared/");
        boolean forAuditors = row.route().startsWith("/api/v1/audit/");
        if (status == 401 && forAuditors) {
            return Optional.of(caller == Caller.RECIPIENT ? NOT_AN_AUDITORS_TOKEN : FOR_AUDITORS);
        }
        if (status == 401 && forRecipients && caller == Caller.AUDITOR) {
            return Optional.of(NOT_A_RECIPIENTS_TOKEN);
        }
        if (status == 401 && caller == Caller.NOBODY && !forRecipients) {
            return Optional.of(SIGN_IN_FIRST);
        }
        if (status == 401 && forRecipients) {
            return Optional.of(FOR_RECIPIENTS);
        }
        if (status == 403 && (caller == Caller.RECIPIENT || caller == Caller.AUDITOR) && !forRecipients) {
            return Optional.of(OWNERS_OWN);
        }
        if (status == 403 && row.route().startsWith("/api/v1/recipients")) {
            return Optional.of(OPERATOR_ONLY);
        }
        return Optional.empty();
    }

    private static void assertProblem(String cell, HttpResponse<byte[]> response, String detail) {
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(cell).startsWith(Problems.MEDIA_TYPE);
        assertThat(ApiClient.json(new String(response.body(), StandardCharsets.UTF_8)).get("detail").stringValue())
                .as(cell).isEqualTo(detail);
    }

    /** What the answer holds of any person other than the one the caller acts for: the recipient acts for Dominique. */
    private List<String> othersIn(Caller caller, String cell, HttpResponse<byte[]> response) {
        String text = readable(response);
        Optional<Person> self = self(caller);
        List<String> found = new ArrayList<>();
        markers.forEach((person, own) -> {
            if (self.filter(person::equals).isEmpty()) {
                own.stream().filter(text::contains).forEach(marker -> found.add(cell + " holds " + person.handle()
                        + "'s " + marker));
            }
        });
        return found;
    }

    private Optional<Person> self(Caller caller) {
        return switch (caller) {
            case OWNER, RECIPIENT, AUDITOR -> Optional.of(dominique);
            case OTHER -> Optional.of(eloise);
            case OPERATOR -> Optional.of(camille);
            case NOBODY -> Optional.empty();
        };
    }

    /** The answer's headers and body, with a zip archive's entries read out. */
    private static String readable(HttpResponse<byte[]> response) {
        StringBuilder text = new StringBuilder(response.headers().map().toString());
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/zip")) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
                while (zip.getNextEntry() != null) {
                    text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        else {
            text.append(new String(response.body(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private HttpResponse<byte[]> send(Caller caller, Row row) {
        ApiClient client = clients.get(caller);
        String path = row.request();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            path = path.replace(parameter.getKey(), parameter.getValue());
        }
        String body = parameters.getOrDefault(row.body(), row.body());
        HttpRequest.Builder request = client.request(path).header("Content-Type", "application/json")
                .method(row.method(), row.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (caller == Caller.RECIPIENT) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (caller == Caller.AUDITOR) {
            request.header("Authorization", "Bearer " + auditorToken);
        }
        HttpResponse<byte[]> response = client.sendForBytes(request);
        if (client.csrfToken().isPresent() && client.sessionToken().isEmpty()) {
            // Signed out by DELETE /api/v1/session: signed in again for the rows after it.
            client.signIn(handle(caller), TestServers.PASSWORD);
        }
        return response;
    }

    private String handle(Caller caller) {
        return switch (caller) {
            case OWNER -> dominique.handle();
            case OTHER -> eloise.handle();
            case OPERATOR -> camille.handle();
            case RECIPIENT, AUDITOR, NOBODY -> throw new IllegalArgumentException(caller + " has no session");
        };
    }

    private ApiClient signedIn(Person person) {
        ApiClient client = new ApiClient(running.server());
        assertThat(client.signIn(person.handle(), TestServers.PASSWORD).statusCode()).isEqualTo(200);
        return client;
    }

    /**
     * Ten location points of the person's own, a minute apart, in a region of their own: what a recipient or a preview
     * shows of them at region precision still says whose they are.
     */
    private void importPoints(Person person, double latitude, double longitude, String region) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofDays(markers.size()));
        vault.imports().write(person.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                person.handle() + "-Records.json"), IntStream.range(0, 10).mapToObj(index -> RecordDraft.of(
                TimeSpan.at(start.plusSeconds(60L * index)), new GeoPoint(latitude + index * 1e-4, longitude,
                        Optional.of(10), Optional.empty(), Optional.of("GPS"), Optional.empty(), Optional.empty()),
                Position.jsonPointer("/locations/" + index))));
        markers.put(person, new LinkedHashSet<>(List.of(region)));
    }

    private void importBank(Person person, RecordDraft transaction) {
        vault.imports().write(person.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", person.handle() + "-releve.ofx"),
                Stream.of(transaction));
    }

    private List<String> records(Person person) {
        try (Stream<StoredRecord> records = vault.records().read(person.id(), RecordQuery.all())) {
            return records.map(record -> record.id().token()).toList();
        }
    }

    private static String authorizationRequest(Recipient recipient) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(recipient.id().value()))
                .redirectionURI(SampleRecipients.METEO_REDIRECTS.getFirst())
                .state(new State())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .authorizationDetails(List.of(SharingFixtures.exactLocationForNotifications()))
                .build()
                .toQueryString();
    }

    private static RowBuilder row(String method, String route) {
        return new RowBuilder(method, route, route, "", false, Optional.empty());
    }

    /** A row as the table above writes it: the route, then what differs in its request, then the statuses. */
    /**
     * A row being written. The auditor's status is given only on the auditors' routes: everywhere else its token is a
     * bearer token that is no recipient's, so it gets what a forged one gets (401 on a recipient's route, 403 on the
     * owner's) or, on a public route, what nobody gets.
     */
    private record RowBuilder(String method, String route, String request, String body, boolean showsOwn,
                              Optional<Integer> auditor) {
        RowBuilder asking(String path) {
            return new RowBuilder(method, route, path, body, showsOwn, auditor);
        }

        RowBuilder body(String json) {
            return new RowBuilder(method, route, request, json, showsOwn, auditor);
        }

        RowBuilder showingOwn() {
            return new RowBuilder(method, route, request, body, true, auditor);
        }

        RowBuilder auditedBy(int status) {
            return new RowBuilder(method, route, request, body, showsOwn, Optional.of(status));
        }

        void expect(int owner, int other, int operator, int recipient, int nobody) {
            int auditing = auditor.orElse(route.startsWith("/api/v1/shared/") ? 401 : nobody == 401 ? 403 : nobody);
            Map<Caller, Integer> statuses = new EnumMap<>(Map.of(Caller.OWNER, owner, Caller.OTHER, other,
                    Caller.OPERATOR, operator, Caller.RECIPIENT, recipient, Caller.NOBODY, nobody, Caller.AUDITOR, auditing));
            Row row = new Row(method, route, request, body, showsOwn, statuses);
            if (TABLE.put(row.name(), row) != null) {
                throw new IllegalStateException(row.name() + " has two rows");
            }
        }
    }
}
