package org.selfdata.server;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.GrantStatus;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sharing page in a real browser: the person reads what an app declares, draws up a grant for it, sees why exact
 * location is not justified and what the app would receive at region precision, gives the grant, downloads its
 * receipt, withdraws it, and reads what the log says happened.
 */
class SharingPageBrowserTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");
    /** The registration document an app publishes: RFC 7591 client metadata, and selfdata's member. */
    private static final String MOBILITY_DOCUMENT = """
            {
              "client_name": "Mobilité Campus",
              "redirect_uris": ["https://mobilite.example/callback"],
              "client_uri": "https://mobilite.example",
              "contacts": ["dpo@mobilite.example"],
              "token_endpoint_auth_method": "none",
              "selfdata": {
                "legalName": "Mobilité Campus SAS",
                "country": "FR",
                "declaration": {
                  "purposes": [{
                    "purpose": "dpv:ServiceProvision",
                    "description": "counting trips between campuses",
                    "types": ["geo.trip"],
                    "categories": ["pd:Location"],
                    "precision": {"location": "department", "amount": "none", "time": "week",
                        "identifiers": "pseudonymized"},
                    "legalBasis": "eu-gdpr:A6-1-a"
                  }],
                  "retention": "P365D",
                  "securityMeasures": ["encryption at rest"]
                }
              }
            }""";
    private static final String PRECISION = "location: region, time: day, identifiers: pseudonymized";

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));

    @BeforeEach
    void registerTheAppOverPointsInLyon() {
        running.importLocationPoints(12);
        running.start();
        SharingFixtures.registerRegionalAlerts(running.camille(), CALLBACK);
    }

    @Test
    void thePersonGivesRegionsPreviewedThenWithdrawsAndReadsTheLog() throws IOException {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/sharing");
        Page page = tab.page();

        Locator recipient = page.locator(".recipient");
        assertThat(recipient.locator("h2")).hasText("Alertes Régionales");
        Locator declaration = recipient.locator(".declaration");
        assertThat(declaration.locator("h4")).hasText("notifications by region");
        assertThat(declaration).containsText("Purpose: communicating with you");
        assertThat(declaration).containsText("Data: location");
        assertThat(declaration).containsText("At most: " + PRECISION);
        assertThat(declaration).containsText("Legal basis: your consent (GDPR art. 6(1)(a))");
        assertThat(declaration).containsText("Keeps data: 30 days");
        assertThat(declaration).containsText("Sends it outside the European Economic Area: no");
        assertThat(recipient.locator(".grants")).containsText("Nothing yet.");
        tab.screenshot("sharing");

        declaration.locator("button.share").click();
        assertThat(page.locator("#draw-up-title")).hasText("Share with Alertes Régionales");
        page.locator("#grant-covered").selectOption("between");
        page.locator("#grant-covered-from").fill("2024-12-01");
        page.locator("#grant-covered-to").fill("2026-01-01");
        page.locator("#grant-location").selectOption("exact");
        assertThat(page.locator("#grant-location-help")).containsText("coordinates as they were recorded");
        assertThat(page.locator("#grant-reasons li")).hasText("asks for location at exact precision; the declared "
                + "purpose, notifications by region, needs location at region precision");
        assertThat(page.locator("#grant-give")).isDisabled();
        assertThat(page.locator("#grant-reveals .reveal-column h4")).hasText(new String[] {"Under the terms asked",
                "Under the terms the declaration justifies"});

        page.locator("#grant-location").selectOption("region");
        assertThat(page.locator("#grant-reveals .reveal-column h4"))
                .hasText(new String[] {"Under these terms, which the declaration justifies"});
        assertThat(page.locator("#grant-verdict")).hasText("Yes: your choices are within what Alertes Régionales declares.");
        assertThat(page.locator("#grant-reasons li")).hasCount(0);
        assertThat(page.locator("#grant-preview tbody tr")).hasCount(5);
        assertThat(page.locator("#grant-preview tbody tr").first()).containsText("Location points");
        assertThat(page.locator("#grant-preview tbody tr").first()).containsText("Auvergne-Rhône-Alpes");
        String preview = page.locator("#grant-preview-json").textContent();
        assertThat(JsonMapper.builder().build().readTree(preview)).hasSize(5)
                .allSatisfy(record -> assertThat(record.get("payload").get("area").get("code").stringValue())
                        .isEqualTo("FR-ARA"));
        SharingScenarioTest.assertNoCoordinate(preview);
        SharingScenarioTest.assertNoCoordinate(page.locator("#grant-preview").textContent());
        tab.screenshot("sharing-preview");

        page.locator("#grant-give").click();
        Locator grant = recipient.locator(".grant");
        assertThat(grant.locator(".badge")).hasText("given");
        assertThat(grant).containsText("How precisely: " + PRECISION);
        assertThat(page.locator("#draw-up")).isHidden();
        assertThat(page.locator("#given-next-text")).hasText("Alertes Régionales can now fetch what this grant allows, "
                + "until it ends. Each of its reads is written on the Activity page; to stop it, withdraw the grant below, "
                + "and its next request is refused.");
        assertThat(page.locator("#given-next a")).hasAttribute("href", "/activity");
        assertThat(grant.locator(".reveal-grant h4"))
                .hasText("What Alertes Régionales can work out about you from what it received");
        assertThat(grant.locator(".reveal-grant")).containsText("0 reads, 0 records received so far");

        Download download = page.waitForDownload(() -> grant.locator("button.receipts").click());
        JsonNode receipts = JsonMapper.builder().build().readTree(Files.readString(download.path())).get("receipts");
        assertThat(receipts).singleElement().satisfies(receipt -> {
            assertThat(receipt.get("event").stringValue()).isEqualTo("given");
            assertThat(receipt.get("jws").stringValue().split("\\.")).hasSize(3);
        });

        grant.locator("button.withdraw").click();
        assertThat(grant.locator(".confirm")).containsText("Withdraw this grant? Alertes Régionales will be refused");
        assertThat(page.locator("button.keep")).isFocused();
        assertThat(grant.locator(".badge")).hasText("given");
        grant.locator("button.confirm-withdrawal").click();
        assertThat(grant.locator(".badge")).hasText("withdrawn");
        assertThat(grant.locator("button.withdraw")).hasCount(0);
        assertThat(grant.locator(".grant-log li")).hasCount(2);
        assertThat(grant.locator(".grant-log li").nth(0)).containsText("you gave this grant (location region, amounts "
                + "none, time day, identifiers pseudonymized)");
        assertThat(grant.locator(".grant-log li").nth(1)).containsText("you withdrew this grant");
        tab.screenshot("sharing-withdrawn");
        tab.assertNoProblems();

        assertThat(vault.grants().list(camille.id())).singleElement()
                .satisfies(given -> assertThat(given.status(Instant.now())).isEqualTo(GrantStatus.WITHDRAWN));
    }

    @Test
    void aMemberOfTheVaultSeesTheRecipientsTheOperatorAdmittedAndNothingOfCamillesGrants() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS, TestServers.PASSWORD.toCharArray());
        SharingFixtures.authorize(running.camille(), running.server(), recipientId(), CALLBACK,
                SharingFixtures.exactLocationForNotifications());

        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn(dominique.handle(),
                TestServers.PASSWORD).open("/sharing");

        Locator recipient = tab.page().locator(".recipient");
        assertThat(recipient.locator("h2")).hasText("Alertes Régionales");
        assertThat(recipient.locator(".declaration h4")).hasText("notifications by region");
        assertThat(recipient.locator(".grants")).containsText("Nothing yet.");
        assertThat(recipient.locator(".declaration button.share")).isEnabled();
        tab.assertNoProblems();
    }

    private String recipientId() {
        return vault.recipients().list().getFirst().id().value();
    }

    @Test
    void freeTextIsShownAsDeclaredAskedOnlyWhenTickedAndRefusedWhereItIsNotDeclared() {
        String book = registerBookOfPosts(running.camille());
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/sharing");
        Page page = tab.page();
        Locator recipient = page.locator("#recipient-" + book);
        assertThat(recipient.locator(".declaration")).containsText("Free text: text (Posts)");

        recipient.locator("button.share").click();
        Locator text = page.getByLabel("text (Posts)");
        assertThat(page.locator("#grant-free-text")).containsText("It leaves only if you tick it here");
        assertThat(text).not().isChecked();
        assertThat(page.locator("#grant-verdict")).hasText("Yes: your choices are within what Livre Annuel declares.");
        text.check();
        assertThat(page.locator("#grant-reasons li")).hasText("asks for the free-text field text of social.message "
                + "records, which the declared purpose, a book of your posts, does not name; it names text of social.post "
                + "records");
        assertThat(page.locator("#grant-give")).isDisabled();
        tab.screenshot("sharing-free-text-refused");

        page.locator("#grant-use-offer").click();
        assertThat(text).not().isChecked();
        assertThat(page.locator("#grant-reasons li")).hasCount(0);
        page.getByLabel("Messages", new Page.GetByLabelOptions().setExact(true)).uncheck();
        page.getByLabel("communications", new Page.GetByLabelOptions().setExact(true)).uncheck();
        text.check();
        assertThat(page.locator("#grant-verdict")).hasText("Yes: your choices are within what Livre Annuel declares.");
        page.locator("#grant-give").click();
        assertThat(recipient.locator(".grant")).containsText("Free text: text");
        tab.assertNoProblems();

        assertThat(vault.grants().list(camille.id())).singleElement()
                .satisfies(given -> assertThat(given.terms().fields()).containsExactly("text"));
    }

    /** Registers an app that makes a book of the person's posts, and needs their text, and returns its id. */
    private static String registerBookOfPosts(ApiClient owner) {
        ObjectNode body = JsonMapper.builder().build().createObjectNode().put("name", "Livre Annuel")
                .put("legalName", "Livre Annuel SAS").put("country", "FR").put("contact", "contact@livre.example");
        body.putArray("redirectUris").add("https://livre.example/back");
        ObjectNode declaration = body.putObject("declaration").put("retention", "P30D");
        ObjectNode purpose = declaration.putArray("purposes").addObject().put("purpose", "dpv:ServiceProvision")
                .put("description", "a book of your posts").put("legalBasis", "eu-gdpr:A6-1-a");
        purpose.putArray("categories").add("pd:Communication");
        purpose.putArray("types").add("social.post").add("social.message");
        purpose.putObject("fields").putArray("social.post").add("text");
        purpose.putObject("precision");
        HttpResponse<String> registered = owner.post("/api/v1/recipients", body.toString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return ApiClient.json(registered).get("id").stringValue();
    }

    @Test
    void aTripAbroadIsPreviewedInWordsSayingWhyItsEndIsACountryAndWithoutAmounts() {
        running.importTripFromLyonToMontreal();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/sharing");
        Page page = tab.page();

        page.locator(".recipient .declaration button.share").click();
        page.locator("#grant-covered").selectOption("trailing:P3M");

        Locator trip = page.locator("#grant-preview tbody tr", new Page.LocatorOptions().setHasText("Trips"));
        assertThat(trip).hasCount(1);
        assertThat(trip.locator("td").nth(2)).hasText("By car: Auvergne-Rhône-Alpes → Canada");
        assertThat(page.locator("#grant-preview-why li")).hasText(new String[] {
            "Canada: the country, not the region. selfdata knows the regions of France only, and gives the country of "
                    + "a place elsewhere.",
            "A trip’s length is left out: it is worked out from the trip’s exact points, which this precision does not "
                    + "share."});
        assertThat(page.locator("#grant-preview-note")).hasText("A few of your records as Alertes Régionales would "
                + "receive them (location: region, time: day, identifiers: pseudonymized):");
        assertThat(page.locator("#grant-preview tbody")).not().containsText("IN_PASSENGER_VEHICLE");
        assertThat(page.locator("#grant-preview tbody")).not().containsText("{");
        tab.screenshot("sharing-trip-preview");
        tab.assertNoProblems();
    }

    @Test
    void theOperatorAddsAnAppFromItsRegistrationDocumentAfterReadingItsDeclaration() {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/sharing");
        Page page = tab.page();
        assertThat(page.locator("#not-operator")).isHidden();

        page.locator("#recipient-document").fill("{\"client_name\": ");
        page.locator("#recipient-review").click();
        assertThat(page.locator("#recipient-document-problem"))
                .hasText("This is not a registration document: it must be JSON, as the app publishes it.");
        page.locator("#recipient-document").fill(MOBILITY_DOCUMENT);
        page.locator("#recipient-review").click();

        Locator review = page.locator("#recipient-review-result");
        assertThat(page.locator("#recipient-review-title")).hasText("Admit Mobilité Campus?");
        assertThat(page.locator("#recipient-review-who")).hasText("Mobilité Campus SAS · France · dpo@mobilite.example · "
                + "It comes back to: https://mobilite.example/callback · Its site: https://mobilite.example");
        assertThat(review.locator(".declaration h4")).hasText("counting trips between campuses");
        assertThat(review.locator(".declaration")).containsText("Data: location, Trips");
        assertThat(review.locator(".declaration")).containsText("At most: location: département, time: week");
        assertThat(review.locator(".declaration")).containsText("Keeps data: 365 days");
        assertThat(review.locator("button.share")).hasCount(0);
        tab.screenshot("sharing-add-recipient");

        page.locator("#recipient-admit").click();
        Locator added = page.locator(".recipient", new Page.LocatorOptions().setHasText("Mobilité Campus"));
        assertThat(added.locator("h2")).hasText("Mobilité Campus");
        assertThat(added.locator(".declaration button.share")).hasText("Share with Mobilité Campus…");
        assertThat(page.locator("#given-next-text")).hasText("Mobilité Campus is admitted. It can now ask you for data, "
                + "and you can share with it below.");
        assertThat(review).isHidden();
        assertThat(vault.recipients().list()).extracting(recipient -> recipient.identity().name())
                .contains("Mobilité Campus");
        tab.assertNoProblems();
    }

    @Test
    void aMemberWhoIsNotTheOperatorIsToldWhoAddsRecipientsAndWhy() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.people().setPassword(dominique.id(), TestServers.PASSWORD.toCharArray());
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), "fr-FR").signIn("dominique",
                TestServers.PASSWORD).open("/sharing");

        assertThat(tab.page().locator("#add-recipient")).isHidden();
        assertThat(tab.page().locator("#not-operator")).hasText("Seul l’opérateur de ce coffre, la personne qui l’a "
                + "installé, ajoute des destinataires : une application admise ici peut demander des données à chaque "
                + "personne de ce coffre, et une seule personne répond donc de ce qu’elle déclare. Demandez-lui "
                + "d’ajouter l’application avec laquelle vous voulez partager.");
        tab.assertNoProblems();
    }

    @Test
    void theDeclarationReadsInFrench() {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), "fr-FR").signIn("camille",
                TestServers.PASSWORD).open("/sharing");

        Locator declaration = tab.page().locator(".recipient .declaration");
        assertThat(declaration).containsText("Au plus : lieu : région, heure : jour, "
                + "identifiants : pseudonymisés");
        assertThat(declaration).containsText("Base légale : votre consentement (RGPD art. 6(1)(a))");
        assertThat(declaration.locator("button.share")).hasText("Partager avec Alertes Régionales…");
        tab.assertNoProblems();
    }
}
