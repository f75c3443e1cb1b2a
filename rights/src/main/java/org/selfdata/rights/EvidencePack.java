package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.TreeHash;
import org.selfdata.vault.Vault;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The evidence pack of a rights request: one zip that lets a supervisory authority, a court or anyone check the
 * request's timeline without trusting selfdata. It holds every document of the request, the timeline of its steps,
 * the transparency-log entries that recorded each step (their exact leaf bytes, which carry the documents' digests)
 * with their RFC 6962 inclusion proofs against one signed tree head, that head as a JWS with the public key that
 * verifies it, a manifest of the SHA-256 of every file, a README that says how to check it all by hand, and a script
 * that checks it with Node.js alone.
 *
 * <p>Documents are streamed into the zip, never held whole; the zip is bounded, and the write that would cross the
 * bound fails with a clear error, leaving what was written so far incomplete: the caller discards it.
 */
public final class EvidencePack {
    /** The bound of a pack unless the caller sets another: room for the documents of any request. */
    public static final long DEFAULT_MAXIMUM_SIZE = 512L * 1024 * 1024;

    static final String README = "README.txt";
    static final String VERIFIER = "verify-evidence-pack.mjs";
    static final String HEAD = "log/head.json";
    static final String PUBLIC_KEY = "log/public-key.jwk";
    private static final int NAME_LENGTH = 80;

    private final Vault vault;
    private final long maximumSize;

    public EvidencePack(Vault vault) {
        this(vault, DEFAULT_MAXIMUM_SIZE);
    }

    public EvidencePack(Vault vault, long maximumSize) {
        this.vault = requireNonNull(vault, "vault is null");
        if (maximumSize < 1) {
            throw new IllegalArgumentException("an evidence pack's bound is at least one byte: " + maximumSize);
        }
        this.maximumSize = maximumSize;
    }

    /**
     * Writes the pack of the request to the stream, which is left open. The log entries are those the steps name,
     * with proofs against the log's newest signed head.
     */
    public void write(EvidenceRequest request, OutputStream out) {
        requireNonNull(request, "request is null");
        requireNonNull(out, "out is null");
        if (request.steps().isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.evidence.noSteps"));
        }
        SortedSet<Long> indices = new TreeSet<>();
        request.steps().forEach(step -> indices.add(step.logIndex()));
        write(request, LogExcerpt.of(vault, request.person(), indices), out, maximumSize);
    }

    /** Writes the pack from a log excerpt already read. */
    static void write(EvidenceRequest request, LogExcerpt log, OutputStream out, long maximumSize) {
        try {
            EvidenceZip zip = new EvidenceZip(out, maximumSize, log.timestamp());
            List<EvidenceTimeline.FiledStep> steps = addDocuments(zip, request.steps());
            zip.add(EvidenceTimeline.JSON, EvidenceTimeline.json(request, log, steps));
            zip.add(EvidenceTimeline.TEXT, EvidenceTimeline.text(request, log, steps));
            addLog(zip, log);
            zip.add(README, readme(request, log));
            zip.add(VERIFIER, resource(VERIFIER));
            zip.finish();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL,
                    Wording.of("error.rights.evidence.cannotWrite", e.getClass().getSimpleName()), e);
        }
        catch (UncheckedIOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL,
                    Wording.of("error.rights.evidence.cannotWrite", e.getCause().getClass().getSimpleName()), e);
        }
    }

    private static List<EvidenceTimeline.FiledStep> addDocuments(EvidenceZip zip, List<EvidenceStep> steps) throws IOException {
        List<EvidenceTimeline.FiledStep> filed = new ArrayList<>(steps.size());
        for (int stepNumber = 1; stepNumber <= steps.size(); stepNumber++) {
            EvidenceStep step = steps.get(stepNumber - 1);
            List<EvidenceTimeline.FiledDocument> documents = new ArrayList<>(step.documents().size());
            for (int documentNumber = 1; documentNumber <= step.documents().size(); documentNumber++) {
                EvidenceDocument document = step.documents().get(documentNumber - 1);
                String path = String.format(Locale.ROOT, "documents/%02d-%d-%s", stepNumber, documentNumber,
                        safeName(document.name()));
                try (InputStream content = document.content().open()) {
                    documents.add(new EvidenceTimeline.FiledDocument(document.name(), path, zip.add(path, content)));
                }
            }
            filed.add(new EvidenceTimeline.FiledStep(step, documents));
        }
        return filed;
    }

    private static void addLog(EvidenceZip zip, LogExcerpt log) throws IOException {
        ObjectNode head = PayloadCodec.mapper().createObjectNode()
                .put("treeSize", log.treeSize())
                .put("root", log.root().hex())
                .put("timestamp", log.timestamp().toString())
                .put("signedHead", log.signedHead());
        zip.add(HEAD, json(head));
        zip.add(PUBLIC_KEY, (log.publicKey() + "\n").getBytes(StandardCharsets.UTF_8));
        for (var entry : log.entries().entrySet()) {
            zip.add(entryPath(entry.getKey()), entry.getValue().leaf());
            ObjectNode proof = PayloadCodec.mapper().createObjectNode()
                    .put("index", entry.getKey())
                    .put("treeSize", log.treeSize())
                    .put("leafHash", entry.getValue().leafHash().hex());
            proof.putArray("path").addAll(entry.getValue().path().stream().map(TreeHash::hex)
                    .map(hex -> PayloadCodec.mapper().getNodeFactory().stringNode(hex)).toList());
            zip.add(proofPath(entry.getKey()), json(proof));
        }
    }

    /** Where the pack keeps a log entry's leaf, byte for byte as the log hashed it. */
    static String entryPath(long index) {
        return "log/entries/" + index + ".json";
    }

    /** Where the pack keeps a log entry's inclusion proof. */
    static String proofPath(long index) {
        return "log/proofs/" + index + ".json";
    }

    /**
     * A name any file system and zip tool takes: letters without their accents, digits, dots, hyphens and
     * underscores, the rest made hyphens, no leading dot, at most 80 characters, the extension kept.
     */
    static String safeName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replace("-.", ".").replaceAll("^[.-]+", "")
                .replaceAll("-$", "");
        if (plain.length() > NAME_LENGTH) {
            int dot = plain.lastIndexOf('.');
            String extension = dot > 0 && plain.length() - dot <= 10 ? plain.substring(dot) : "";
            plain = plain.substring(0, NAME_LENGTH - extension.length()) + extension;
        }
        return plain.isEmpty() ? "document" : plain;
    }

    private static byte[] readme(EvidenceRequest request, LogExcerpt log) throws IOException {
        String template = new String(resource("evidence-readme." + request.language().code() + ".txt"),
                StandardCharsets.UTF_8);
        return template.replace("{reference}", request.reference())
                .replace("{treeSize}", Long.toString(log.treeSize()))
                .replace("{root}", log.root().hex())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(ObjectNode node) {
        return (PayloadCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EvidencePack.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("selfdata's rights module is built without its " + name);
            }
            return in.readAllBytes();
        }
    }
}
