package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identities people sign in with at an OpenID Connect provider, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class PersonIdentitiesTest {
    private static final String UNIVERSITY = "https://login.university.example/";
    private static final String CITY = "https://id.city.example/";

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    PersonIdentitiesTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void aLinkedSubjectFindsItsPersonAtItsProviderOnly() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.identities().link(camille.id(), UNIVERSITY, "248289761001");
        vault.identities().link(dominique.id(), UNIVERSITY, "90342.ASDFJWFA");

        assertThat(vault.identities().find(UNIVERSITY, "248289761001")).contains(camille);
        assertThat(vault.identities().find(UNIVERSITY, "90342.ASDFJWFA")).contains(dominique);
        assertThat(vault.identities().find(CITY, "248289761001")).as("the same subject at another provider").isEmpty();
        assertThat(vault.identities().find(UNIVERSITY, "248289761002")).isEmpty();
        assertThat(vault.identities().subject(camille.id(), UNIVERSITY)).contains("248289761001");
    }

    @Test
    void anIdentityBelongsToOnePersonAndAPersonHasOneAtEachProvider() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.identities().link(camille.id(), UNIVERSITY, "248289761001");

        assertThatThrownBy(() -> vault.identities().link(dominique.id(), UNIVERSITY, "248289761001"))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the identity '248289761001' at " + UNIVERSITY + " is already linked to someone in this vault")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThatThrownBy(() -> vault.identities().link(camille.id(), UNIVERSITY, "other"))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("this person is already linked to an identity at " + UNIVERSITY + "; unlink it first");
        vault.identities().link(camille.id(), CITY, "c-17");

        assertThat(vault.identities().find(UNIVERSITY, "other")).isEmpty();
        assertThat(vault.identities().subject(dominique.id(), UNIVERSITY)).isEmpty();
        assertThat(vault.identities().find(CITY, "c-17")).contains(camille);
    }

    @Test
    void subjectsNoProviderSendsAreRefusedAndNeverFound() {
        for (String subject : new String[] {"", "with space", "x".repeat(256), "é"}) {
            assertThatThrownBy(() -> vault.identities().link(camille.id(), UNIVERSITY, subject))
                    .isInstanceOf(SelfdataException.class)
                    .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(vault.identities().find(UNIVERSITY, subject)).isEmpty();
        }
        assertThat(vault.identities().subject(camille.id(), UNIVERSITY)).isEmpty();
    }

    @Test
    void unlinkingLeavesThePersonWithoutTheIdentity() {
        vault.identities().link(camille.id(), UNIVERSITY, "248289761001");

        assertThat(vault.identities().unlink(camille.id(), UNIVERSITY)).isTrue();
        assertThat(vault.identities().unlink(camille.id(), UNIVERSITY)).isFalse();
        assertThat(vault.identities().find(UNIVERSITY, "248289761001")).isEmpty();
        assertThat(vault.people().find("camille")).contains(camille);
    }

    @Test
    void enrolmentAddsAMemberLinkedToTheIdentityInOneStep() {
        Person enrolled = vault.identities().enrol("eloise", TestVaults.PARIS, UNIVERSITY, "e-42");

        assertThat(enrolled.role()).isEqualTo(Person.Role.MEMBER);
        assertThat(vault.identities().find(UNIVERSITY, "e-42")).contains(enrolled);
        assertThat(vault.people().hasPassword(enrolled.id())).isFalse();
    }

    @Test
    void anEnrolmentRefusedAddsNobody() {
        vault.identities().link(camille.id(), UNIVERSITY, "248289761001");

        assertThatThrownBy(() -> vault.identities().enrol("eloise", TestVaults.PARIS, UNIVERSITY, "248289761001"))
                .isInstanceOf(SelfdataException.class)
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThatThrownBy(() -> vault.identities().enrol("camille", TestVaults.PARIS, UNIVERSITY, "e-42"))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("this vault already has a person with the handle 'camille'");

        assertThat(vault.people().list()).containsExactly(camille);
        assertThat(vault.identities().find(UNIVERSITY, "e-42")).isEmpty();
    }

    @Test
    void erasingAPersonRemovesTheirIdentitiesAndFreesThem() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.identities().link(dominique.id(), UNIVERSITY, "d-1");
        vault.identities().link(dominique.id(), CITY, "d-2");

        vault.erasure().erasePerson(dominique.id());

        assertThat(vault.identities().find(UNIVERSITY, "d-1")).isEmpty();
        assertThat(vault.identities().find(CITY, "d-2")).isEmpty();
        vault.identities().link(camille.id(), UNIVERSITY, "d-1");
        assertThat(vault.identities().find(UNIVERSITY, "d-1")).contains(camille);
    }
}
