package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.DayWording;
import org.selfdata.rights.RequestStatus;
import org.selfdata.rights.Requests;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Records a step the organization took or the person took outside selfdata: the receipt (the date on the
 * acknowledgement of receipt), a request for identification and the answer to it, an extension with or without its
 * reasons, a refusal, a reminder or a complaint posted, the closing. The deadline follows from these days. Sending
 * and answering have commands of their own, which keep the letter and the files with the step.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record a step of a request on the day it happened: the organization received it, asked you to "
                + "identify yourself, extended the time limit or refused; you gave what it asked, sent a reminder, "
                + "lodged a complaint or closed the request.")
final class RightsRecordCommand implements Callable<Integer> {
    /** The steps a person records by hand; the others carry documents and have commands of their own. */
    private static final Set<RequestStatus> RECORDED_BY_HAND = EnumSet.of(RequestStatus.RECEIVED,
            RequestStatus.IDENTIFICATION_ASKED, RequestStatus.IDENTIFICATION_GIVEN, RequestStatus.EXTENDED,
            RequestStatus.REFUSED, RequestStatus.REMINDER_SENT, RequestStatus.COMPLAINT_LODGED, RequestStatus.CLOSED);

    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Option(names = "--status", paramLabel = "STATUS", required = true,
            description = "The step: received, identification-asked, identification-given, extended, refused, "
                    + "reminder-sent, complaint-lodged or closed.")
    String status;

    @Option(names = "--on", paramLabel = "DATE", required = true,
            description = "The day it happened, such as 2025-01-31: for received, the date on the acknowledgement of "
                    + "receipt or the e-mail's delivery.")
    String on;

    @Option(names = "--reasons-given", description = "With extended: the organization gave its reasons for the "
            + "extension, as art. 12(3) requires.")
    boolean reasonsGiven;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note of your own on the step.")
    Optional<String> note = Optional.empty();

    RightsRecordCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        RequestStatus step = status(status);
        LocalDate happenedOn = RightsDesks.date("--on", on);
        RightsDesk.RequestView recorded;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            recorded = desk.record(person.id(), RightsDesks.requestId(desk, person.id(), request),
                    new Requests.Step(step, happenedOn, note.map(String::strip).filter(text -> !text.isEmpty()),
                            List.of(), reasonsGiven));
        }
        Words words = environment.words();
        terminal.out().println(words.say("rights.command.record.recorded", recorded.timeline().request().reference(),
                words.say(RightsDesks.statusKey(step)), DayWording.of(happenedOn)));
        recorded.deadline().ifPresent(deadline -> terminal.out().println(words.say(deadline.summary())));
        return ExitCodes.DONE;
    }

    private static RequestStatus status(String name) {
        String term = name.strip().toLowerCase(Locale.ROOT);
        return RECORDED_BY_HAND.stream().filter(candidate -> candidate.term().equals(term)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.rights.command.status", "--status")));
    }
}
