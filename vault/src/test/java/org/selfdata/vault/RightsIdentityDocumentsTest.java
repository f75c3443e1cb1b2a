package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class RightsIdentityDocumentsTest {
    private static final byte[] PASSPORT = "%PDF-1.7 passport of Camille Martin".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CARD = "identity card of Camille Martin".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Engine engine;
    private final Vault vault;
    private final RightsIdentityDocuments documents;
    private final Person camille;

    RightsIdentityDocumentsTest(Engine engine) {
        this.engine = engine;
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        documents = vault.rightsIdentityDocuments();
        camille = fixture.camille();
    }

    @Test
    void aDraftKeepsOneIdentityDocumentSealedAndTheLatestReplacesTheFirst() {
        String request = draft();
        documents.save(camille.id(), request, "passport.pdf", new RightsRequests.NewDocument("application/pdf", PASSPORT));

        RightsIdentityDocuments.KeptIdentityDocument kept = documents.save(camille.id(), request, "card.png",
                new RightsRequests.NewDocument("image/png", CARD));

        assertThat(kept).isEqualTo(new RightsIdentityDocuments.KeptIdentityDocument("card.png",
                RightsRequests.sha256(CARD), "image/png", CARD.length));
        RightsIdentityDocuments.OpenedIdentityDocument opened = documents.open(camille.id(), request).orElseThrow();
        assertThat(opened.document()).isEqualTo(kept);
        assertThat(opened.content()).isEqualTo(CARD);
        assertThat(rows("SELECT sealed_name, content FROM rights_identity_documents")).hasSize(2)
                .noneSatisfy(sealed -> assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                        .containsAnyOf("card", "Camille"));
    }

    @Test
    void removingItLeavesTheDraftWithoutOne() {
        String request = draft();
        documents.save(camille.id(), request, "card.png", new RightsRequests.NewDocument("image/png", CARD));

        assertThat(documents.remove(camille.id(), request)).isTrue();

        assertThat(documents.find(camille.id(), request)).isEmpty();
        assertThat(documents.remove(camille.id(), request)).isFalse();
    }

    @Test
    void theStepAfterTheDraftForgetsItAndNothingCanBeSavedOrRemovedAfterwards() {
        String request = draft();
        documents.save(camille.id(), request, "card.png", new RightsRequests.NewDocument("image/png", CARD));

        vault.rightsRequests().append(camille.id(), request, 0, new RightsRequests.NewEvent("sent", "{}",
                List.of(new RightsRequests.NewDocument("image/png", CARD))), owner(LogAction.LETTER));

        assertThat(documents.find(camille.id(), request)).isEmpty();
        assertThatThrownBy(() -> documents.save(camille.id(), request, "card.png",
                new RightsRequests.NewDocument("image/png", CARD)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("the rights request " + request + " is no longer a draft: its identity document can no "
                        + "longer be changed");
        assertThatThrownBy(() -> documents.remove(camille.id(), request))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void aRequestThatDoesNotExistOrIsAnotherPersonsIsNotFound() {
        String request = draft();
        Person alix = vault.people().create("alix", TestVaults.PARIS);

        assertThatThrownBy(() -> documents.save(alix.id(), request, "card.png",
                new RightsRequests.NewDocument("image/png", CARD)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("there is no rights request " + request);
        documents.save(camille.id(), request, "card.png", new RightsRequests.NewDocument("image/png", CARD));
        assertThat(documents.find(alix.id(), request)).isEmpty();
    }

    @Test
    void erasingThePersonErasesTheirIdentityDocuments() {
        String request = draft();
        documents.save(camille.id(), request, "card.png", new RightsRequests.NewDocument("image/png", CARD));

        vault.erasure().erasePerson(camille.id());

        assertThat(rows("SELECT content FROM rights_identity_documents")).isEmpty();
    }

    @Test
    void aDatabaseSessionScopedToAnotherPersonReadsNoneOfThem() {
        String request = draft();
        documents.save(camille.id(), request, "card.png", new RightsRequests.NewDocument("image/png", CARD));
        Person alix = vault.people().create("alix", TestVaults.PARIS);

        List<byte[]> seen = new ArrayList<>();
        TestVaults.behindTheVault(vault, alix.id(), connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT content FROM rights_identity_documents")) {
                while (rows.next()) {
                    seen.add(rows.getBytes(1));
                }
            }
        });

        assertThat(seen).hasSize(engine == Engine.POSTGRES ? 0 : 1);
    }

    private String draft() {
        return vault.rightsRequests().create(camille.id(), "{}", new RightsRequests.NewEvent("draft", "{}", List.of()),
                owner(LogAction.REQUEST)).event().request();
    }

    /** Every value of the columns the query selects, read behind the vault's back. */
    private List<byte[]> rows(String query) {
        List<byte[]> values = new ArrayList<>();
        TestVaults.behindTheVault(vault, camille.id(), connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        values.add(rows.getBytes(column));
                    }
                }
            }
        });
        return values;
    }

    private static LogEntryDraft owner(LogAction action) {
        return LogEntryDraft.of(new LogActor.Owner(), action, Set.of(), 0);
    }
}
