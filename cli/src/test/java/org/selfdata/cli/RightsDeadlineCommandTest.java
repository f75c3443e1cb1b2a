package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata rights deadline}: the deadline an organization has to answer, counted from the dates given, with
 * the days left or late, how it was counted, and every other deadline of the request, in English here (French is in
 * {@link CommandsInFrenchTest}).
 */
class RightsDeadlineCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private CommandRun.Result deadline(String... options) {
        String[] arguments = new String[options.length + 2];
        arguments[0] = "rights";
        arguments[1] = "deadline";
        System.arraycopy(options, 0, arguments, 2, options.length);
        return new CommandRun(home).run(arguments);
    }

    @Test
    void aRequestReceivedOnTheLastDayOfJanuaryIsDueOnTheLastDayOfFebruary() {
        CommandRun.Result result = deadline("--received", "2025-01-31", "--today", "2025-02-20");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                answer due by Friday 28 February 2025: 8 days left
                How it was counted, with the public holidays of Metropolitan France:
                  - the organization received the request on Friday 31 January 2025
                  - the GDPR gives one month from receipt, the day of receipt not counted (art. 12(3); Regulation No \
                1182/71, art. 3)
                  - the last month has no day 31: the period ends on that month’s last day (Regulation No 1182/71, art. 3(2)(c))
                Answer due by: Friday 28 February 2025
                Answer due by, if the organization extends the time limit within the first month: Wednesday 30 April 2025
                A refusal due with its reasons by: Friday 28 February 2025
                """);
    }

    @Test
    void aDeadlineOnBastilleDayMovesToTheNextWorkingDayAndIsLateAfterIt() {
        CommandRun.Result result = deadline("--received", "2025-06-14", "--today", "2025-07-20");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                answer was due by Tuesday 15 July 2025: 5 days late
                How it was counted, with the public holidays of Metropolitan France:
                  - the organization received the request on Saturday 14 June 2025
                  - the GDPR gives one month from receipt, the day of receipt not counted (art. 12(3); Regulation No \
                1182/71, art. 3)
                  - the period would end on Monday 14 July 2025, a public holiday (Bastille Day): it ends on the next \
                working day, Tuesday 15 July 2025 (Regulation No 1182/71, art. 3(4))
                Answer due by: Tuesday 15 July 2025
                Answer due by, if the organization extends the time limit within the first month: Monday 15 September 2025
                A refusal due with its reasons by: Tuesday 15 July 2025
                """);
    }

    @Test
    void inMoselleGoodFridayIsAHolidayAndTheDeadlineMovesPastEasterMonday() {
        CommandRun.Result moselle = deadline("--received", "2025-03-18", "--department", "57", "--today", "2025-04-01");
        CommandRun.Result paris = deadline("--received", "2025-03-18", "--department", "75", "--today", "2025-04-01");

        assertThat(moselle.exitCode()).as(moselle.err()).isZero();
        assertThat(moselle.out().lines().limit(5).toList()).containsExactly(
                "answer due by Tuesday 22 April 2025: 21 days left",
                "How it was counted, with the public holidays of Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle):",
                "  - the organization received the request on Tuesday 18 March 2025",
                "  - the GDPR gives one month from receipt, the day of receipt not counted (art. 12(3); Regulation No "
                        + "1182/71, art. 3)",
                "  - the period would end on Friday 18 April 2025, a public holiday (Good Friday): it ends on the next "
                        + "working day, Tuesday 22 April 2025 (Regulation No 1182/71, art. 3(4))");
        assertThat(paris.out().lines().findFirst()).contains("answer due by Friday 18 April 2025: 17 days left");
    }

    @Test
    void anExtensionNotifiedWithinTheMonthGivesThreeMonths() {
        CommandRun.Result result = deadline("--received", "2025-01-31", "--extension-notified", "2025-02-25",
                "--today", "2025-03-10");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).startsWith(
                "answer due by Wednesday 30 April 2025, the time limit extended: 51 days left")
                .contains("Answer due by: Friday 28 February 2025",
                        "Answer due by, the time limit extended: Wednesday 30 April 2025",
                        "A refusal due with its reasons by: Friday 28 February 2025")
                .noneMatch(line -> line.contains("if the organization extends"));
    }

    @Test
    void whileIdentificationIsAwaitedTheAnswerHasNoDayYet() {
        CommandRun.Result result = deadline("--received", "2025-01-31", "--identification-asked", "2025-02-05",
                "--today", "2025-02-10");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).startsWith("clock stopped until the organization has what it asked to "
                        + "identify you; given today, the answer would be due by Wednesday 5 March 2025: 23 days from today")
                .contains("Answer due by: not yet known, the clock stands still until the organization has what it "
                        + "asked to identify you")
                .noneMatch(line -> line.startsWith("A refusal"));
    }

    @Test
    void aComplaintLodgedGivesTheAuthorityThreeMonths() {
        CommandRun.Result result = deadline("--received", "2025-01-31", "--complaint-lodged", "2025-04-02",
                "--today", "2025-04-02");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).startsWith("the authority owes you news of your complaint by "
                        + "Wednesday 2 July 2025: 91 days left")
                .contains("The authority’s news of the complaint due by: Wednesday 2 July 2025");
    }

    @Test
    void aLetterSentWithoutItsAcknowledgementIsSaidToArriveThreeWorkingDaysLaterAsAnEstimate() {
        CommandRun.Result result = deadline("--sent", "2025-01-31", "--channel", "letter", "--today", "2025-02-01");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().limit(2).toList()).containsExactly(
                "Receipt estimated on Wednesday 5 February 2025: selfdata counts a registered letter as arriving 3 "
                        + "working days after posting; enter the date on the acknowledgement of receipt once you have it",
                "answer due by Wednesday 5 March 2025: 32 days left");
    }

    @Test
    void anEmailIsReceivedTheDayItIsSent() {
        CommandRun.Result result = deadline("--sent", "2025-01-31", "--channel", "email", "--today", "2025-02-20",
                "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("receivedOn").stringValue()).isEqualTo("2025-01-31");
        assertThat(json.get("receiptEstimated").booleanValue()).isTrue();
        assertThat(json.get("receiptBasis").stringValue())
                .isEqualTo("an e-mail, a fax or a web form reaches the organization the day it is sent");
        assertThat(json.get("date").stringValue()).isEqualTo("2025-02-28");
    }

    @Test
    void theJsonGivesEveryDeadlineAsADateAndTheStatusInEnglish() {
        CommandRun.Result result = new CommandRun(home).with("LANG", "fr_FR.UTF-8").run("rights", "deadline",
                "--received", "2025-06-14", "--today", "2025-07-20", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.propertyNames()).containsExactly("receivedOn", "receiptEstimated", "region", "today", "kind",
                "date", "daysLeft", "overdue", "summary", "reasons", "answer", "extendedAnswerIfExtended", "refusal");
        assertThat(json.get("receivedOn").stringValue()).isEqualTo("2025-06-14");
        assertThat(json.get("receiptEstimated").booleanValue()).isFalse();
        assertThat(json.get("region").stringValue()).isEqualTo("metropolitan-france");
        assertThat(json.get("today").stringValue()).isEqualTo("2025-07-20");
        assertThat(json.get("kind").stringValue()).isEqualTo("answer");
        assertThat(json.get("date").stringValue()).isEqualTo("2025-07-15");
        assertThat(json.get("daysLeft").longValue()).isEqualTo(-5);
        assertThat(json.get("overdue").booleanValue()).isTrue();
        assertThat(json.get("summary").stringValue()).isEqualTo("answer was due by Tuesday 15 July 2025: 5 days late");
        assertThat(json.get("reasons").values().stream().map(JsonNode::stringValue).toList()).hasSize(3)
                .last().asString().startsWith("the period would end on Monday 14 July 2025, a public holiday");
        assertThat(json.get("answer").stringValue()).isEqualTo("2025-07-15");
        assertThat(json.get("extendedAnswerIfExtended").stringValue()).isEqualTo("2025-09-15");
        assertThat(json.get("refusal").stringValue()).isEqualTo("2025-07-15");
    }

    @Test
    void aBadDateIsRefusedNamingItsOptionWithoutCountingAnything() {
        CommandRun.Result result = deadline("--received", "2025-31-01");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo(
                "selfdata: --received: expected a date written year-month-day, such as 2025-01-31\n");
    }

    @Test
    void aDateAfterTodayIsRefused() {
        CommandRun.Result result = deadline("--received", "2025-01-31", "--extension-notified", "2025-03-01",
                "--today", "2025-02-20");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: the date of the extension notice is after today: enter it once it "
                + "has happened\n");
    }

    @Test
    void aLetterStillInThePostCannotHaveAnExtensionAlready() {
        CommandRun.Result result = deadline("--sent", "2025-01-31", "--channel", "letter", "--today", "2025-02-01",
                "--extension-notified", "2025-02-05");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: the date of the extension notice is after today: enter it once it "
                + "has happened\n");
    }

    @Test
    void withoutTheReceiptOrTheSendingNothingIsCounted() {
        CommandRun.Result withoutChannel = deadline("--sent", "2025-01-31");
        CommandRun.Result badChannel = deadline("--sent", "2025-01-31", "--channel", "pigeon");
        CommandRun.Result badDepartment = deadline("--received", "2025-01-31", "--department", "99");

        assertThat(List.of(withoutChannel.exitCode(), badChannel.exitCode(), badDepartment.exitCode()))
                .containsExactly(3, 3, 3);
        assertThat(withoutChannel.err()).isEqualTo("selfdata: give the day the organization received the request with "
                + "--received, or the day it was sent and how with --sent and --channel\n");
        assertThat(badChannel.err()).isEqualTo("selfdata: --channel: expected email, letter, fax or web-form\n");
        assertThat(badDepartment.err()).isEqualTo(
                "selfdata: expected a French département code, such as 75, 2A or 974\n");
    }
}
