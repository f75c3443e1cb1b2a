package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PrivateFiles;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Signing in with the operator's OpenID Connect provider, as a university or a city that hosts its people's vaults
 * does: who the provider is, how the vault is known to it, and what it is called on the sign-in page.
 *
 * <p>The client secret is read from a file, never from the command line, where every user of the machine could see it
 * in the list of processes; the file must be private, as the vault's key file is. It never appears in
 * {@link #toString()}, so that no log or error message carries it.
 *
 * @param issuer the provider's issuer, such as {@code https://login.university.example/realms/students}: its metadata
 *     is at {@code <issuer>/.well-known/openid-configuration}, and its ID tokens name it exactly
 * @param clientId the vault's client identifier at the provider
 * @param clientSecret the vault's client secret at the provider
 * @param providerName what the sign-in page calls the provider: "Sign in with" it
 * @param enrols whether someone the provider knows but the vault does not becomes a member at their first sign-in;
 *     otherwise they are refused until the operator links them to a person
 */
public record SingleSignOn(URI issuer, String clientId, String clientSecret, String providerName, boolean enrols) {
    private static final int MAXIMUM_SECRET_BYTES = 4_096;
    private static final int MAXIMUM_NAME_LENGTH = 64;

    public SingleSignOn {
        requireNonNull(issuer, "issuer is null");
        requireNonNull(clientId, "clientId is null");
        requireNonNull(clientSecret, "clientSecret is null");
        requireNonNull(providerName, "providerName is null");
        requireIssuer(issuer);
        if (clientId.isBlank()) {
            throw invalid(Wording.of("error.settings.oidcClientId"));
        }
        if (clientSecret.isEmpty()) {
            throw invalid(Wording.of("error.settings.oidcSecretEmpty"));
        }
        if (providerName.isBlank() || providerName.length() > MAXIMUM_NAME_LENGTH) {
            throw invalid(Wording.of("error.settings.oidcName", MAXIMUM_NAME_LENGTH));
        }
    }

    /** The same provider, letting unknown people in as new members at their first sign-in. */
    public SingleSignOn enrolling() {
        return new SingleSignOn(issuer, clientId, clientSecret, providerName, true);
    }

    /**
     * The client secret in a file: its first line, without the line's end. A file others can read is refused, naming
     * the command that makes it private, as the key file is.
     */
    public static String secretFrom(Path file) {
        requireNonNull(file, "file is null");
        try {
            requirePrivate(file);
            if (Files.size(file) > MAXIMUM_SECRET_BYTES) {
                throw invalid(Wording.of("error.settings.oidcSecretTooLong", file.toString(), MAXIMUM_SECRET_BYTES));
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (secret.isEmpty()) {
                throw invalid(Wording.of("error.settings.oidcSecretEmpty"));
            }
            return secret;
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.settings.oidcSecretUnreadable", file.toString()),
                    e);
        }
    }

    @Override
    public String toString() {
        return "SingleSignOn[issuer=" + issuer + ", clientId=" + clientId + ", providerName=" + providerName + ", enrols="
                + enrols + "]";
    }

    private static void requirePrivate(Path file) throws IOException {
        Optional<String> shared = PrivateFiles.sharedModes(file);
        if (shared.isPresent()) {
            throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE,
                    Wording.of("error.settings.oidcSecretShared", file.toString(), shared.get()));
        }
    }

    /**
     * A provider is reached over HTTPS, where its answers cannot be changed on the way; plain HTTP only on a loopback
     * address, where nothing travels over a network. No query or fragment: the metadata's address is built from it.
     */
    private static void requireIssuer(URI issuer) {
        String scheme = Optional.ofNullable(issuer.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        boolean shaped = issuer.isAbsolute() && issuer.getHost() != null && issuer.getRawQuery() == null
                && issuer.getRawFragment() == null && issuer.getRawUserInfo() == null;
        if (!shaped || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid(Wording.of("error.settings.oidcIssuerShape", issuer.toString()));
        }
        if (scheme.equals("http") && !isLoopback(issuer.getHost())) {
            throw invalid(Wording.of("error.settings.oidcIssuerPlainHttp", issuer.toString()));
        }
    }

    private static boolean isLoopback(String host) {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (literal.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(literal).isLoopbackAddress();
        }
        catch (IllegalArgumentException notLiteral) {
            return false;
        }
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
