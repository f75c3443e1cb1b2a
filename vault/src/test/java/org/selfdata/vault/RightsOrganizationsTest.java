package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.vault.VaultTables.RIGHTS_ORGANIZATIONS;
import static org.selfdata.vault.VaultTables.SEALED_ORGANIZATION;

@ParameterizedClass
@EnumSource(Engine.class)
class RightsOrganizationsTest {
    private static final String MUTUELLE = "{\"slug\":\"mutuelle-des-lilas\",\"name\":\"Mutuelle des Lilas\"}";
    private static final String CORRECTED = "{\"slug\":\"sncf-connect\",\"name\":\"SNCF Connect\","
            + "\"email\":\"dpo@sncf-connect.example\"}";

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    RightsOrganizationsTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void aSavedOrganizationIsFoundByItsSlugAndASecondSaveReplacesIt() {
        vault.rightsOrganizations().save(camille.id(), "sncf-connect", "{}");
        vault.rightsOrganizations().save(camille.id(), "sncf-connect", CORRECTED);
        vault.rightsOrganizations().save(camille.id(), "mutuelle-des-lilas", MUTUELLE);

        assertThat(vault.rightsOrganizations().find(camille.id(), "sncf-connect")).contains(CORRECTED);
        assertThat(vault.rightsOrganizations().all(camille.id())).isEqualTo(Map.of("mutuelle-des-lilas", MUTUELLE,
                "sncf-connect", CORRECTED));
        assertThat(vault.rightsOrganizations().all(camille.id()).keySet()).containsExactly("mutuelle-des-lilas",
                "sncf-connect");
    }

    @Test
    void aRemovedOrganizationIsGoneAndRemovingItAgainSaysSo() {
        vault.rightsOrganizations().save(camille.id(), "mutuelle-des-lilas", MUTUELLE);

        assertThat(vault.rightsOrganizations().remove(camille.id(), "mutuelle-des-lilas")).isTrue();
        assertThat(vault.rightsOrganizations().remove(camille.id(), "mutuelle-des-lilas")).isFalse();
        assertThat(vault.rightsOrganizations().find(camille.id(), "mutuelle-des-lilas")).isEmpty();
    }

    @Test
    void anotherPersonFindsNothingOfCamillesOrganizations() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);

        vault.rightsOrganizations().save(camille.id(), "mutuelle-des-lilas", MUTUELLE);

        assertThat(vault.rightsOrganizations().find(alix.id(), "mutuelle-des-lilas")).isEmpty();
        assertThat(vault.rightsOrganizations().all(alix.id())).isEmpty();
        assertThat(vault.rightsOrganizations().remove(alix.id(), "mutuelle-des-lilas")).isFalse();
        assertThat(vault.rightsOrganizations().find(camille.id(), "mutuelle-des-lilas")).contains(MUTUELLE);
    }

    @Test
    void theOrganizationIsSealedInTheDatabase() {
        vault.rightsOrganizations().save(camille.id(), "mutuelle-des-lilas", MUTUELLE);

        byte[] stored = vault.database().transaction(camille.id(), connection -> vault.database().dsl(connection)
                .select(SEALED_ORGANIZATION).from(RIGHTS_ORGANIZATIONS).fetchOne(SEALED_ORGANIZATION));

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Mutuelle des Lilas")
                .doesNotContain("name");
    }

    @Test
    void erasingThePersonErasesTheirOrganizations() {
        vault.rightsOrganizations().save(camille.id(), "mutuelle-des-lilas", MUTUELLE);

        vault.erasure().erasePerson(camille.id());

        long left = vault.database().transaction(camille.id(), connection -> vault.database().dsl(connection)
                .fetchCount(RIGHTS_ORGANIZATIONS));
        assertThat(left).isZero();
    }

    @Test
    void aSlugThatIsNoSlugAndATooLongOrganizationAreRefused() {
        assertThatThrownBy(() -> vault.rightsOrganizations().save(camille.id(), "Mutuelle des Lilas", MUTUELLE))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("slug: expected at most 100 lower-case letters and digits, in words joined by single "
                        + "hyphens, such as free-mobile");
        assertThatThrownBy(() -> vault.rightsOrganizations().save(camille.id(), "mutuelle-des-lilas",
                "x".repeat(RightsOrganizations.MAXIMUM_LENGTH + 1)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessage("the organization's record is longer than 65,536 characters");
        assertThat(vault.rightsOrganizations().all(camille.id())).isEmpty();
    }
}
