package org.selfdata.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.portability.Export;
import org.selfdata.portability.Manifest;
import org.selfdata.portability.Restore;
import org.selfdata.portability.RestoredSharing;
import org.selfdata.texts.SourceNames;
import org.selfdata.texts.Wording;
import org.selfdata.vault.Erasure;
import org.selfdata.vault.SealedFile;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultSigningKey;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the owner does to their account as a whole, as the command line does it: export everything
 * ({@code GET /api/v1/export}), restore an export into an empty account ({@code POST /api/v1/restore}), erase the
 * account ({@code POST /api/v1/erasure}), change the password ({@code PUT /api/v1/account/password}), see the keys
 * ({@code GET /api/v1/keys}) and rotate the data keys ({@code POST /api/v1/keys/rotation}).
 *
 * <p>An archive is written whole, sealed in the vault's in-progress folder, before a byte of it is sent, so a failed
 * export answers a problem rather than a broken zip; a browser that reads slowly, or a server killed while it reads,
 * leaves only ciphertext behind. The file is deleted once sent, or once the browser has gone. An archive to restore
 * waits sealed the same way.
 */
final class AccountRoutes implements HttpService {
    static final String EXPORT = "/api/v1/export";
    static final String RESTORE = "/api/v1/restore";
    static final String ERASURE = "/api/v1/erasure";
    static final String SOURCE_ERASURE = "/api/v1/sources/{source}/erasure";
    static final String PASSWORD = "/api/v1/account/password";
    static final String KEYS = "/api/v1/keys";
    static final String ROTATION = "/api/v1/keys/rotation";

    private static final String PUBLISHED_KEYS = "/.well-known/jwks.json";
    private static final Set<String> ERASURE_PROPERTIES = Set.of("handle");
    private static final Set<String> SOURCE_ERASURE_PROPERTIES = Set.of("source");
    private static final Set<String> PASSWORD_PROPERTIES = Set.of("currentPassword", "newPassword");

    private final Vault vault;
    private final Gate gate;
    private final Uploads uploads;
    private final SessionCookie cookie;
    private final CsrfTokens csrfTokens;
    private final SignInThrottle throttle;
    private final JsonBodies bodies;
    private final Duration lifetime;
    private final Clock clock;

    /** What a restore brought back, and of the grants: how many, how many still given, how many await the operator. */
    record RestoredJson(String handle, Instant exportedAt, long records, int grants, int given, int awaitingAdmission) {}

    record ErasedJson(long sources, long batches, long records) {}

    record SigningKeyJson(String keyId, String algorithm, String curve, String thumbprint, String published) {}

    record DataKeyJson(long source, String organization, String label, String organizationName, String labelName) {}

    record KeysJson(SigningKeyJson signingKey, List<DataKeyJson> dataKeys) {}

    record RotationJson(int sources) {}

    AccountRoutes(Vault vault, Gate gate, Uploads uploads, SessionCookie cookie, CsrfTokens csrfTokens,
            SignInThrottle throttle, JsonBodies bodies, Duration lifetime, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.cookie = requireNonNull(cookie, "cookie is null");
        this.csrfTokens = requireNonNull(csrfTokens, "csrfTokens is null");
        this.throttle = requireNonNull(throttle, "throttle is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(EXPORT, this::export);
        routes.post(RESTORE, this::restore);
        routes.post(ERASURE, this::erase);
        routes.post(SOURCE_ERASURE, this::eraseSource);
        routes.put(PASSWORD, this::changePassword);
        routes.get(KEYS, this::keys);
        routes.post(ROTATION, this::rotate);
    }

    private void export(Context ctx) {
        Person person = vault.people().get(OwnerGuard.signedIn(ctx).person());
        try (Export.Sealed archive = new Export(vault, gate, clock).seal(person.id())) {
            ctx.status(200);
            ctx.header("Content-Disposition", "attachment; filename=\"" + archiveName(person) + "\"");
            ctx.header("Cache-Control", "no-store");
            ctx.res().setContentType("application/zip");
            ctx.res().setContentLengthLong(archive.file().size());
            send(archive.file(), ctx.res().getOutputStream());
        }
        catch (IOException e) {
            throw new UncheckedIOException("sending an archive", e);
        }
    }

    /** Such as {@code selfdata-camille-2026-11-24.zip}, dated in the person's own time zone. */
    private String archiveName(Person person) {
        return "selfdata-" + person.handle() + "-" + LocalDate.now(clock.withZone(person.zone())) + ".zip";
    }

    private static void send(SealedFile archive, OutputStream out) {
        try (InputStream in = archive.read()) {
            in.transferTo(out);
            out.flush();
        }
        catch (IOException browserLeft) {
            // The download was cut short; the archive is deleted all the same, and the person can start again.
        }
    }

    /**
     * Restores only into an account that holds nothing yet, the rule of {@code selfdata restore}; the vault checks it
     * again inside its transaction, but asking first spares the person an upload for nothing.
     */
    private void restore(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        int sources = vault.imports().sources(person).size();
        if (sources > 0) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.server.restoreNotEmpty", sources));
        }
        Uploads.Upload upload = uploads.receive(body(ctx), Optional.ofNullable(ctx.contentType()),
                ctx.req().getContentLengthLong(), Optional.of("archive.zip"), received -> { });
        try {
            Manifest manifest = new Restore(vault).restore(person, upload.file(), upload.name());
            RestoredSharing sharing = RestoredSharing.of(vault, person, clock.instant());
            ctx.json(new RestoredJson(manifest.handle(), manifest.exportedAt(), manifest.records(), sharing.grants(),
                    sharing.given(), sharing.awaitingAdmission()));
        }
        finally {
            uploads.delete(upload);
        }
    }

