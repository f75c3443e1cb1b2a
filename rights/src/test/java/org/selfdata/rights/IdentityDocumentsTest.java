package org.selfdata.rights;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.RightsRequests;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * An identity document the person chooses to enclose with a request: kept sealed with the draft, replaced or removed
 * until the request goes out, named in the letter with the reasons it is given and the request for its deletion,
 * sent with the e-mail byte for byte, named by its digest on the log, and withheld from the evidence pack, which still
 * verifies every proof.
 */
class IdentityDocumentsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-30T10:00:00Z"), ZoneOffset.UTC);
    private static final String CLEARVIEW = "legal-requests@clearview.ai";
    private static final byte[] PASSPORT = png("passport of Camille Martin, no. 19AB12345");
    private static final byte[] CARD = jpeg("identity card of Camille Martin");

    @TempDir
    Path folder;

    private final MailServers servers = new MailServers();
    private Vault vault;
    private Person camille;
    private RightsDesk desk;

    @BeforeEach
    void openDesk() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        camille = TestVaults.camille(vault);
        desk = servers.desk(vault, camille, CLOCK);
    }

    @AfterEach
    void close() {
        vault.close();
        servers.close();
    }

    @Test
    void aDraftWithAnIdentityDocumentHasALetterThatSaysWhyAndAsksForItsDeletionAndEnclosesIt() throws Exception {
        String id = draft(Organization.Channel.LETTER);
        assertThat(desk.letter(camille.id(), id).body()).doesNotContain("identity document");

        RightsDesk.RequestView attached = desk.attachIdentityDocument(camille.id(), id, "passport.png", PASSPORT);

        assertThat(attached.identityDocument()).contains(new IdentityDocument("passport.png", "image/png",
                PASSPORT.length, RightsRequests.sha256(PASSPORT)));
        String body = desk.letter(camille.id(), id).body();
        assertThat(body).contains("I attach a copy of an identity document, only because you require one to confirm my "
                + "identity.", "Please delete it as soon as my identity has been confirmed");
        assertThat(body).endsWith("Camille Martin\n\nEnclosure: a copy of my identity document");
        assertThat(LetterPdfTest.text(desk.letterPdf(camille.id(), id)).replace("\n", " "))
                .contains("Enclosure: a copy of my identity document");
    }

    @Test
    void theDocumentIsReplacedByTheNextAndRemovedWhileTheRequestIsADraft() {
        String id = draft(Organization.Channel.LETTER);
        desk.attachIdentityDocument(camille.id(), id, "passport.png", PASSPORT);

        RightsDesk.RequestView replaced = desk.attachIdentityDocument(camille.id(), id, "card.jpg", CARD);
        assertThat(replaced.identityDocument()).contains(new IdentityDocument("card.jpg", "image/jpeg", CARD.length,
                RightsRequests.sha256(CARD)));

        RightsDesk.RequestView removed = desk.removeIdentityDocument(camille.id(), id);
        assertThat(removed.identityDocument()).isEmpty();
        assertThat(desk.letter(camille.id(), id).body()).doesNotContain("identity document");
    }

    @Test
    void aFileThatIsNoPdfJpegOrPngIsRefusedWhateverItsNameAndNothingIsKept() {
        String id = draft(Organization.Channel.LETTER);
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> desk.attachIdentityDocument(camille.id(), id, "passport.png", script))
                .isInstanceOfSatisfying(SelfdataException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("An identity document is a PDF, JPEG or PNG file, and this file is none of them.");
        assertThat(desk.request(camille.id(), id).identityDocument()).isEmpty();
    }

    @Test
    void aFileOfMoreThanTenMebibytesIsRefusedAndOneOfTenIsKept() {
        String id = draft(Organization.Channel.LETTER);
        byte[] tooLarge = Arrays.copyOf(PASSPORT, 10 * 1024 * 1024 + 1);

        assertThatThrownBy(() -> desk.attachIdentityDocument(camille.id(), id, "passport.png", tooLarge))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessage("An identity document is at most 10 MiB.");
        assertThat(desk.request(camille.id(), id).identityDocument()).isEmpty();
        assertThat(desk.attachIdentityDocument(camille.id(), id, "passport.png",
                Arrays.copyOf(PASSPORT, 10 * 1024 * 1024)).identityDocument()).hasValueSatisfying(
                        document -> assertThat(document.size()).isEqualTo(10 * 1024 * 1024));
    }

    @Test
    void theEmailCarriesTheDocumentByteForByteAndTheSentStepNamesItsDigestOnTheLog() throws Exception {
        String id = draft(Organization.Channel.EMAIL);
        String reference = desk.request(camille.id(), id).timeline().request().reference();
        desk.attachIdentityDocument(camille.id(), id, "passport.png", PASSPORT);

        RightsDesk.RequestView sent = desk.sendByEmail(camille.id(), id);

        MimeMessage received = servers.greenMail.findReceivedMessages(user -> user.getEmail().equals(CLEARVIEW),
                message -> true).findFirst().orElseThrow();
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
                .contains("Please delete it as soon as my identity has been confirmed",
                        "Enclosure: a copy of my identity document");
        BodyPart passport = parts.getBodyPart(2);
        assertThat(passport.getFileName()).isEqualTo("passport.png");
        assertThat(passport.getContentType()).startsWith("image/png");
        assertThat(passport.getInputStream().readAllBytes()).isEqualTo(PASSPORT);
        assertThat(sent.identityDocument()).isEmpty();
        assertThat(sent.timeline().latest().documents()).extracting(RequestEvent.Document::name,
                RequestEvent.Document::mediaType, RequestEvent.Document::withheld).containsExactly(
                        tuple("message.eml", "message/rfc822", true),
                        tuple(reference + ".pdf", "application/pdf", false),
                        tuple("passport.png", "image/png", true));
        LogEntry entry = vault.log().query(camille.id(), LogQuery.all()).getLast();
        assertThat(entry.draft().requestStep().orElseThrow().documents())
                .containsExactlyElementsOf(sent.timeline().latest().documents().stream()
                        .map(RequestEvent.Document::sha256).toList())
                .contains(RightsRequests.sha256(PASSPORT));
        assertThat(desk.letter(camille.id(), id).body()).contains("Enclosure: a copy of my identity document");
    }

    @Test
    void aRequestSentByPostKeepsTheDocumentWithItsLetterOutOfAComplaintsEvidenceAndItCanNoLongerBeChanged() {
        String id = draft(Organization.Channel.LETTER);
        String reference = desk.request(camille.id(), id).timeline().request().reference();
        desk.attachIdentityDocument(camille.id(), id, "card.jpg", CARD);

        RightsDesk.RequestView sent = desk.markSent(camille.id(), id, LocalDate.of(2026, 1, 29));

        assertThat(sent.timeline().latest().documents()).extracting(RequestEvent.Document::name,
                RequestEvent.Document::withheld).containsExactly(tuple(reference + ".pdf", false),
                        tuple("card.jpg", true));
        assertThat(vault.rightsIdentityDocuments().find(camille.id(), id)).isEmpty();
        RightsDesk threeMonthsLater = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(),
                IntakeLimits.DEFAULT), Clock.fixed(Instant.parse("2026-04-30T10:00:00Z"), ZoneOffset.UTC));
        assertThat(threeMonthsLater.complaint(camille.id(), id).body()).contains(reference + ".pdf")
                .doesNotContain("card.jpg");
        assertThatThrownBy(() -> desk.attachIdentityDocument(camille.id(), id, "passport.png", PASSPORT))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("The request " + reference + " is no longer a draft: its identity document can no longer "
                        + "be added, replaced or removed.");
        assertThatThrownBy(() -> desk.removeIdentityDocument(camille.id(), id))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void theEvidencePackGivesOnlyTheDigestsOfTheDocumentAndOfTheMessageThatCarriedItAndVerifies() throws Exception {
        String id = draft(Organization.Channel.EMAIL);
        String reference = desk.request(camille.id(), id).timeline().request().reference();
        desk.attachIdentityDocument(camille.id(), id, "passport.png", PASSPORT);
        desk.sendByEmail(camille.id(), id);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        desk.evidence(camille.id(), id, Language.ENGLISH, zip);
        PackFiles pack = PackFiles.read(zip.toByteArray());

        assertThat(pack.files().keySet()).filteredOn(path -> path.startsWith("documents/"))
                .containsExactly("documents/02-1-" + reference + ".pdf");
        String passportText = new String(PASSPORT, StandardCharsets.ISO_8859_1);
        assertThat(pack.files().values()).noneMatch(file -> new String(file, StandardCharsets.ISO_8859_1)
                .contains(passportText.substring(8)));
        JsonNode documents = org.selfdata.model.PayloadCodec.mapper().readTree(pack.text("timeline.json"))
                .path("steps").get(1).path("documents");
        assertThat(documents.get(1).path("name").asString()).isEqualTo("message.eml");
        assertThat(documents.get(1).path("withheld").asBoolean()).isTrue();
        assertThat(documents.get(2).path("name").asString()).isEqualTo("passport.png");
        assertThat(documents.get(2).path("sha256").asString()).isEqualTo(RightsRequests.sha256(PASSPORT));
        assertThat(documents.get(2).has("file")).isFalse();
        assertThat(pack.text("timeline.txt")).contains("Document passport.png: enclosed with the request and withheld "
                + "from this pack, as it is or carries the person’s identity document; SHA-256 "
                + RightsRequests.sha256(PASSPORT) + ", which the log entry names");

        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);
        assertThat(verdict.exitCode()).as(String.join("\n", verdict.lines())).isZero();
        assertThat(verdict.lines()).contains("ok      passport.png: withheld from the pack (an identity document, or the "
                + "message that carried it); log entry 1 names its SHA-256")
                .anyMatch(line -> line.startsWith("ok      log entry 1 is included in the signed tree"));
    }

    @Test
    void aWithheldDigestTheLogEntryDoesNotNameFailsTheVerifier() throws Exception {
        String id = draft(Organization.Channel.EMAIL);
        desk.attachIdentityDocument(camille.id(), id, "passport.png", PASSPORT);
        desk.sendByEmail(camille.id(), id);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        desk.evidence(camille.id(), id, Language.ENGLISH, zip);
        String forged = RightsRequests.sha256(CARD);

        PackFiles pack = PackFiles.read(zip.toByteArray())
                .changeText("timeline.json", RightsRequests.sha256(PASSPORT), forged).withManifestRewritten();
        NodeVerifier.Verdict verdict = NodeVerifier.verifyZip(pack, folder);

        assertThat(verdict.lines()).contains(
                "FAILED  passport.png: withheld from the pack, and log entry 1 does not name its SHA-256",
                "FAILED  log entry 1 names a document the pack does not hold (SHA-256 "
                        + RightsRequests.sha256(PASSPORT) + ")");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    private String draft(Organization.Channel channel) {
        return desk.draft(camille.id(), new RightsDesk.NewRequest("clearview-ai", Right.ACCESS, false, Optional.empty(),
                channel, Language.ENGLISH, Map.of())).timeline().request().id();
    }

    private static byte[] png(String text) {
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, text);
    }

    private static byte[] jpeg(String text) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, text);
    }

    private static byte[] concat(byte[] signature, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(signature, signature.length + bytes.length);
        System.arraycopy(bytes, 0, all, signature.length, bytes.length);
        return all;
    }
}
