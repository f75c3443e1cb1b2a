package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultWithCamille;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack's own verifier, run under Node.js on packs made from a real vault: it accepts the pack as made, and rejects
 * each forgery with a message that says what does not hold, even when the forger rewrote the manifest to match.
 */
class EvidencePackVerifierTest {
    private static final String LETTER = "documents/01-1-Demande-d-acces.pdf";

    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.SQLITE, SampleRequest.CLOCK);
    private final Vault vault = fixture.vault();
    private final Person camille = fixture.camille();

    @TempDir
    Path folder;

    @Test
    void aPackFromTheVaultVerifiesWithTheScriptItCarries() throws Exception {
        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack(Language.ENGLISH), folder);

        String root = vault.log().head(camille.id()).root().hex();
        assertThat(verdict.lines()).containsExactly(
                "ok      15 files match the manifest (manifest.sha256)",
                "ok      the signed tree head verifies with log/public-key.jwk (ES256): 5 entries, root " + root,
                "ok      log entry 1 is included in the signed tree",
                "ok      log entry 2 is included in the signed tree",
                "ok      log entry 4 is included in the signed tree",
                "ok      documents/01-1-Demande-d-acces.pdf: matches the manifest and the timeline; log entry 1 names "
                        + "no document digests",
                "ok      documents/03-1-answer.eml: matches the manifest and the timeline; log entry 4 names no document "
                        + "digests",
                "ok      documents/03-2-export-donnees-client.csv: matches the manifest and the timeline; log entry 4 "
                        + "names no document digests",
                "The evidence pack verifies.");
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void everyEntryOfLogsOfEverySizeUpToSeventeenIsProvenIncluded() throws Exception {
        for (int size = 1; size <= 17; size++) {
            vault.log().append(camille.id(), LogEntryDraft.of(new LogActor.Owner(), LogAction.READ, Set.of(), size));
            List<EvidenceStep> steps = LongStream.range(0, size).mapToObj(index -> new EvidenceStep(
                    LocalDate.of(2026, 1, 5), RequestStatus.SENT, "Step", List.of(), index)).toList();
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            new EvidencePack(vault).write(new EvidenceRequest(camille.id(), "SD-7K3Q", Language.ENGLISH, steps), zip);
            Path sizeFolder = Files.createDirectory(folder.resolve("size-" + size));

            NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(PackFiles.read(zip.toByteArray()), sizeFolder);

            assertThat(verdict.lines()).as("a log of %d entries", size)
                    .filteredOn(line -> line.startsWith("ok      log entry ")).hasSize(size);
            assertThat(verdict.lines().getLast()).as("a log of %d entries", size).isEqualTo("The evidence pack verifies.");
            assertThat(verdict.lines().get(1)).as("a log of %d entries", size).contains(
                    "(ES256): " + size + (size == 1 ? " entry, root " : " entries, root "));
        }
    }

    @Test
    void anUnzippedPackVerifiesWithItsOwnScriptRunInItsFolder() throws Exception {
        NodeVerifier.Verdict verdict = NodeVerifier.verifyFolder(pack(Language.FRENCH), folder);

        assertThat(verdict.lines()).contains("ok      15 fichiers correspondent au manifeste (manifest.sha256)",
                "ok      l’entrée 4 du journal est incluse dans l’arbre signé");
        assertThat(verdict.lines().getLast()).isEqualTo("Le dossier de preuves est vérifié.");
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void aDocumentWithOneByteChangedIsRejectedByTheManifest() throws Exception {
        PackFiles pack = pack(Language.ENGLISH).change(LETTER, bytes -> flip(bytes, 3));

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).contains(
                "FAILED  documents/01-1-Demande-d-acces.pdf: its SHA-256 is not the one in the manifest",
                "FAILED  documents/01-1-Demande-d-acces.pdf: its SHA-256 is not the one the timeline gives");
        assertThat(verdict.lines().getLast()).isEqualTo("The evidence pack does NOT verify: 2 problems.");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aDocumentChangedWithTheManifestRewrittenIsRejectedByTheTimeline() throws Exception {
        PackFiles pack = pack(Language.ENGLISH).change(LETTER, bytes -> flip(bytes, 3)).withManifestRewritten();

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).containsOnlyOnce(
                "FAILED  documents/01-1-Demande-d-acces.pdf: its SHA-256 is not the one the timeline gives");
        assertThat(verdict.lines().getLast()).isEqualTo("The evidence pack does NOT verify: 1 problem.");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aLeafChangedIsRejectedByItsProof() throws Exception {
        PackFiles pack = pack(Language.ENGLISH).changeText("log/entries/4.json", "\"count\":2", "\"count\":0")
                .withManifestRewritten();

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).containsOnlyOnce(
                "FAILED  log/proofs/4.json: the entry's leaf hash is not the one its proof starts from");
        assertThat(verdict.lines().getLast()).isEqualTo("The evidence pack does NOT verify: 1 problem.");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aLeafChangedWithTheLeafHashOfItsProofIsRejectedByTheSignedRoot() throws Exception {
        PackFiles pack = pack(Language.ENGLISH);
        String oldHash = PackFiles.sha256(concat(new byte[] {0}, pack.file("log/entries/4.json")));
        pack.changeText("log/entries/4.json", "\"count\":2", "\"count\":0");
        String newHash = PackFiles.sha256(concat(new byte[] {0}, pack.file("log/entries/4.json")));
        pack.changeText("log/proofs/4.json", oldHash, newHash).withManifestRewritten();

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).containsOnlyOnce(
                "FAILED  log/proofs/4.json: the audit path does not lead to the signed root");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aProofWithOneHashChangedIsRejectedByTheSignedRoot() throws Exception {
        PackFiles pack = pack(Language.ENGLISH);
        String path = pack.text("log/proofs/1.json");
        int hash = path.indexOf("\"path\"") + path.substring(path.indexOf("\"path\"")).indexOf('"', 8) + 1;
        pack.change("log/proofs/1.json", bytes -> flipHex(bytes, hash)).withManifestRewritten();

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).containsOnlyOnce(
                "FAILED  log/proofs/1.json: the audit path does not lead to the signed root");
        assertThat(verdict.lines().getLast()).isEqualTo("The evidence pack does NOT verify: 1 problem.");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aHeadWhoseSignatureChangedIsRejected() throws Exception {
        PackFiles pack = pack(Language.ENGLISH);
        String jws = vault.log().head(camille.id()).jws();
        int inSignature = jws.lastIndexOf('.') + 10;
        String forged = jws.substring(0, inSignature) + (jws.charAt(inSignature) == 'A' ? 'B' : 'A')
                + jws.substring(inSignature + 1);
        pack.changeText("log/head.json", jws, forged).withManifestRewritten();

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).containsOnlyOnce(
                "FAILED  log/head.json: the signature of the head does not verify with log/public-key.jwk");
        assertThat(verdict.lines().getLast()).isEqualTo("The evidence pack does NOT verify: 1 problem.");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aHeadThatSaysAnotherRootThanItsSignatureIsRejected() throws Exception {
        PackFiles pack = pack(Language.ENGLISH);
        String root = vault.log().head(camille.id()).root().hex();
        pack.changeText("log/head.json", root, "0".repeat(64)).withManifestRewritten();

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).containsOnlyOnce(
                "FAILED  log/head.json: the signed head does not say this tree size and root");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aFileAddedOutsideTheManifestIsRejected() throws Exception {
        PackFiles pack = pack(Language.ENGLISH);
        pack.files().put("documents/04-1-later.pdf", SampleRequest.LETTER);

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).containsExactly(
                verdict.lines().getFirst(),
                "ok      15 files match the manifest (manifest.sha256)",
                verdict.lines().get(2), verdict.lines().get(3), verdict.lines().get(4), verdict.lines().get(5),
                verdict.lines().get(6), verdict.lines().get(7), verdict.lines().get(8),
                "The evidence pack does NOT verify: 1 problem.");
        assertThat(verdict.lines().getFirst())
                .isEqualTo("FAILED  documents/04-1-later.pdf: in the pack but not in the manifest");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    private PackFiles pack(Language language) throws IOException {
        SampleRequest.logged(vault, camille.id());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        new EvidencePack(vault).write(SampleRequest.request(camille.id(), language), zip);
        return PackFiles.read(zip.toByteArray());
    }

    private static byte[] flip(byte[] bytes, int position) {
        bytes[position] ^= 1;
        return bytes;
    }

    /** Changes one hexadecimal digit for another, so that the proof still reads as a proof. */
    private static byte[] flipHex(byte[] bytes, int position) {
        bytes[position] = (byte) (bytes[position] == '0' ? '1' : '0');
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
