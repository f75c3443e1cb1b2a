package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.PersonId;
import org.selfdata.rights.MailAccount;
import org.selfdata.rights.MailAnswers;
import org.selfdata.rights.MailServer;
import org.selfdata.rights.RequestEvent;
import org.selfdata.rights.RequestStatus;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Timeline;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The rights desk's mail, the owner's only: the person's own mailbox, which requests leave from and answers arrive in,
 * a drafted request sent by e-mail, and the answers fetched from the mailbox.
 *
 * <p>The mailbox's password goes in and never comes out: the mailbox is shown by its address and servers alone. A
 * request is found among the signed-in person's own.
 */
final class RightsMailRoutes implements HttpService {
    private static final String PATH = RightsRoutes.PATH;
    private static final Set<RequestStatus> ANSWERS = EnumSet.of(RequestStatus.ANSWERED_COMPLETE,
            RequestStatus.ANSWERED_INCOMPLETE);

    private final RightsDesk desk;
    private final JsonBodies bodies;

    record ServerJson(String host, int port, String security) {}

    record MailboxJson(boolean configured, Optional<String> address, Optional<ServerJson> smtp,
            Optional<ServerJson> imap) {}

    /** @param files the files that came with the answer, the message itself left out */
    record AnswerJson(String request, String reference, long files) {}

    record FetchJson(List<AnswerJson> answers, int unmatched, int skipped) {}

    RightsMailRoutes(RightsDesk desk, JsonBodies bodies) {
        this.desk = requireNonNull(desk, "desk is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(PATH + "/mailbox", this::mailbox);
        routes.put(PATH + "/mailbox", this::saveMailbox);
        routes.delete(PATH + "/mailbox", this::deleteMailbox);
        routes.post(PATH + "/requests/{request}/send", this::send);
        routes.post(PATH + "/fetch", this::fetch);
    }

    private void mailbox(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        ctx.json(json(desk.settings().mailAccount(owner)));
    }

    /** Takes the mailbox in the JSON form {@link MailAccount#fromJson} reads, the password included, and keeps it sealed. */
    private void saveMailbox(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        MailAccount account = MailAccount.fromJson(bodies.read(ctx).toString());
        desk.settings().saveMailAccount(owner, account);
        ctx.json(json(Optional.of(account)));
    }

    private void deleteMailbox(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        desk.settings().deleteMailAccount(owner);
        ctx.status(204);
    }

    /** Sends a draft from the person's mailbox; a server that is down or refuses the password leaves it a draft. */
    private void send(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        ctx.json(RightsRoutes.json(desk.sendByEmail(owner, ctx.pathParam("request")), Problems.language(ctx)));
    }

    private void fetch(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        MailAnswers fetched = desk.fetchAnswers(owner);
        List<AnswerJson> answers = fetched.answered().isEmpty() ? List.of() : desk.overview(owner).stream()
                .map(RightsDesk.RequestView::timeline)
                .filter(timeline -> fetched.answered().contains(timeline.request().reference()))
                .map(RightsMailRoutes::answer).toList();
        ctx.json(new FetchJson(answers, fetched.unmatched(), fetched.skipped().size()));
    }

    private static AnswerJson answer(Timeline timeline) {
        long files = timeline.events().reversed().stream().filter(event -> ANSWERS.contains(event.status())).findFirst()
                .map(event -> event.documents().stream().map(RequestEvent.Document::mediaType)
                        .filter(type -> !type.equals("message/rfc822")).count())
                .orElse(0L);
        return new AnswerJson(timeline.request().id(), timeline.request().reference(), files);
    }

    private static MailboxJson json(Optional<MailAccount> account) {
        return new MailboxJson(account.isPresent(), account.map(MailAccount::fromAddress),
                account.map(MailAccount::smtp).map(RightsMailRoutes::json),
                account.flatMap(MailAccount::imap).map(RightsMailRoutes::json));
    }

    private static ServerJson json(MailServer server) {
        return new ServerJson(server.host(), server.port(), server.security().term());
    }
}
