package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.DayWording;
import org.selfdata.rights.DeadlineStatus;
import org.selfdata.rights.Deadlines;
import org.selfdata.rights.EstimatedReceipt;
import org.selfdata.rights.HolidayRegion;
import org.selfdata.rights.Organization.Channel;
import org.selfdata.rights.RequestDates;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * The deadline an organization has to answer a request, counted from the dates the person gives as the rights desk
 * counts it: which deadline applies today and the days left or late, how it was counted, and the answer's, the
 * extended answer's and the refusal's last days. Without the date of receipt, the day a request was sent and how
 * gives an estimate of it, said to be one.
 */
@Command(name = "deadline", mixinStandardHelpOptions = true,
        description = "Count the deadline an organization has to answer a request, from the day it received it, as "
                + "the GDPR and Regulation No 1182/71 count it, with French public holidays.")
final class RightsDeadlineCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Option(names = "--received", paramLabel = "DATE",
            description = "The day the organization received the request, such as 2025-01-31: the e-mail's delivery "
                    + "or the date on the acknowledgement of receipt.")
    Optional<String> received = Optional.empty();

    @Option(names = "--sent", paramLabel = "DATE",
            description = "Without --received: the day the request was sent, from which its receipt is estimated.")
    Optional<String> sent = Optional.empty();

    @Option(names = "--channel", paramLabel = "CHANNEL",
            description = "With --sent: how the request was sent, email, letter, fax or web-form.")
    Optional<String> channel = Optional.empty();

    @Option(names = "--extension-notified", paramLabel = "DATE",
            description = "The day the organization said it extends the time limit, with its reasons.")
    Optional<String> extensionNotified = Optional.empty();

    @Option(names = "--identification-asked", paramLabel = "DATE",
            description = "The day the organization asked for information to identify you.")
    Optional<String> identificationAsked = Optional.empty();

    @Option(names = "--identification-given", paramLabel = "DATE",
            description = "The day the organization received that information.")
    Optional<String> identificationGiven = Optional.empty();

    @Option(names = "--complaint-lodged", paramLabel = "DATE",
            description = "The day you lodged a complaint with the supervisory authority.")
    Optional<String> complaintLodged = Optional.empty();

    @Option(names = "--department", paramLabel = "CODE",
            description = "The French département you live in, such as 75 or 57: Moselle, Bas-Rhin and Haut-Rhin keep "
                    + "Good Friday and 26 December as public holidays (default: the rest of France's holidays).")
    Optional<String> department = Optional.empty();

    @Option(names = "--today", paramLabel = "DATE", description = "Count the days left from this day (default: today).")
    Optional<String> today = Optional.empty();

    @Option(names = "--json", description = "Print the deadlines as JSON.")
    boolean json;

    RightsDeadlineCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        LocalDate day = today.map(text -> date("--today", text)).orElseGet(LocalDate::now);
        HolidayRegion region = department.map(HolidayRegion::ofDepartment).orElse(HolidayRegion.METROPOLITAN_FRANCE);
        Deadlines deadlines = new Deadlines(region);
        Optional<EstimatedReceipt> estimate = estimate(deadlines, day);
        LocalDate receivedOn = received.map(text -> date("--received", text))
                .orElseGet(() -> estimate.orElseThrow().date());
        RequestDates dates = new RequestDates(receivedOn, optionalDate("--extension-notified", extensionNotified),
                optionalDate("--identification-asked", identificationAsked),
                optionalDate("--identification-given", identificationGiven),
                optionalDate("--complaint-lodged", complaintLodged));
        RightsDeadlines counted = RightsDeadlines.count(deadlines, dates, day);
        if (json) {
            terminal.out().println(Json.MAPPER.writeValueAsString(json(counted, region, estimate)));
            return ExitCodes.DONE;
        }
        print(terminal.out(), environment.words(), counted, region, estimate);
        return ExitCodes.DONE;
    }

    /** The estimated receipt, when the person gave the day the request was sent and how rather than its receipt. */
    private Optional<EstimatedReceipt> estimate(Deadlines deadlines, LocalDate day) {
        if (received.isPresent()) {
            return Optional.empty();
        }
        if (sent.isEmpty() || channel.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.receipt"));
        }
        LocalDate sentOn = date("--sent", sent.get());
        if (sentOn.isAfter(day)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.rights.deadlines.future", Wording.of("rights.command.fact.sent")));
        }
        Channel how = RightsChannel.parse("--channel", channel.get());
        return Optional.of(deadlines.estimatedReceipt(how, sentOn));
    }

    private static Optional<LocalDate> optionalDate(String option, Optional<String> text) {
        return text.map(value -> date(option, value));
    }

    private static LocalDate date(String option, String text) {
        return RightsDesks.date(option, text);
    }

    private static void print(PrintStream out, Words words, RightsDeadlines counted, HolidayRegion region,
            Optional<EstimatedReceipt> estimate) {
        estimate.ifPresent(receipt -> out.println(words.say("rights.command.deadline.estimated",
                DayWording.of(receipt.date()), receipt.basis())));
        DeadlineStatus status = counted.status();
        out.println(words.say(status.summary()));
        out.println(words.say("rights.command.deadline.counted", region.wording()));
        status.reasons().forEach(reason -> out.println("  - " + words.say(reason)));
        out.println(words.say(counted.answer().map(day -> Wording.of("rights.command.deadline.answer", DayWording.of(day)))
                .orElseGet(() -> Wording.of("rights.command.deadline.answerStopped"))));
        counted.extendedAnswer().ifPresent(day -> out.println(words.say("rights.command.deadline.extended",
                DayWording.of(day))));
        counted.possibleExtension().ifPresent(day -> out.println(words.say("rights.command.deadline.extendedIf",
                DayWording.of(day))));
        counted.refusal().ifPresent(day -> out.println(words.say("rights.command.deadline.refusal",
                DayWording.of(day))));
        counted.authorityProgress().ifPresent(day -> out.println(words.say("rights.command.deadline.authority",
                DayWording.of(day))));
    }

    /** The deadlines as dates written year-month-day and their words in English, the same whatever the terminal's language. */
    private static ObjectNode json(RightsDeadlines counted, HolidayRegion region, Optional<EstimatedReceipt> estimate) {
        Words english = Words.english();
        DeadlineStatus status = counted.status();
        ObjectNode node = Json.MAPPER.createObjectNode()
                .put("receivedOn", counted.receivedOn().toString())
                .put("receiptEstimated", estimate.isPresent())
                .put("region", region.term())
                .put("today", status.today().toString())
                .put("kind", status.kind().term())
                .put("date", status.date().toString())
                .put("daysLeft", status.daysLeft())
                .put("overdue", status.overdue())
                .put("summary", english.say(status.summary()));
        estimate.ifPresent(receipt -> node.put("receiptBasis", english.say(receipt.basis())));
        ArrayNode reasons = node.putArray("reasons");
        status.reasons().forEach(reason -> reasons.add(english.say(reason)));
        counted.answer().ifPresent(day -> node.put("answer", day.toString()));
        counted.extendedAnswer().ifPresent(day -> node.put("extendedAnswer", day.toString()));
        counted.possibleExtension().ifPresent(day -> node.put("extendedAnswerIfExtended", day.toString()));
        counted.refusal().ifPresent(day -> node.put("refusal", day.toString()));
        counted.authorityProgress().ifPresent(day -> node.put("authorityProgress", day.toString()));
        return node;
    }
}
