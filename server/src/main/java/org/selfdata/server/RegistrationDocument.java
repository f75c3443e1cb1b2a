package org.selfdata.server;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import net.minidev.json.JSONObject;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An app's registration document, read into what the vault's operator admits: the app's client metadata as OAuth 2.0
 * Dynamic Client Registration writes it (RFC 7591: {@code client_name}, {@code redirect_uris}, {@code client_uri},
 * {@code contacts}, {@code token_endpoint_auth_method}), and selfdata's own member {@code selfdata}, which names the
 * organization behind the app ({@code legalName}, {@code country}, {@code dataProtectionOfficer}) and holds its
 * declaration of processing, as {@code POST /api/v1/recipients/{id}/declarations} takes it.
 *
 * <p>A standard document lets an app publish one file for every vault; the operator reviews it before it is admitted,
 * so reading it writes nothing. A public client ({@code token_endpoint_auth_method} {@code none}, the default for a
 * document without a secret) is an app; one that authenticates is a service, which gets a secret when admitted.
 *
 * @param clientUri the app's home page, shown for review; selfdata keeps no copy of it
 */
record RegistrationDocument(RecipientIdentity identity, List<URI> redirectUris, Recipient.Kind kind,
                            ProcessingDeclaration declaration, Optional<URI> clientUri) {
    static final String EXTENSION = "selfdata";

    RegistrationDocument {
        requireNonNull(identity, "identity is null");
        redirectUris = List.copyOf(redirectUris);
        requireNonNull(kind, "kind is null");
        requireNonNull(declaration, "declaration is null");
        requireNonNull(clientUri, "clientUri is null");
    }

    static RegistrationDocument read(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw invalid(Wording.of("error.server.registrationObject"));
        }
        ClientMetadata metadata = metadata(document.toString());
        if (metadata.getName() == null) {
            throw invalid(Wording.of("error.server.registrationNoName"));
        }
        if (metadata.getRedirectionURIs() == null || metadata.getRedirectionURIs().isEmpty()) {
            throw invalid(Wording.of("error.server.registrationNoRedirect"));
        }
        List<String> contacts = Optional.ofNullable(metadata.getEmailContacts()).orElse(List.of());
        JsonNode extension = document.get(EXTENSION);
        if (extension == null || !extension.isObject()) {
            throw invalid(Wording.of("error.server.registrationNoExtension", EXTENSION));
        }
        RecipientIdentity identity = new RecipientIdentity(metadata.getName(), JsonFields.text(extension, "legalName"),
                JsonFields.text(extension, "country"),
                contacts.isEmpty() ? JsonFields.text(extension, "contact") : contacts.getFirst(),
                JsonFields.optionalText(extension, "dataProtectionOfficer"));
        return new RegistrationDocument(identity, List.copyOf(metadata.getRedirectionURIs()), kind(metadata),
                SharingJson.declaration(JsonFields.object(extension, "declaration"), 1),
                Optional.ofNullable(metadata.getURI()));
    }

    /**
     * A document the server fetched from an app's address: read as a pasted one, except that a refusal of its client
     * metadata does not quote the parser's reason, which may quote what was fetched.
     */
    static RegistrationDocument readFetched(JsonNode document) {
        try {
            return read(document);
        }
        catch (SelfdataException e) {
            if (e.wording().map(Wording::key).filter("error.server.registrationNotMetadata"::equals).isPresent()) {
                throw invalid(Wording.of("error.server.registrationFetchedNotMetadata"));
            }
            throw e;
        }
    }

    /** The recipient as {@code POST /api/v1/recipients} takes it, for the operator's page to send once reviewed. */
    ObjectNode registration() {
        ObjectNode json = ApiJson.mapper().createObjectNode()
                .put("name", identity.name())
                .put("legalName", identity.legalName())
                .put("country", identity.country())
                .put("contact", identity.contact())
                .put("kind", kind.term());
        identity.dataProtectionOfficer().ifPresent(officer -> json.put("dataProtectionOfficer", officer));
        ArrayNode uris = json.putArray("redirectUris");
        redirectUris.forEach(uri -> uris.add(uri.toString()));
        SharingJson.write(json.putObject("declaration"), declaration);
        clientUri.ifPresent(uri -> json.put("clientUri", uri.toString()));
        return json;
    }

    private static ClientMetadata metadata(String text) {
        try {
            JSONObject object = JSONObjectUtils.parse(text);
            return ClientMetadata.parse(object);
        }
        catch (ParseException e) {
            throw invalid(Wording.of("error.server.registrationNotMetadata", e.getMessage()));
        }
    }

    private static Recipient.Kind kind(ClientMetadata metadata) {
        ClientAuthenticationMethod method = metadata.getTokenEndpointAuthMethod();
        return method == null || ClientAuthenticationMethod.NONE.equals(method) ? Recipient.Kind.APP
                : Recipient.Kind.SERVICE;
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
