package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.ReceiptAddresses;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.Recipients;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /ns/notices/{recipient}/{version}}: the notice a consent receipt names ({@code dpv:hasNotice}), the
 * recipient's declaration of processing at the version the person was shown, so that the receipt's notice resolves
 * to what the person consented under. Declarations never change once written, so the answer never does either.
 *
 * <p>Public, as the context is: a declaration is what an organization publishes about its processing (its purposes,
 * the categories and precision each needs, its legal bases, further recipients, transfers, retention and security
 * measures, all written by the vault's operator about the organization), and the recipient is named by its id and
 * name alone. Nothing in it is about a person, nor says whether anyone granted anything. A recipient that a person's
 * restore brought back and that awaits the operator's admission is not found: it is known to this vault only as
 * evidence of that person's grants, and answering it would tell whoever holds its id that someone restored them.
 */
final class NoticeRoutes implements HttpService {
    static final String PATH = "/" + ReceiptAddresses.NOTICES_PATH + "{recipient}/{version}";

    private final Recipients recipients;

    NoticeRoutes(Recipients recipients) {
        this.recipients = requireNonNull(recipients, "recipients is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(PATH, this::notice, Access.PUBLIC);
    }

    private void notice(Context ctx) {
        Optional<Recipient> recipient = recipientId(ctx.pathParam("recipient")).filter(recipients::isAdmitted)
                .flatMap(recipients::find);
        Optional<ProcessingDeclaration> declaration = recipient.flatMap(found -> version(ctx.pathParam("version"))
                .flatMap(version -> recipients.declaration(found.id(), version)));
        if (declaration.isEmpty()) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noNotice"));
        }
        ObjectNode json = ApiJson.mapper().createObjectNode();
        json.putObject("recipient").put("id", recipient.orElseThrow().id().value())
                .put("name", recipient.orElseThrow().identity().name());
        SharingJson.write(json.putObject("declaration"), declaration.get());
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.json(json);
    }

    private static Optional<RecipientId> recipientId(String text) {
        try {
            return Optional.of(RecipientId.of(text));
        }
        catch (SelfdataException e) {
            return Optional.empty();
        }
    }

    /** A version as a declaration's is written: a whole number from 1, in plain digits. */
    private static Optional<Integer> version(String text) {
        if (!text.matches("[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }
}
