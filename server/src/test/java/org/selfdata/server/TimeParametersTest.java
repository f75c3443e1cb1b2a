package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.GrantOutcome;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Sharing;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DeclaredPurpose;
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
import org.selfdata.vault.Vault;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that takes a date refuses one outside the years 0000 to 9999 with a problem naming the parameter, however
 * far out it is and however it is written, as it refuses a date it cannot read; none answers 500. Times sent in a body
 * (a grant's validity and covered period, a record a recipient pushes) are refused alike.
 */
class TimeParametersTest {
    private static final String IN_RANGE = ", in the years 0000 to 9999";
    private static final String INSTANT = "' must be an ISO-8601 instant such as 2025-01-31T23:00:00Z" + IN_RANGE;
    private static final String DAY = "' must be a day such as 2025-03-01" + IN_RANGE;
    private static final String MONTH = "' must be a month such as 2025-09" + IN_RANGE;
    private static final String DAY_OR_INSTANT = "' must be a day such as 2025-01-31 or an instant such as "
            + "2025-01-31T23:00:00Z" + IN_RANGE;
    private static final List<String> FAR_INSTANTS = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999Z", "+1000000000-01-01T00:00:00Z");
    private static final List<String> FAR_DAYS = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01",
            "-0001-12-31");
    private static final List<String> FAR_MONTHS = List.of("+999999999-12", "-999999999-01", "+10000-01", "-0001-12");

    /** A route, the date parameters it takes, what each must be, and the values it must refuse. */
    private record Route(String path, List<String> parameters, String expected, List<String> farValues) {}

    private static final List<Route> OWNERS_ROUTES = List.of(
            new Route("/api/v1/records", List.of("from", "to"), DAY_OR_INSTANT, concat(FAR_DAYS, FAR_INSTANTS)),
            new Route("/api/v1/places", List.of("from", "to"), DAY_OR_INSTANT, concat(FAR_DAYS, FAR_INSTANTS)),
            new Route("/api/v1/places/density", List.of("from", "to"), DAY_OR_INSTANT, concat(FAR_DAYS, FAR_INSTANTS)),
            new Route("/api/v1/energy", List.of("from", "to"), DAY_OR_INSTANT, concat(FAR_DAYS, FAR_INSTANTS)),
            new Route("/api/v1/energy/comparison", List.of("from", "to", "againstFrom", "againstTo"), DAY_OR_INSTANT,
                    concat(FAR_DAYS, FAR_INSTANTS)),
            new Route("/api/v1/timeline", List.of("from", "to"), DAY, FAR_DAYS),
            new Route("/api/v1/money", List.of("from", "to"), MONTH, FAR_MONTHS),
            new Route("/api/v1/carbon", List.of("from", "to"), MONTH, FAR_MONTHS));
    private static final Route SHARED = new Route("/api/v1/shared/records", List.of("from", "to"), INSTANT, FAR_INSTANTS);

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private final List<Recipient> recipients = new ArrayList<>();
    private ApiClient owner;
    private String recipientToken;
    private String writerToken;

    @BeforeEach
    void giveALocationGrantAndStart() {
        running.importLocationPoints(5);
        recipientToken = locationToken();
        writerToken = energyWriteToken();
        running.start();
        owner = running.camille();
    }

    @Test
    void everyDateOutsideTheYears0000To9999IsRefusedNamingItsParameterOnEveryRoute() {
        List<String> answers = new ArrayList<>();
        for (Route route : OWNERS_ROUTES) {
            answers.addAll(refusals(route, path -> owner.get(path)));
        }
        answers.addAll(refusals(SHARED, this::recipientGet));

        assertThat(answers).isEmpty();
    }

    @Test
    void theFirstAndLastInstantsOfTheRangeAreAnswered() {
        assertThat(owner.get("/api/v1/records?from=0000-01-01T00:00:00Z&to=" + encoded("9999-12-31T23:59:59.999Z"))
                .statusCode()).isEqualTo(200);
        assertThat(owner.get("/api/v1/places?from=0000-01-01T00:00:00Z&to=9999-12-31T23:59:59Z").statusCode())
                .isEqualTo(200);
        assertThat(owner.get("/api/v1/timeline?from=2025-01-01&to=9999-12-31").statusCode()).isEqualTo(200);
        assertThat(owner.get("/api/v1/money?from=9999-01&to=9999-12").statusCode()).isEqualTo(200);
        assertThat(recipientGet("/api/v1/shared/records?from=0000-01-01T00:00:00Z").statusCode()).isEqualTo(200);
    }

    @Test
    void aGrantOrARecordSentWithATimeOutsideTheYears0000To9999IsRefusedSayingWhichTime() {
        String far = "+999999999-12-31T23:59:59Z";
        String grant = """
                {"recipient":"%s","purpose":"dpv:CommunicationManagement","purposeDescription":"what Alertes Régionales does",
                 "legalBasis":"eu-gdpr:A6-1-a","types":["geo.point"],"precision":{},"retention":"P30D",%s}""";
        String recipient = recipients.getFirst().id().value();

        assertProblem(owner.post("/api/v1/grants", grant.formatted(recipient,
                "\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"" + far + "\"")), 400,
                "'validUntil' is an instant such as 2026-12-24T00:00:00Z, in the years 0000 to 9999");
        assertProblem(owner.post("/api/v1/grants", grant.formatted(recipient, "\"validity\":\"P999999999D\"")), 400,
                "'validity' must end in the years 0000 to 9999");
        assertProblem(owner.post("/api/v1/grants", grant.formatted(recipient, "\"validity\":\"PT2562047788015215H\"")),
                400, "'validity' must end in the years 0000 to 9999");
        assertProblem(owner.post("/api/v1/grants", grant.formatted(recipient, "\"validity\":\"P30D\","
                + "\"covered\":\"between:2025-01-01T00:00:00Z/" + far + "\"")), 400,
                "a covered period must be in the years 0000 to 9999");
        assertProblem(push("{\"records\":[{\"type\":\"energy.reading\",\"start\":\"" + far + "\",\"payload\":"
                + "{\"meter\":\"09876543210987\",\"quantity\":\"ENERGY\",\"value\":8400}}]}"), 422,
                "the record at /records/0 cannot be read: a time must be an instant such as 2026-11-24T08:00:00Z, "
                        + "in the years 0000 to 9999");
        assertThat(vault.grants().list(camille.id())).hasSize(2);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo(detail);
    }

    /** What each far value of each parameter got, when it was not the expected refusal; empty when all were. */
    private static List<String> refusals(Route route, Function<String, HttpResponse<String>> get) {
        List<String> wrong = new ArrayList<>();
        for (String parameter : route.parameters()) {
            for (String value : route.farValues()) {
                for (String written : List.of(encoded(value), value)) {
                    String path = route.path() + "?" + parameter + "=" + written;
                    HttpResponse<String> response = get.apply(path);
                    String expected = "parameter '" + parameter + route.expected();
                    boolean refused = response.statusCode() == 400
                            && response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")
                            && ApiClient.json(response).get("detail").stringValue().equals(expected);
                    if (!refused) {
                        wrong.add(path + " -> " + response.statusCode() + " " + response.body());
                    }
                }
            }
        }
        return wrong;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private String locationToken() {
        return token(register("Alertes Régionales", Recipient.Kind.APP, Purpose.COMMUNICATION_MANAGEMENT, Category.LOCATION),
                GrantKind.READ, RecordType.GEO_POINT);
    }

    private String energyWriteToken() {
        return token(register("Énergie Locale", Recipient.Kind.ORGANIZATION, Purpose.SERVICE_PROVISION, Category.HOUSEHOLD),
                GrantKind.WRITE, RecordType.ENERGY_READING);
    }

    /** A recipient and the one purpose it declared. */
    private record Declared(Recipient recipient, DeclaredPurpose purpose) {}

    private Declared register(String name, Recipient.Kind kind, Purpose purpose, Category category) {
        Recipient recipient = vault.recipients().register(camille.id(), new RecipientIdentity(name, name + " SAS", "FR",
                "contact@example.org", Optional.empty()), List.of(URI.create("https://example.org/back")), kind);
        DeclaredPurpose declared = new DeclaredPurpose(purpose, "what " + name + " does", Set.of(category), Set.of(),
                Precision.EXACT, LegalBasis.CONSENT);
        vault.recipients().declare(camille.id(), recipient.id(), new ProcessingDeclaration(1, List.of(declared), List.of(),
                List.of(), Duration.ofDays(30), List.of("encryption at rest")));
        recipients.add(recipient);
        return new Declared(recipient, declared);
    }

    private String token(Declared declared, GrantKind kind, RecordType type) {
        Recipient recipient = declared.recipient();
        Instant now = Instant.now();
        GrantTerms terms = new GrantTerms(recipient.id(), 1, kind, declared.purpose().purpose(),
                declared.purpose().description(),
                LegalBasis.CONSENT, Set.of(type), Set.of(), Set.of(), Precision.EXACT, CoveredPeriod.trailing(Period.ofYears(3)),
                now, now.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000);
        GrantOutcome outcome = Sharing.over(vault, Clock.systemUTC()).give(camille.id(), terms);
        assertThat(outcome).as(outcome.toString()).isInstanceOf(ReceiptedGrant.class);
        return vault.oauthTokens().issueAccessToken(new OAuthTokens.Binding(camille.id(),
                ((ReceiptedGrant) outcome).grant().id(), recipient.id()), Duration.ofHours(1));
    }

    private HttpResponse<String> recipientGet(String path) {
        return SharingFixtures.bearerGet(running.server(), recipientToken, path);
    }

    private HttpResponse<String> push(String body) {
        return SharingFixtures.bearerPost(running.server(), writerToken, "/api/v1/shared/records", body);
    }
}
