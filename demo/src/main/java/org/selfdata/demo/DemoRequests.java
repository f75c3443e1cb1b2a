package org.selfdata.demo;

import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeReport;
import org.selfdata.model.Person;
import org.selfdata.rights.AccessItem;
import org.selfdata.rights.Organization;
import org.selfdata.rights.RequestStatus;
import org.selfdata.rights.Requests;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Sender;
import org.selfdata.texts.Language;
import org.selfdata.vault.Vault;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Camille's requests to organizations under the GDPR, one at each stage a newcomer should see on the rights desk: an
 * access request to SNCF Connect, posted and received but unanswered, now overdue; an access request to her bank,
 * answered in full with a CSV of her Livret A's operations, which become records under the bank's name, and a letter,
 * which becomes a document; an erasure request to FNAC DARTY by e-mail, whose deadline the company extended in time
 * with its reasons, still running.
 *
 * <p>They go through the rights desk as a person's would, and are dated back from the clock's today, so that each
 * stays at its stage whatever the day the demo is filled: sent 45, 80 and 38 days ago. The organizations' steps fall
 * on weekdays: a letter is received two days after it was posted, or on the Monday after; an answer and an extension
 * come on the weekday on or before the day they are dated from, which keeps the extension within the first month
 * (at least 28 days from an e-mail's receipt) even when that month is February. What is drawn (the customer number,
 * the bank's operations) comes from the seed.
 */
public final class DemoRequests {
    static final int OVERDUE_SENT_DAYS_AGO = 45;
    static final int ANSWERED_SENT_DAYS_AGO = 80;
    static final int ANSWERED_DAYS_AGO = 50;
    static final int EXTENDED_SENT_DAYS_AGO = 38;
    static final int EXTENDED_DAYS_AGO = 10;
    static final String ADDRESS = "18 rue Sébastien Gryphe\n69007 Lyon\nFrance";
    static final String EMAIL = "camille.martin@example.org";
    static final Sender SENDER = new Sender(DemoPerson.DISPLAY_NAME, Optional.of(ADDRESS), Optional.of(EMAIL));
    /** The bank is not in the directory: Camille adds it, as a person can, under the name her statements give it. */
    static final Organization BANK = new Organization("banque-populaire-auvergne-rhone-alpes", BankStatementWriter.BANK,
            Optional.of(BankAnswer.ADDRESS), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of("finance"), List.of("fr"), List.of(new Organization.RequiredElement("Nom", "name"),
                    new Organization.RequiredElement("Adresse", "address"),
                    new Organization.RequiredElement("Numéro de client", "customer_number")),
            false, Optional.of("fr"), Optional.of(Organization.Channel.LETTER), false, Organization.Origin.PERSON);
    static final String TRAINS = "sncf-connect";
    static final String SHOP = "fnac";

    private final long seed;

    DemoRequests(long seed) {
        this.seed = seed;
    }

    /**
     * The requests as the desk shows them once filed, and what the bank's answer became.
     *
     * @param requests the overdue one, the answered one and the extended one, in that order
     */
    public record Filed(List<RightsDesk.RequestView> requests, IntakeReport answer) {
        public Filed {
            requests = List.copyOf(requests);
            requireNonNull(answer, "answer is null");
        }
    }

    /**
     * Files the three requests for the person, with who she is in her letters, through a rights desk on the vault
     * that brings the bank's answer in through the intake and counts days on the clock.
     */
    public Filed file(Vault vault, Intake intake, Clock clock, Person person) {
        RightsDesk desk = new RightsDesk(vault, intake, clock);
        LocalDate today = LocalDate.now(clock.withZone(person.zone()));
        desk.settings().saveSender(person.id(), SENDER);
        RightsDesk.RequestView overdue = overdue(desk, person, today);
        RightsDesk.AnswerReport answered = answered(desk, person, today);
        RightsDesk.RequestView extended = extended(desk, person, today);
        return new Filed(List.of(overdue, desk.request(person.id(), answered.timeline().request().id()), extended),
                answered.imported());
    }

    /** The customer number Camille's letter to her bank gives, which its record asks for. */
    String customerNumber() {
        return String.format("%08d", new SplittableRandom(seed).nextInt(100_000_000));
    }

    BankAnswer bankAnswer() {
        return new BankAnswer(seed + 1);
    }

    private static RightsDesk.RequestView overdue(RightsDesk desk, Person person, LocalDate today) {
        String id = draft(desk, person, new RightsDesk.NewRequest(TRAINS, Right.ACCESS, false,
                Optional.of("Les billets de train que j’ai achetés sur SNCF Connect depuis septembre 2024, avec les "
                        + "trajets, les données de paiement et les préférences qui leur sont rattachés."),
                Organization.Channel.LETTER, Language.FRENCH, Map.of()));
        LocalDate sent = today.minusDays(OVERDUE_SENT_DAYS_AGO);
        desk.markSent(person.id(), id, sent);
        return desk.record(person.id(), id, Requests.Step.of(RequestStatus.RECEIVED, delivered(sent)));
    }

    private RightsDesk.AnswerReport answered(RightsDesk desk, Person person, LocalDate today) {
        desk.organizations().save(person.id(), BANK);
        String id = draft(desk, person, new RightsDesk.NewRequest(BANK.slug(), Right.ACCESS, false,
                Optional.of("Tous mes comptes et produits d’épargne, et leurs opérations."), Organization.Channel.LETTER,
                Language.FRENCH, Map.of("customer_number", customerNumber())));
        LocalDate sent = today.minusDays(ANSWERED_SENT_DAYS_AGO);
        LocalDate received = delivered(sent);
        LocalDate answeredOn = weekdayOnOrBefore(today.minusDays(ANSWERED_DAYS_AGO));
        RightsDesk.RequestView posted = desk.markSent(person.id(), id, sent);
        desk.record(person.id(), id, Requests.Step.of(RequestStatus.RECEIVED, received));
        BankAnswer answer = bankAnswer();
        RightsDesk.AnswerReport report = desk.answer(person.id(), id, answeredOn, true, List.of(answer.statement(),
                answer.letter(posted.timeline().request().reference(), sent, received, answeredOn, ADDRESS)));
        // A complete answer: every item of art. 15 is in the bank's letter or its file.
        desk.tick(person.id(), id, EnumSet.allOf(AccessItem.class));
        return report;
    }

    private static RightsDesk.RequestView extended(RightsDesk desk, Person person, LocalDate today) {
        String id = draft(desk, person, new RightsDesk.NewRequest(SHOP, Right.ERASURE, false,
                Optional.of("Mon compte client Fnac, l’historique d’achats qui lui est rattaché et mon adhésion au "
                        + "programme de fidélité."),
                Organization.Channel.EMAIL, Language.FRENCH, Map.of("input", "Fnac")));
        LocalDate sent = today.minusDays(EXTENDED_SENT_DAYS_AGO);
        RightsDesk.RequestView mailed = desk.markSent(person.id(), id, sent);
        LocalDate extendedOn = weekdayOnOrBefore(today.minusDays(EXTENDED_DAYS_AGO));
        return desk.record(person.id(), id, new Requests.Step(RequestStatus.EXTENDED, extendedOn,
                Optional.of("Délai prolongé de deux mois : beaucoup de demandes en cours, et des données réparties "
                        + "entre les magasins, le site et le programme de fidélité."),
                List.of(ExtensionMail.of(desk.letter(person.id(), id).subject(), extendedOn, person.zone())), true));
    }

    private static String draft(RightsDesk desk, Person person, RightsDesk.NewRequest request) {
        return desk.draft(person.id(), request).timeline().request().id();
    }

    /** A registered letter's day of delivery: two days after it was posted, or the Monday after. */
    static LocalDate delivered(LocalDate posted) {
        LocalDate day = posted.plusDays(2);
        return isWeekend(day) ? day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : day;
    }

    static LocalDate weekdayOnOrBefore(LocalDate day) {
        return isWeekend(day) ? day.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY)) : day;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
