package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.server.MapTiles;
import org.selfdata.server.MetricsSettings;
import org.selfdata.server.ServerSettings;
import org.selfdata.server.SingleSignOn;
import org.selfdata.texts.Wording;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the server listens, the public address it names itself by to apps, whether its session cookies must travel
 * over HTTPS only, how large an upload may be, where the places page's map background comes from, if anywhere, and the
 * operator's OpenID Connect provider people may sign in with, if any.
 */
final class ServeOptions {
    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "The address to listen on (default: 127.0.0.1, this computer only).")
    String host = ServerSettings.LOOPBACK;

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (default: 7070; 0 for any free port).")
    int port = 7070;

    @Option(names = "--secure-cookies",
            description = "Mark session cookies Secure even on 127.0.0.1: for a server behind an HTTPS reverse proxy. Away from "
                    + "loopback they always are.")
    boolean secureCookies;

    @Option(names = "--issuer", paramLabel = "URL",
            description = "The public address apps reach the vault at, such as https://vault.example/ behind an HTTPS reverse "
                    + "proxy: the issuer its OAuth metadata and answers name (default: http://ADDRESS:PORT/ it listens on).")
    Optional<URI> issuer = Optional.empty();

    @Option(names = "--max-upload-mb", paramLabel = "MEGABYTES",
            description = "The largest file or archive that can be uploaded for import, in megabytes (default: 2048).")
    long maximumUploadMegabytes = 2_048;

    @Option(names = "--tiles", paramLabel = "URL",
            description = "Where the places page's map background comes from, such as https://tile.example/{z}/{x}/{y}.png "
                    + "(default: $SELFDATA_TILES; without one, the map has no background and nothing is fetched from "
                    + "elsewhere). The tile server learns which part of the map is looked at.")
    Optional<String> tiles = Optional.empty();

    @Option(names = "--tiles-attribution", paramLabel = "TEXT",
            description = "The credit the tile server asks for, shown under the map (default: $SELFDATA_TILES_ATTRIBUTION).")
    Optional<String> tilesAttribution = Optional.empty();

    @Option(names = "--tariffs", paramLabel = "FILE",
            description = "The regulated electricity tariffs the energy bill prices with, in the format of the table shipped "
                    + "with selfdata, read again whenever the file changes (default: $SELFDATA_TARIFFS; without one, "
                    + "the shipped table). A file that cannot be read stops the server, naming the line at fault.")
    Optional<Path> tariffs = Optional.empty();

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at /metrics on this port, apart from the API (default: "
                    + "$SELFDATA_METRICS_PORT; without one, no metrics are served). They count requests by route, log "
                    + "appends, gate reads, imports, the database pools and the JVM, never anything of a person's.")
    Optional<Integer> metricsPort = Optional.empty();

    @Option(names = "--metrics-host", paramLabel = "ADDRESS",
            description = "The address the metrics listen on (default: $SELFDATA_METRICS_HOST, otherwise 127.0.0.1, this "
                    + "computer only).")
    Optional<String> metricsHost = Optional.empty();

    @Option(names = "--oidc-issuer", paramLabel = "URL",
            description = "Let people sign in with the operator's OpenID Connect provider, such as "
                    + "https://login.university.example/realms/students, beside their passwords (default: "
                    + "$SELFDATA_OIDC_ISSUER; without one, passwords only). Its metadata is read when the server starts.")
    Optional<URI> oidcIssuer = Optional.empty();

    @Option(names = "--oidc-client-id", paramLabel = "ID",
            description = "The vault's client identifier at the provider (default: $SELFDATA_OIDC_CLIENT_ID).")
    Optional<String> oidcClientId = Optional.empty();

    @Option(names = "--oidc-client-secret-file", paramLabel = "FILE",
            description = "The file holding the vault's client secret at the provider, readable by its owner only "
                    + "(default: $SELFDATA_OIDC_CLIENT_SECRET_FILE). Never on the command line, where others could read it.")
    Optional<Path> oidcClientSecretFile = Optional.empty();

    @Option(names = "--oidc-name", paramLabel = "NAME",
            description = "What the sign-in page calls the provider, as in \"Sign in with NAME\" (default: $SELFDATA_OIDC_NAME, "
                    + "otherwise the provider's host name).")
    Optional<String> oidcName = Optional.empty();

    @Option(names = "--oidc-enrol",
            description = "Add someone the provider knows and the vault does not as a new member at their first sign-in "
                    + "(default: $SELFDATA_OIDC_ENROL; otherwise they are refused until linked with 'selfdata people "
                    + "link').")
    boolean oidcEnrol;

    static ServeOptions defaults() {
        return new ServeOptions();
    }

    /** Where the operator asked for metrics, by option or environment; none unless asked for. */
    Optional<MetricsSettings> metrics(Environment environment) {
        Optional<Integer> port = metricsPort.or(() -> environment.variable("SELFDATA_METRICS_PORT").map(ServeOptions::port));
        String address = metricsHost.or(() -> environment.variable("SELFDATA_METRICS_HOST")).orElse(ServerSettings.LOOPBACK);
        return port.map(chosen -> new MetricsSettings(address, chosen));
    }

    /**
     * The provider people may sign in with, when the operator named one: its issuer, the vault's client identifier and
     * the file of its secret all given, by option or environment; one without the others is refused.
     */
    Optional<SingleSignOn> singleSignOn(Environment environment) {
        Optional<URI> issuerOfProvider = oidcIssuer.or(() -> environment.variable("SELFDATA_OIDC_ISSUER").map(ServeOptions::uri));
        Optional<String> client = oidcClientId.or(() -> environment.variable("SELFDATA_OIDC_CLIENT_ID"));
        Optional<Path> secretFile = oidcClientSecretFile.or(() -> environment.variable("SELFDATA_OIDC_CLIENT_SECRET_FILE")
                .map(Path::of));
        if (issuerOfProvider.isEmpty()) {
            if (client.isPresent() || secretFile.isPresent()) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.oidcIncomplete"));
            }
            return Optional.empty();
        }
        if (client.isEmpty() || secretFile.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.oidcIncomplete"));
        }
        String name = oidcName.or(() -> environment.variable("SELFDATA_OIDC_NAME"))
                .orElseGet(() -> Optional.ofNullable(issuerOfProvider.get().getHost()).orElse(issuerOfProvider.get().toString()));
        boolean enrols = oidcEnrol || environment.variable("SELFDATA_OIDC_ENROL").map(value -> value.strip().equals("true"))
                .orElse(false);
        return Optional.of(new SingleSignOn(issuerOfProvider.get(), client.get(), SingleSignOn.secretFrom(secretFile.get()), name,
                enrols));
    }

    /** The provider's issuer, as given, when people may sign in there. */
    Optional<String> singleSignOnIssuer(Environment environment) {
        return oidcIssuer.map(URI::toString).or(() -> environment.variable("SELFDATA_OIDC_ISSUER").map(String::strip));
    }

    private static URI uri(String variable) {
        try {
            return new URI(variable.strip());
        }
        catch (java.net.URISyntaxException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.settings.oidcIssuerShape", variable));
        }
    }

    private static int port(String variable) {
        try {
            return Integer.parseInt(variable.strip());
        }
        catch (NumberFormatException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.metricsPort", variable));
        }
    }

    /**
     * On a loopback address the browser talks plain HTTP to this machine, where a Secure cookie would be refused by
     * some browsers; anywhere else, cookies stay Secure and selfdata must sit behind HTTPS.
     */
    ServerSettings settings() {
        return settings(Environment.system());
    }

    ServerSettings settings(Environment environment) {
        if (maximumUploadMegabytes < 1 || maximumUploadMegabytes > Long.MAX_VALUE / (1024 * 1024)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.maxUpload"));
        }
        ServerSettings settings = ServerSettings.defaults().withHost(host).withPort(port)
                .withMaximumUploadBytes(maximumUploadMegabytes * 1024 * 1024);
        if (issuer.isPresent()) {
            settings = settings.withIssuer(issuer.get());
        }
        Optional<String> template = tiles.or(() -> environment.variable("SELFDATA_TILES"));
        if (template.isPresent()) {
            settings = settings.withTiles(new MapTiles(template.get(),
                    tilesAttribution.or(() -> environment.variable("SELFDATA_TILES_ATTRIBUTION")).orElse("")));
        }
        Optional<Path> table = tariffs.or(() -> environment.variable("SELFDATA_TARIFFS").map(Path::of));
        if (table.isPresent()) {
            settings = settings.withTariffs(table.get());
        }
        Optional<SingleSignOn> singleSignOn = singleSignOn(environment);
        if (singleSignOn.isPresent()) {
            settings = settings.withSingleSignOn(singleSignOn.get());
        }
        boolean loopback = host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost");
        return loopback && !secureCookies ? settings.withPlainHttpOnLoopback() : settings;
    }
}
