package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.vault.Engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata rights draft --identity-document} and {@code selfdata rights identity-document}: a draft encloses an
 * identity document, its letter then asks for its deletion; the document is replaced or removed while the request is a
 * draft, and refused once it is sent, when it is no PDF, JPEG or PNG, or when the command is given both a file and
 * --remove. SQLite only: the storage is tested on both engines in the vault.
 */
class RightsIdentityDocumentCommandTest {
    private static final byte[] PASSPORT = png("passport of Camille Martin");

    @TempDir
    Path home;

    @TempDir
    Path files;

    private RightsCommands camille;

    @BeforeEach
    void camilleSaysWhoSheIs() {
        camille = new RightsCommands(home, Engine.SQLITE).init().sender();
    }

    @Test
    void aDraftEnclosesTheIdentityDocumentAndItsLetterAsksForItsDeletion() throws IOException {
        Path passport = Files.write(files.resolve("passport.png"), PASSPORT);

        CommandRun.Result drafted = camille.selfdata().run("rights", "draft", "clearview-ai", "--right", "access",
                "--channel", "letter", "--language", "en", "--identity-document", passport.toString());

        String reference = RightsCommands.reference(drafted);
        assertThat(drafted.out()).contains("Please delete it as soon as my identity has been confirmed",
                "Enclosure: a copy of my identity document")
                .endsWith("Request " + reference + " encloses the identity document passport.png (SHA-256 "
                        + sha256(PASSPORT) + "). Its letter says why it is given and asks for its deletion.\n");
    }

    @Test
    void theDocumentIsReplacedAndRemovedWhileTheRequestIsADraftAndNeverAfterItIsSent() throws IOException {
        String reference = camille.draft("clearview-ai", "--right", "access", "--channel", "letter", "--language", "en");
        Path passport = Files.write(files.resolve("passport.png"), PASSPORT);

        CommandRun.Result attached = camille.succeeds("rights", "identity-document", reference, passport.toString());
        CommandRun.Result removed = camille.succeeds("rights", "identity-document", reference, "--remove");
        camille.succeeds("rights", "identity-document", reference, passport.toString());
        camille.succeeds("rights", "sent", reference, "--on", RightsCommands.today().toString());
        CommandRun.Result refused = camille.selfdata().run("rights", "identity-document", reference, "--remove");

        assertThat(attached.out()).startsWith("Request " + reference + " encloses the identity document passport.png");
        assertThat(removed.out()).isEqualTo("Request " + reference + " encloses no identity document.\n");
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.err()).isEqualTo("selfdata: The request " + reference + " is no longer a draft: its identity "
                + "document can no longer be added, replaced or removed.\n");
    }

    @Test
    void aFileThatIsNoPdfJpegOrPngIsRefusedAndTheDraftIsLeftWithout() throws IOException {
        Path gif = Files.write(files.resolve("passport.gif"), "GIF89a".getBytes(StandardCharsets.US_ASCII));

        CommandRun.Result refused = camille.selfdata().run("rights", "draft", "clearview-ai", "--right", "access",
                "--channel", "letter", "--identity-document", gif.toString());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("selfdata: An identity document is a PDF, JPEG or PNG file, and this file is "
                + "none of them.\n");
        assertThat(camille.succeeds("rights", "list").out()).doesNotContain("SD-");
    }

    @Test
    void aFileAndRemoveTogetherAreRefused() throws IOException {
        String reference = camille.draft("clearview-ai", "--right", "access", "--channel", "letter", "--language", "en");
        Path passport = Files.write(files.resolve("passport.png"), PASSPORT);

        CommandRun.Result refused = camille.selfdata().run("rights", "identity-document", reference, passport.toString(),
                "--remove");

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("selfdata: Give either the identity document FILE to enclose or --remove, "
                + "and only one of them.\n");
    }

    private static String sha256(byte[] bytes) {
        return org.selfdata.vault.RightsRequests.sha256(bytes);
    }

    private static byte[] png(String text) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(signature, signature.length + bytes.length);
        System.arraycopy(bytes, 0, all, signature.length, bytes.length);
        return all;
    }
}
