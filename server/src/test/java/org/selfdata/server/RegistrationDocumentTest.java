package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.selfdata.model.Recipient;
import org.selfdata.model.SelfdataException;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationDocumentTest {
    @Test
    void anAppsClientMetadataAndDeclarationAreReadIntoWhatTheOperatorAdmits() {
        RegistrationDocument document = RegistrationDocument.read(document());

        assertThat(document.identity().name()).isEqualTo("Mobilité Campus");
        assertThat(document.identity().legalName()).isEqualTo("Mobilité Campus SAS");
        assertThat(document.identity().contact()).isEqualTo("dpo@mobilite.example");
        assertThat(document.redirectUris()).containsExactly(URI.create("https://mobilite.example/callback"));
        assertThat(document.kind()).isEqualTo(Recipient.Kind.APP);
        assertThat(document.clientUri()).isEqualTo(Optional.of(URI.create("https://mobilite.example")));
        assertThat(document.declaration().purposes()).singleElement()
                .satisfies(purpose -> assertThat(purpose.description()).isEqualTo("counting trips between campuses"));
        assertThat(document.registration().get("redirectUris").get(0).stringValue())
                .isEqualTo("https://mobilite.example/callback");
    }

    @Test
    void aClientThatAuthenticatesIsAService() {
        ObjectNode document = document();
        document.put("token_endpoint_auth_method", "client_secret_basic");

        assertThat(RegistrationDocument.read(document).kind()).isEqualTo(Recipient.Kind.SERVICE);
    }

    @Test
    void aDocumentWithoutRedirectUrisOrDeclarationIsRefusedSayingWhatIsMissing() {
        ObjectNode withoutRedirects = document();
        withoutRedirects.remove("redirect_uris");
        ObjectNode withoutDeclaration = document();
        withoutDeclaration.remove("selfdata");

        assertThatThrownBy(() -> RegistrationDocument.read(withoutRedirects)).isInstanceOf(SelfdataException.class)
                .hasMessage("the registration document names no redirect_uris");
        assertThatThrownBy(() -> RegistrationDocument.read(withoutDeclaration)).isInstanceOf(SelfdataException.class)
                .hasMessage("the registration document has no 'selfdata' member with the app's organization and "
                        + "declaration of processing");
        assertThatThrownBy(() -> RegistrationDocument.read(ApiJson.mapper().createArrayNode()))
                .hasMessage("'document' must be the app's registration document, a JSON object");
    }

    @Test
    void aFetchedDocumentThatIsNotClientMetadataIsRefusedWithoutQuotingTheParser() {
        ObjectNode document = document();
        document.put("redirect_uris", "https://internal.example/secret-path");

        assertThatThrownBy(() -> RegistrationDocument.read(document)).isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("the registration document is not RFC 7591 client metadata: ");
        assertThatThrownBy(() -> RegistrationDocument.readFetched(document)).isInstanceOf(SelfdataException.class)
                .hasMessage("the document at that address is not RFC 7591 client metadata, as a registration document "
                        + "must be");
    }

    static ObjectNode document() {
        ObjectNode document = ApiJson.mapper().createObjectNode()
                .put("client_name", "Mobilité Campus")
                .put("client_uri", "https://mobilite.example")
                .put("token_endpoint_auth_method", "none");
        document.putArray("redirect_uris").add("https://mobilite.example/callback");
        document.putArray("contacts").add("dpo@mobilite.example");
        ObjectNode extension = document.putObject("selfdata").put("legalName", "Mobilité Campus SAS").put("country", "FR");
        ObjectNode declaration = extension.putObject("declaration").put("retention", "P365D");
        declaration.putArray("securityMeasures").add("encryption at rest");
        ObjectNode purpose = declaration.putArray("purposes").addObject()
                .put("purpose", "dpv:ServiceProvision")
                .put("description", "counting trips between campuses")
                .put("legalBasis", "eu-gdpr:A6-1-a");
        purpose.putArray("categories").add("pd:Location");
        purpose.putArray("types").add("geo.trip");
        purpose.putObject("precision").put("location", "department").put("amount", "none").put("time", "week")
                .put("identifiers", "pseudonymized");
        return document;
    }
}
