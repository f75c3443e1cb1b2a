package org.selfdata.vault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vault's operator: its first person, who alone admits recipients, and who goes last. */
@ParameterizedClass
@EnumSource(Engine.class)
class OperatorTest {
    private final Path folder = TestVaults.newFolder();
    private final Vault vault;

    OperatorTest(Engine engine) {
        vault = TestVaults.create(engine, folder);
    }

    @AfterEach
    void closeVault() throws IOException {
        vault.close();
        TestVaults.delete(folder);
    }

    @Test
    void theFirstPersonIsTheOperatorAndEveryoneAfterAMember() {
        Person camille = TestVaults.camille(vault);
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        Person eloise = vault.people().create("eloise", TestVaults.PARIS);

        assertThat(camille.role()).isEqualTo(Person.Role.OPERATOR);
        assertThat(dominique.role()).isEqualTo(Person.Role.MEMBER);
        assertThat(eloise.isOperator()).isFalse();
        assertThat(vault.people().operator()).contains(camille);
        assertThat(vault.people().list()).containsExactly(camille, dominique, eloise);
        assertThat(vault.people().find("dominique")).contains(dominique);
    }

    @Test
    void aVaultThatHoldsNobodyHasNoOperatorUntilItsNextPerson() {
        assertThat(vault.people().operator()).isEmpty();
        Person camille = TestVaults.camille(vault);
        vault.erasure().erasePerson(camille.id());
        assertThat(vault.people().operator()).isEmpty();

        Person dominique = vault.people().create("dominique", TestVaults.PARIS);

        assertThat(dominique.role()).isEqualTo(Person.Role.OPERATOR);
        assertThat(vault.people().operator()).contains(dominique);
    }

    @Test
    void aSecondOperatorIsRefusedEvenBeneathTheVault() {
        TestVaults.camille(vault);
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);

        try (Database database = Database.connect(vault.location(), false)) {
            assertThatThrownBy(() -> database.transaction(connection -> execute(connection,
                    "UPDATE persons SET role = 'operator' WHERE person_id = " + dominique.id().value())))
                    .isInstanceOf(SelfdataException.class);
            assertThatThrownBy(() -> database.transaction(connection -> execute(connection,
                    "UPDATE persons SET role = 'owner' WHERE person_id = " + dominique.id().value())))
                    .isInstanceOf(SelfdataException.class);
        }
        assertThat(vault.people().get(dominique.id()).role()).isEqualTo(Person.Role.MEMBER);
    }

    private static int execute(Connection connection, String statement) throws SQLException {
        try (Statement update = connection.createStatement()) {
            return update.executeUpdate(statement);
        }
    }
}
