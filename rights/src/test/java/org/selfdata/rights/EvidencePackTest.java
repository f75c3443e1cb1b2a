package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogEntryJson;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.InclusionProof;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SignedTreeHead;
import org.selfdata.vault.TreeHash;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultWithCamille;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class EvidencePackTest {
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    EvidencePackTest(Engine engine) {
        fixture = new VaultWithCamille(engine, SampleRequest.CLOCK);
        vault = fixture.vault();
        camille = fixture.camille();
        SampleRequest.logged(vault, camille.id());
    }

    @Test
    void theZipHoldsEachDocumentTheTimelineTheLogItsHeadAndKeyTheReadmeTheVerifierAndTheManifest() throws IOException {
        PackFiles pack = pack(Language.ENGLISH);

        assertThat(pack.files().keySet()).containsExactly(
                "documents/01-1-Demande-d-acces.pdf",
                "documents/03-1-answer.eml",
                "documents/03-2-export-donnees-client.csv",
                "timeline.json",
                "timeline.txt",
                "log/head.json",
                "log/public-key.jwk",
                "log/entries/1.json",
                "log/proofs/1.json",
                "log/entries/2.json",
                "log/proofs/2.json",
                "log/entries/4.json",
                "log/proofs/4.json",
                "README.txt",
                "verify-evidence-pack.mjs",
                "manifest.sha256");
        assertThat(pack.file("documents/01-1-Demande-d-acces.pdf")).isEqualTo(SampleRequest.LETTER);
        assertThat(pack.file("documents/03-1-answer.eml")).isEqualTo(SampleRequest.ANSWER);
        assertThat(pack.file("documents/03-2-export-donnees-client.csv")).isEqualTo(SampleRequest.EXPORT);
        assertThat(pack.file("verify-evidence-pack.mjs")).isEqualTo(
                EvidencePack.class.getResourceAsStream("verify-evidence-pack.mjs").readAllBytes());
    }

    @Test
    void theManifestListsTheSha256OfEveryOtherFileAsSha256sumReadsIt() throws IOException {
        PackFiles pack = pack(Language.ENGLISH);

        List<String> expected = pack.files().entrySet().stream()
                .filter(file -> !file.getKey().equals("manifest.sha256"))
                .map(file -> PackFiles.sha256(file.getValue()) + "  " + file.getKey())
                .toList();
        assertThat(pack.text("manifest.sha256").lines().toList()).isEqualTo(expected);
        assertThat(expected.getFirst()).isEqualTo(PackFiles.sha256(SampleRequest.LETTER)
                + "  documents/01-1-Demande-d-acces.pdf");
    }

    @Test
    void eachEntryIsTheLeafAsTheLogHashedItWithItsProofAgainstTheSignedHead() throws IOException {
        PackFiles pack = pack(Language.ENGLISH);
        SignedTreeHead head = vault.log().head(camille.id());

        for (long index : List.of(1L, 2L, 4L)) {
            byte[] leaf = pack.file("log/entries/" + index + ".json");
            assertThat(leaf).isEqualTo(LogEntryJson.bytes(vault.log().query(camille.id(), LogQuery.all()).get((int) index)));
            JsonNode proof = PayloadCodec.mapper().readTree(pack.file("log/proofs/" + index + ".json"));
            assertThat(proof.get("index").asLong()).isEqualTo(index);
            assertThat(proof.get("treeSize").asLong()).isEqualTo(5);
            assertThat(proof.get("leafHash").asString()).isEqualTo(vault.log().leafHash(camille.id(), index).hex());
            List<TreeHash> path = proof.get("path").valueStream().map(hash -> new TreeHash(
                    java.util.HexFormat.of().parseHex(hash.asString()))).toList();
            assertThat(path).isEqualTo(vault.log().inclusionProof(camille.id(), index, 5).path());
            assertThat(new InclusionProof(index, 5, path).verify(InclusionProof.leafHash(leaf), head.root())).isTrue();
        }
        JsonNode headJson = PayloadCodec.mapper().readTree(pack.file("log/head.json"));
        assertThat(headJson.get("treeSize").asLong()).isEqualTo(5);
        assertThat(headJson.get("root").asString()).isEqualTo(head.root().hex());
        assertThat(headJson.get("timestamp").asString()).isEqualTo("2026-03-02T09:15:00Z");
        assertThat(headJson.get("signedHead").asString()).isEqualTo(head.jws());
        assertThat(pack.text("log/public-key.jwk")).isEqualTo(vault.signingKey().publicKeys()
                .getKeyByKeyId(vault.signingKey().keyId()).toJSONString() + "\n");
        assertThat(pack.text("log/public-key.jwk")).doesNotContain("\"d\"");
    }

    @Test
    void theTimelineSaysEachStepWithItsDateStatusEntryAndDocumentsDigests() throws IOException {
        PackFiles pack = pack(Language.ENGLISH);

        JsonNode timeline = PayloadCodec.mapper().readTree(pack.file("timeline.json"));
        assertThat(timeline.get("format").asString()).isEqualTo("selfdata-evidence-pack");
        assertThat(timeline.get("reference").asString()).isEqualTo("SD-7K3Q");
        assertThat(timeline.get("language").asString()).isEqualTo("en");
        assertThat(timeline.get("log").get("treeSize").asLong()).isEqualTo(5);
        JsonNode answered = timeline.get("steps").get(2);
        assertThat(answered.get("date").asString()).isEqualTo("2026-02-04");
        assertThat(answered.get("status").asString()).isEqualTo("answered-incomplete");
        assertThat(answered.get("logEntry").asLong()).isEqualTo(4);
        assertThat(answered.get("entryFile").asString()).isEqualTo("log/entries/4.json");
        JsonNode export = answered.get("documents").get(1);
        assertThat(export.get("name").asString()).isEqualTo("../export/données client.csv");
        assertThat(export.get("file").asString()).isEqualTo("documents/03-2-export-donnees-client.csv");
        assertThat(export.get("sha256").asString()).isEqualTo(PackFiles.sha256(SampleRequest.EXPORT));
        assertThat(export.get("size").asLong()).isEqualTo(SampleRequest.EXPORT.length);

        String root = vault.log().head(camille.id()).root().hex();
        assertThat(pack.text("timeline.txt")).isEqualTo("""
                Evidence pack of request SD-7K3Q: timeline
                Transparency log head signed at 2026-03-02T09:15:00Z (UTC): 5 entries, Merkle root %s.

                1. January 5, 2026: sent
                   Access request sent by e-mail
                   Recorded by log entry 1 (log/entries/1.json)
                   Document Demande d’accès.pdf: documents/01-1-Demande-d-acces.pdf, SHA-256 %s

                2. January 6, 2026: received by the organization
                   Delivered to the organization's server
                   Recorded by log entry 2 (log/entries/2.json)
                   No document.

                3. February 4, 2026: answered incompletely
                   Answer with an export, without the recipients
                   Recorded by log entry 4 (log/entries/4.json)
                   Document answer.eml: documents/03-1-answer.eml, SHA-256 %s
                   Document ../export/données client.csv: documents/03-2-export-donnees-client.csv, SHA-256 %s
                """.formatted(root, PackFiles.sha256(SampleRequest.LETTER), PackFiles.sha256(SampleRequest.ANSWER),
                PackFiles.sha256(SampleRequest.EXPORT)));
        assertThat(pack.text("README.txt")).startsWith("EVIDENCE PACK OF REQUEST SD-7K3Q\n")
                .contains("the log's size (5 entries)").contains(root);
    }

    @Test
    void aFrenchPackTellsItsTimelineAndReadmeInFrench() throws IOException {
        PackFiles pack = pack(Language.FRENCH);

        assertThat(pack.text("timeline.txt").lines().limit(7).toList()).containsExactly(
                "Dossier de preuves de la demande SD-7K3Q : chronologie",
                "Tête du journal de transparence signée le 2026-03-02T09:15:00Z (UTC) : 5 entrées, racine de Merkle "
                        + vault.log().head(camille.id()).root().hex() + ".",
                "",
                "1. 5 janvier 2026 : envoyée",
                "   Access request sent by e-mail",
                "   Consignée par l’entrée 1 du journal (log/entries/1.json)",
                "   Document Demande d’accès.pdf : documents/01-1-Demande-d-acces.pdf, SHA-256 "
                        + PackFiles.sha256(SampleRequest.LETTER));
        assertThat(pack.text("README.txt")).startsWith("DOSSIER DE PREUVES DE LA DEMANDE SD-7K3Q\n")
                .contains("la taille du journal (5 entrées)");
    }

    @Test
    void documentsAreFiledUnderNamesEveryFileSystemTakes() {
        assertThat(EvidencePack.safeName("Demande d’accès.pdf")).isEqualTo("Demande-d-acces.pdf");
        assertThat(EvidencePack.safeName("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(EvidencePack.safeName("Réponse (copie).pdf")).isEqualTo("Reponse-copie.pdf");
        assertThat(EvidencePack.safeName(".hidden")).isEqualTo("hidden");
        assertThat(EvidencePack.safeName("照片")).isEqualTo("document");
        assertThat(EvidencePack.safeName("a".repeat(120) + ".pdf")).isEqualTo("a".repeat(76) + ".pdf");
    }

    @Test
    void aPackThatWouldExceedItsBoundIsRefusedWithItsSize() {
        byte[] large = new byte[3 * 1024 * 1024];
        new Random(13).nextBytes(large);
        EvidenceRequest request = new EvidenceRequest(camille.id(), "SD-7K3Q", Language.ENGLISH, List.of(
                new EvidenceStep(java.time.LocalDate.of(2026, 2, 4), RequestStatus.ANSWERED_COMPLETE, "Answer",
                        List.of(SampleRequest.document("photos.zip", large)), 4)));

        assertThatThrownBy(() -> new EvidencePack(vault, 2 * 1024 * 1024).write(request, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(SelfdataException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
                    assertThat(e.message(Language.ENGLISH)).isEqualTo("the evidence pack would exceed 2 MB; leave out "
                            + "the largest documents or split the request’s documents over several packs");
                    assertThat(e.message(Language.FRENCH)).isEqualTo("le dossier de preuves dépasserait 2 Mo ; laissez "
                            + "de côté les documents les plus lourds ou répartissez les documents de la demande sur "
                            + "plusieurs dossiers");
                });
    }

    @Test
    void aStepNamingAnEntryTheLogDoesNotHoldIsRefusedBeforeAnythingIsWritten() {
        EvidenceRequest request = new EvidenceRequest(camille.id(), "SD-7K3Q", Language.ENGLISH, List.of(
                new EvidenceStep(java.time.LocalDate.of(2026, 2, 4), RequestStatus.CLOSED, "Closed", List.of(), 9)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> new EvidencePack(vault).write(request, out))
                .isInstanceOfSatisfying(SelfdataException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.message(Language.ENGLISH))
                            .isEqualTo("the transparency log has no signed entry 9: its head covers 5 entries");
                    assertThat(e.message(Language.FRENCH))
                            .isEqualTo("le journal de transparence n’a pas d’entrée signée 9 : sa tête couvre 5 entrées");
                });
        assertThat(out.size()).isZero();
    }

    @Test
    void aRequestWithoutStepsHasNoEvidence() {
        EvidenceRequest request = new EvidenceRequest(camille.id(), "SD-7K3Q", Language.ENGLISH, List.of());

        assertThatThrownBy(() -> new EvidencePack(vault).write(request, new ByteArrayOutputStream()))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("an evidence pack needs at least one step of the request");
    }

    private PackFiles pack(Language language) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        new EvidencePack(vault).write(SampleRequest.request(camille.id(), language), zip);
        return PackFiles.read(zip.toByteArray());
    }
}
