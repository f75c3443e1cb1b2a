package org.selfdata.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Fetching an app's registration document from the https address it gives: a request the server makes to an address
 * a person chose, refused for anything a document does not need, against a real HTTPS server on this machine.
 */
class RegistrationFetcherTest {
    @TempDir
    Path folder;
    private AppDocumentServer site;
    private RegistrationFetcher fetcher;

    @BeforeEach
    void startTheAppsSite() {
        site = AppDocumentServer.start(folder);
        fetcher = site.fetcher(Duration.ofSeconds(1));
    }

    @AfterEach
    void stopIt() {
        site.close();
    }

    @Test
    void theDocumentIsFetchedFromTheAddressTheHostWasCheckedAtAndLookedUpOnce() {
        JsonNode document = fetcher.fetch(RegistrationAddress.parse(site.addressWhoseNameRebinds(
                "/.well-known/registration.json")));

        assertThat(document).isEqualTo(RegistrationDocumentTest.document());
        // A second look-up would have been answered 127.0.0.2, where nothing listens: there was none.
        assertThat(site.lookups.get()).isEqualTo(1);
    }

    @Test
    void aCertificateForAnotherNameIsRefusedThoughTheAddressIsTheSame() {
        assertRefused(site.addressUnderOtherName("/.well-known/registration.json"),
                "other.test did not prove that it is other.test: its certificate is not valid for that name or not "
                        + "trusted");
    }

    @Test
    void aHostThatCannotBeReachedOrFoundIsSaidSo() {
        assertRefused("https://" + AppDocumentServer.CLOSED_HOST + ":9/registration.json",
                "closed.test could not be reached over https");
        assertRefused("https://unknown.test/registration.json", "no address is known for unknown.test");
    }

    @Test
    void aRedirectionIsNotFollowed() {
        assertRefused(site.address("/moved"), "the address answered with a redirection (302), which selfdata does not "
                + "follow: give the address at which the document itself is");
        assertThat(site.lookups.get()).isEqualTo(1);
    }

    @Test
    void anAnswerOtherThanTheDocumentIsRefusedWithoutQuotingIt() {
        assertRefused(site.address("/missing"), "the address answered with the status 404 instead of the document");
        assertRefused(site.address("/page"), "the address did not answer with application/json, the type of a "
                + "registration document");
        assertRefused(site.address("/not-json"), "the answer is not JSON, so it is not a registration document");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWhetherItsLengthIsAnnouncedOrNot() {
        String refusal = "the answer is larger than 64 KiB, far more than a registration document needs";

        assertRefused(site.address("/large"), refusal);
        assertRefused(site.address("/endless"), refusal);
        assertThat(site.lookups.get()).isEqualTo(2);
        // Cut while reading: the endless answer did not get far past the limit.
        assertThat(site.endlessSent.get()).isLessThan(4L * 1024 * 1024);
    }

    @Test
    void anAnswerSlowerThanTheTimeLimitIsRefused() {
        long started = System.nanoTime();

        assertRefused(site.address("/slow"), "mobilite.test did not send the document within 1 second");
        // The site would answer after 20 seconds.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aHostThatLeadsToThisMachineIsRefusedBeforeAnyConnection() {
        RegistrationFetcher serversOwn = site.publicOnlyFetcher();

        assertThatThrownBy(() -> serversOwn.fetch(RegistrationAddress.parse(site.address("/.well-known/registration.json"))))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("mobilite.test leads to this very machine (a loopback address), from which selfdata fetches "
                        + "nothing: only addresses on the public internet are fetched");
        assertThatThrownBy(() -> RegistrationFetcher.overThePublicInternet().fetch(
                RegistrationAddress.parse("https://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("169.254.169.254 leads to a cloud provider's metadata service, from which selfdata fetches "
                        + "nothing: only addresses on the public internet are fetched");
        assertThatThrownBy(() -> RegistrationFetcher.overThePublicInternet().fetch(
                RegistrationAddress.parse("https://[::ffff:10.0.0.1]/registration.json")))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("::ffff:10.0.0.1 leads to a private network, from which selfdata fetches nothing: only "
                        + "addresses on the public internet are fetched");
    }

    @Test
    void onlyAnHttpsAddressWithoutUserNameOrPasswordIsTaken() {
        assertAddressRefused("http://mobilite.example/registration.json",
                "the registration document is fetched over https only: its address must start with https://");
        assertAddressRefused("file:///etc/passwd",
                "the registration document is fetched over https only: its address must start with https://");
        assertAddressRefused("mobilite.example/registration.json",
                "the registration document is fetched over https only: its address must start with https://");
        assertAddressRefused("https://admin:secret@mobilite.example/registration.json",
                "the address of the registration document must not hold a user name or password");
        assertAddressRefused("https://mobilite.example@127.0.0.1/registration.json",
                "the address of the registration document must not hold a user name or password");
        assertAddressRefused("https:///registration.json", "the address of the registration document names no host");
        assertAddressRefused("https://mobilite example/", "the address of the registration document is not a web address");
    }

    @Test
    void anAddressKeepsItsPortAndPathAndLosesItsFragment() {
        RegistrationAddress address = RegistrationAddress.parse("https://Mobilite.Example:8443/app/registration.json?v=2#top");

        assertThat(address.host()).isEqualTo("mobilite.example");
        assertThat(address.port()).isEqualTo(8443);
        assertThat(address.uri()).hasToString("https://Mobilite.Example:8443/app/registration.json?v=2");
        assertThat(RegistrationAddress.parse("https://[2001:db8::1]/r.json").host()).isEqualTo("2001:db8::1");
    }

    @Test
    void refusalsAreSaidInFrenchToo() {
        SelfdataException refused = catchRefusal(site.address("/page"));
        SelfdataException local = (SelfdataException) catchThrowable(() ->
                site.publicOnlyFetcher().fetch(RegistrationAddress.parse(site.address("/registration.json"))));

        assertThat(refused.message(Language.FRENCH)).isEqualTo("l’adresse n’a pas répondu en application/json, le type "
                + "d’un document d’enregistrement");
        assertThat(local.message(Language.FRENCH)).isEqualTo("mobilite.test mène à cette machine même (une adresse de "
                + "bouclage), où selfdata ne va rien chercher : seules les adresses de l’internet public sont consultées");
    }

    private void assertRefused(String address, String message) {
        assertThat(catchRefusal(address)).hasMessage(message);
    }

    private SelfdataException catchRefusal(String address) {
        Throwable thrown = catchThrowable(() -> fetcher.fetch(RegistrationAddress.parse(address)));
        assertThat(thrown).isInstanceOf(SelfdataException.class);
        return (SelfdataException) thrown;
    }

    private static void assertAddressRefused(String address, String message) {
        assertThatThrownBy(() -> RegistrationAddress.parse(address)).isInstanceOf(SelfdataException.class)
                .hasMessage(message);
    }
}
