package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization.Channel;
import org.selfdata.rights.Organization.Origin;
import org.selfdata.rights.Organization.RequiredElement;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationJsonTest {
    @Test
    void everyFieldIsWrittenInAFixedOrderAndReadBack() {
        Organization organization = new Organization("mutuelle-des-lilas", "Mutuelle des Lilas",
                Optional.of("12 rue des Lilas\n93260 Les Lilas\nFrance"), Optional.of("dpo@lilas.example"),
                Optional.of("+33 1 23 45 67 89"), Optional.of("+33 1 23 45 67 80"), Optional.of("https://lilas.example/"),
                Optional.of("https://lilas.example/rgpd"), List.of("insurance"), List.of("fr"),
                List.of(new RequiredElement("Numéro d’adhérent", "customer_number", true)), true, Optional.of("fr"),
                Optional.of(Channel.WEB_FORM), false, Origin.PERSON, List.of("Lilas Santé"));

        String json = OrganizationJson.write(organization);

        assertThat(json).isEqualTo("{\"slug\":\"mutuelle-des-lilas\",\"name\":\"Mutuelle des Lilas\","
                + "\"address\":\"12 rue des Lilas\\n93260 Les Lilas\\nFrance\",\"email\":\"dpo@lilas.example\","
                + "\"phone\":\"+33 1 23 45 67 89\",\"fax\":\"+33 1 23 45 67 80\",\"web\":\"https://lilas.example/\","
                + "\"webForm\":\"https://lilas.example/rgpd\",\"categories\":[\"insurance\"],\"countries\":[\"fr\"],"
                + "\"runs\":[\"Lilas Santé\"],\"requiredElements\":[{\"description\":\"Numéro d’adhérent\","
                + "\"kind\":\"customer_number\",\"optional\":true}],\"needsIdentityDocument\":true,"
                + "\"requestLanguage\":\"fr\",\"suggestedChannel\":\"webform\"}");
        assertThat(OrganizationJson.read(json, Origin.PERSON)).isEqualTo(organization);
    }

    @Test
    void absentValuesAreLeftOutAndReadAsAbsent() {
        Organization bare = new Organization("lilas", "Lilas", Optional.empty(), Optional.of("dpo@lilas.example"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                false, Optional.empty(), Optional.empty(), true, Origin.DIRECTORY);

        String json = OrganizationJson.write(bare);

        assertThat(json).isEqualTo("{\"slug\":\"lilas\",\"name\":\"Lilas\",\"email\":\"dpo@lilas.example\","
                + "\"authority\":true}");
        assertThat(OrganizationJson.read(json, Origin.DIRECTORY)).isEqualTo(bare);
    }

    @Test
    void aSirenNumberIsWrittenAfterTheWebFormAndReadBack() {
        Organization organization = new Organization("lilas", "Lilas", Optional.empty(),
                Optional.of("dpo@lilas.example"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("https://lilas.example/rgpd"), List.of(), List.of(), List.of(), false, Optional.empty(),
                Optional.empty(), false, Origin.PERSON, List.of(), Optional.of("732829320"));

        String json = OrganizationJson.write(organization);

        assertThat(json).isEqualTo("{\"slug\":\"lilas\",\"name\":\"Lilas\",\"email\":\"dpo@lilas.example\","
                + "\"webForm\":\"https://lilas.example/rgpd\",\"siren\":\"732829320\"}");
        assertThat(OrganizationJson.read(json, Origin.PERSON)).isEqualTo(organization);
    }

    @Test
    void anOrganizationKeptBeforeSirenNumbersReadsWithoutOne() {
        Organization kept = OrganizationJson.read("{\"slug\":\"lilas\",\"name\":\"Lilas\","
                + "\"email\":\"dpo@lilas.example\"}", Origin.PERSON);

        assertThat(kept.siren()).isEmpty();
        assertThat(kept.email()).contains("dpo@lilas.example");
    }

    @Test
    void textThatIsNoOrganizationIsRefusedNamingTheFieldAtFault() {
        assertThatThrownBy(() -> OrganizationJson.read("[\"Lilas\"]", Origin.PERSON))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("the organization is not a JSON object");
        assertThatThrownBy(() -> OrganizationJson.read("{\"slug\":\"lilas\",", Origin.PERSON))
                .hasMessage("the organization is not a JSON object");
        assertThatThrownBy(() -> OrganizationJson.read("{\"slug\":\"lilas\",\"categories\":\"insurance\"}", Origin.PERSON))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("categories: expected a list");
        assertThatThrownBy(() -> OrganizationJson.read("{\"slug\":\"lilas\",\"name\":7}", Origin.PERSON))
                .hasMessage("name: expected text");
        assertThatThrownBy(() -> OrganizationJson.read("{\"slug\":\"lilas\",\"siren\":732829320}", Origin.PERSON))
                .hasMessage("siren: expected text");
        assertThatThrownBy(() -> OrganizationJson.read("{\"slug\":\"lilas\",\"runs\":[1]}", Origin.PERSON))
                .hasMessage("runs: expected a list of texts");
        assertThatThrownBy(() -> OrganizationJson.read("{\"slug\":\"lilas\",\"authority\":\"yes\"}", Origin.PERSON))
                .hasMessage("authority: expected true or false");
        assertThatThrownBy(() -> OrganizationJson.read("{\"slug\":\"lilas\",\"requiredElements\":[\"name\"]}",
                Origin.PERSON))
                .hasMessage("requiredElements: expected a list of objects, each with a description and a kind");
        assertThatThrownBy(() -> OrganizationJson.read("{\"slug\":\"lilas\",\"suggestedChannel\":\"pigeon\"}", Origin.PERSON))
                .hasMessage("suggestedChannel: expected email, letter, fax or webform");
    }
}