    /** Like {@code selfdata erase}: the person confirms by typing their handle, and the session ends with them. */
    private void erase(Context ctx) {
        Person person = vault.people().get(OwnerGuard.signedIn(ctx).person());
        JsonNode body = object(bodies.read(ctx), ERASURE_PROPERTIES, "error.server.erasureBody");
        if (!person.handle().equals(text(body, "handle"))) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.erasureHandle"));
        }
        Erasure.Report report = vault.erasure().erasePerson(person.id());
        cookie.expire(ctx);
        ctx.json(new ErasedJson(report.sources(), report.batches(), report.records()));
    }

    /**
     * Like {@code selfdata erase --source}: the person confirms by typing the source's number, and everything from that
     * source is destroyed, its keys first; the rest of the account stays.
     */
    private void eraseSource(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        SourceId source = sourceId(ctx.pathParam("source"));
        if (vault.imports().source(person, source).isEmpty()) {
            throw noSource();
        }
        JsonNode body = object(bodies.read(ctx), SOURCE_ERASURE_PROPERTIES,
                "error.server.sourceErasureBody");
        if (!String.valueOf(source.value()).equals(text(body, "source").strip())) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.erasureSource"));
        }
        Erasure.Report report = vault.erasure().eraseSource(person, source);
        ctx.json(new ErasedJson(report.sources(), report.batches(), report.records()));
    }

    private static SourceId sourceId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id >= 1) {
                return SourceId.of(id);
            }
        }
        catch (NumberFormatException notANumber) {
            // Not found below: no source has such a number.
        }
        throw noSource();
    }

    private static SelfdataException noSource() {
        return new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noSource"));
    }

    /**
     * The current password is checked under the same limit as signing in, so a session left open does not let anyone
     * guess it. Like {@code selfdata password}, every session of the person ends; this browser gets a new one.
     */
    private void changePassword(Context ctx) {
        Person person = vault.people().get(OwnerGuard.signedIn(ctx).person());
        JsonNode body = object(bodies.read(ctx), PASSWORD_PROPERTIES,
                "error.server.passwordBody");
        char[] current = text(body, "currentPassword").toCharArray();
        char[] replacement = text(body, "newPassword").toCharArray();
        try {
            String address = ctx.ip();
            admit(ctx, address, person.handle());
            if (vault.people().authenticate(person.handle(), current).isEmpty()) {
                throw new SelfdataException(ErrorCode.FORBIDDEN, Wording.of("error.server.wrongPassword"));
            }
            throttle.succeeded(address, person.handle());
            vault.people().setPassword(person.id(), replacement);
        }
        finally {
            Arrays.fill(current, '\0');
            Arrays.fill(replacement, '\0');
        }
        vault.sessions().endAll(person.id());
        String token = vault.sessions().start(person.id(), lifetime);
        cookie.set(ctx, token);
        ctx.json(new SessionRoutes.SessionJson(new SessionRoutes.PersonJson(person.handle(), person.zone().getId()),
                csrfTokens.tokenFor(token)));
    }

    /** Counts the attempt, or refuses it with the seconds to wait, rounded up, in Retry-After. */
    private void admit(Context ctx, String address, String handle) {
        Optional<Duration> wait = throttle.admit(address, handle);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new SelfdataException(ErrorCode.RATE_LIMITED, Wording.of("error.server.passwordsThrottled", seconds));
        }
    }

    private void keys(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        List<DataKeyJson> dataKeys = vault.imports().sources(person).stream()
                .map(source -> new DataKeyJson(source.id().value(), source.organization(), source.label(),
                        SourceNames.say(Problems.language(ctx), source.organization()),
                        SourceNames.say(Problems.language(ctx), source.label())))
                .toList();
        ctx.json(new KeysJson(signingKey(vault.signingKey()), dataKeys));
    }

    private static SigningKeyJson signingKey(VaultSigningKey key) {
        ECKey published = (ECKey) key.publicKeys().getKeys().getFirst();
        try {
            return new SigningKeyJson(key.keyId(), published.getAlgorithm().getName(), published.getCurve().getName(),
                    published.computeThumbprint().toString(), PUBLISHED_KEYS);
        }
        catch (JOSEException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot compute the thumbprint of the vault's signing key", e);
        }
    }

    /** Like {@code selfdata keys rotate}: new keys for what is sealed from now on; nothing sealed before is sealed again. */
    private void rotate(Context ctx) {
        ctx.json(new RotationJson(vault.rotateKeys(OwnerGuard.signedIn(ctx).person())));
    }

    private static JsonNode object(JsonNode body, Set<String> properties, String expectedKey) {
        if (!body.isObject() || !properties.containsAll(body.propertyNames())) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of(expectedKey));
        }
        return body;
    }

    private static String text(JsonNode body, String property) {
        JsonNode value = body.get(property);
        if (value == null || !value.isString()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.requestNeeds", property));
        }
        return value.stringValue();
    }

    private static InputStream body(Context ctx) {
        try {
            return ctx.req().getInputStream();
        }
        catch (IOException e) {
            throw new UncheckedIOException("reading an upload", e);
        }
    }
}
