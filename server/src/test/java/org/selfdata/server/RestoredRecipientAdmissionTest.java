package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Sharing;
import org.selfdata.model.Person;
import org.selfdata.model.Recipient;
import org.selfdata.portability.ExistingFile;
import org.selfdata.portability.Export;
import org.selfdata.portability.Restore;
import org.selfdata.vault.Engine;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dominique, a member of Camille's vault, restores the archive of a vault where she had shared with Météo Locale, an
 * app this vault had never admitted: it comes back as the evidence of her grants and awaits Camille, the operator, who
 * reads what it declares before admitting it.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RestoredRecipientAdmissionTest {
    private static final String OPERATOR_ONLY = "only the vault's operator admits recipients and their declarations";

    @RegisterExtension
    final RunningServer running;
    private final Engine engine;
    private final Vault vault;
    @TempDir
    Path folder;
    private Recipient meteo;
    private ApiClient camille;
    private ApiClient dominique;

    RestoredRecipientAdmissionTest(Engine engine) {
        this.engine = engine;
        running = new RunningServer(engine);
        vault = running.vault();
    }

    @BeforeEach
    void dominiqueRestoresHerSharingFromAnotherVault() {
        Person member = vault.people().create("dominique", TestVaults.PARIS);
        vault.people().setPassword(member.id(), TestServers.PASSWORD.toCharArray());
        meteo = restoreSharingFromElsewhere(engine, folder, vault, member);
        running.start();
        camille = running.camille();
        dominique = new ApiClient(running.server());
        dominique.signIn("dominique", TestServers.PASSWORD);
    }

    /**
     * Restores into the vault, for the member, the archive of another vault where they had shared with Météo Locale:
     * it comes back awaiting admission, and is returned.
     */
    static Recipient restoreSharingFromElsewhere(Engine engine, Path folder, Vault vault, Person member) {
        Path archive = folder.resolve(member.handle() + ".zip");
        Recipient recipient;
        try (Vault elsewhere = TestVaults.create(engine, folder.resolve("elsewhere"))) {
            Person them = elsewhere.people().create(member.handle(), TestVaults.PARIS);
            recipient = SampleRecipients.meteoLocale(elsewhere);
            Sharing.over(elsewhere, Clock.systemUTC()).give(them.id(),
                    SampleRecipients.regionTerms(recipient, Instant.now(), Duration.ofDays(30)));
            new Export(elsewhere, Gate.over(elsewhere), Clock.systemUTC()).write(them.id(), archive, ExistingFile.REFUSE);
        }
        new Restore(vault).restore(member.id(), archive);
        return recipient;
    }

    @Test
    void theOperatorSeesTheRestoredRecipientWithItsDeclarationAndAdmitsIt() {
        JsonNode awaiting = ApiClient.json(camille.get("/api/v1/recipients/awaiting-admission")).get("recipients");

        assertThat(awaiting).singleElement().satisfies(recipient -> {
            assertThat(recipient.get("id").stringValue()).isEqualTo(meteo.id().value());
            assertThat(recipient.get("name").stringValue()).isEqualTo("Météo Locale");
            assertThat(recipient.get("declaration").get("purposes").get(0).get("description").stringValue())
                    .isEqualTo(SampleRecipients.NOTIFICATIONS.description());
            assertThat(Instant.parse(recipient.get("restoredAt").stringValue())).isBeforeOrEqualTo(Instant.now());
        });
        assertThat(ApiClient.json(camille.get("/api/v1/recipients")).get("recipients")).isEmpty();

        HttpResponse<String> admitted = camille.post("/api/v1/recipients/" + meteo.id() + "/admission", "{}");

        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
        assertThat(ApiClient.json(admitted).get("name").stringValue()).isEqualTo("Météo Locale");
        assertThat(ApiClient.json(camille.get("/api/v1/recipients/awaiting-admission")).get("recipients")).isEmpty();
        assertThat(ApiClient.json(dominique.get("/api/v1/recipients")).get("recipients")).singleElement()
                .satisfies(recipient -> assertThat(recipient.get("id").stringValue()).isEqualTo(meteo.id().value()));
        assertThat(vault.recipients().isAdmitted(meteo.id())).isTrue();
    }

    @Test
    void itsNoticeIsNotServedUntilTheOperatorAdmitsItSoThatItsIdTellsNobodyThatSomeoneRestoredGrantsNamingIt() {
        ApiClient outsider = new ApiClient(running.server());
        String notice = "/ns/notices/" + meteo.id() + "/1";

        HttpResponse<String> awaiting = outsider.get(notice);
        camille.post("/api/v1/recipients/" + meteo.id() + "/admission", "{}");
        HttpResponse<String> admitted = outsider.get(notice);

        assertThat(awaiting.statusCode()).isEqualTo(404);
        assertThat(awaiting.body()).doesNotContain("Météo");
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
        assertThat(ApiClient.json(admitted).get("declaration").get("purposes").get(0).get("description").stringValue())
                .isEqualTo(SampleRecipients.NOTIFICATIONS.description());
    }

    @Test
    void theMemberWhoseRestoreBroughtItBackCannotAdmitItNorListThoseAwaiting() {
        HttpResponse<String> listed = dominique.get("/api/v1/recipients/awaiting-admission");
        HttpResponse<String> admitted = dominique.post("/api/v1/recipients/" + meteo.id() + "/admission", "{}");

        for (HttpResponse<String> refused : List.of(listed, admitted)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo(OPERATOR_ONLY);
        }
        assertThat(vault.recipients().isAdmitted(meteo.id())).isFalse();
    }

    @Test
    void admittingARecipientTheVaultDoesNotHaveIsNotFound() {
        HttpResponse<String> missing = camille.post("/api/v1/recipients/AAAAAAAAAAAAAAAAAAAAAA/admission", "{}");

        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
        assertThat(ApiClient.json(missing).get("detail").stringValue())
                .isEqualTo("there is no recipient AAAAAAAAAAAAAAAAAAAAAA in this vault");
    }
}
