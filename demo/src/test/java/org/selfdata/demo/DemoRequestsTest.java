package org.selfdata.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.importers.Importers;
import org.selfdata.intake.FileReport;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Document;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.Source;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceKind;
import org.selfdata.model.StoredRecord;
import org.selfdata.rights.DeadlineKind;
import org.selfdata.rights.DeadlineStatus;
import org.selfdata.rights.Organization;
import org.selfdata.rights.RequestEvent;
import org.selfdata.rights.RequestStatus;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.rights.Sender;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo person's requests to organizations: on whatever day the demo is filled, one is overdue, one is answered with
 * its files imported under the organization's name, and one is extended and still running, each with its dates counted
 * back from that day.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class DemoRequestsTest {
    /** Tuesday 31 March 2026: the extended request was e-mailed on a Saturday in February. */
    private static final Clock MONTH_END = Clock.fixed(Instant.parse("2026-03-31T10:00:00Z"), ZoneOffset.UTC);
    /** Monday 7 December 2026: the extended deadline falls on a Saturday and moves to the Monday. */
    private static final Clock WINTER = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    private static final String BANK = "Banque Populaire Auvergne Rhône Alpes";

    private final Engine engine;
    private final Path folder = TestVaults.newFolder();
    private Vault vault;
    private Person camille;

    DemoRequestsTest(Engine engine) {
        this.engine = engine;
    }

    @AfterEach
    void close() throws IOException {
        try {
            if (vault != null) {
                vault.close();
            }
        }
        finally {
            TestVaults.delete(folder);
        }
    }

    @Test
    void onTheLastDayOfAMonthOneRequestIsOverdueOneAnsweredAndOneExtendedAndRunning() {
        DemoRequests.Filed filed = file(MONTH_END);

        assertThat(overview(MONTH_END)).extracting(view -> view.timeline().request().organization().name())
                .containsExactly("SNCF Connect", "FNAC DARTY", BANK);
        assertThat(filed.requests()).extracting(view -> view.timeline().request())
                .extracting(RightsRequest::right, RightsRequest::channel)
                .containsExactly(tuple(Right.ACCESS, Organization.Channel.LETTER),
                        tuple(Right.ACCESS, Organization.Channel.LETTER),
                        tuple(Right.ERASURE, Organization.Channel.EMAIL));
        RightsDesk.RequestView overdue = filed.requests().get(0);
        assertThat(steps(overdue)).containsExactly(tuple(RequestStatus.DRAFT, LocalDate.of(2026, 3, 31)),
                tuple(RequestStatus.SENT, LocalDate.of(2026, 2, 14)), tuple(RequestStatus.RECEIVED, LocalDate.of(2026, 2, 16)));
        assertThat(overdue.deadline()).hasValueSatisfying(deadline ->
                assertDeadline(deadline, DeadlineKind.ANSWER, LocalDate.of(2026, 3, 16), -15, true));
        RightsDesk.RequestView answered = filed.requests().get(1);
        assertThat(steps(answered)).containsExactly(tuple(RequestStatus.DRAFT, LocalDate.of(2026, 3, 31)),
                tuple(RequestStatus.SENT, LocalDate.of(2026, 1, 10)), tuple(RequestStatus.RECEIVED, LocalDate.of(2026, 1, 12)),
                tuple(RequestStatus.ANSWERED_COMPLETE, LocalDate.of(2026, 2, 9)));
        assertThat(answered.deadline()).isEmpty();
        RightsDesk.RequestView extended = filed.requests().get(2);
        assertThat(steps(extended)).containsExactly(tuple(RequestStatus.DRAFT, LocalDate.of(2026, 3, 31)),
                tuple(RequestStatus.SENT, LocalDate.of(2026, 2, 21)), tuple(RequestStatus.EXTENDED, LocalDate.of(2026, 3, 20)));
        assertThat(extended.timeline().latest().reasonsGiven()).isTrue();
        assertThat(extended.deadline()).hasValueSatisfying(deadline ->
                assertDeadline(deadline, DeadlineKind.EXTENDED_ANSWER, LocalDate.of(2026, 5, 21), 51, false));
    }

    @Test
    void onAnotherDayTheRequestsStandAtTheSameStagesWithTheirDatesCountedFromIt() {
        DemoRequests.Filed filed = file(WINTER);

        assertThat(filed.requests()).extracting(view -> view.timeline().status())
                .containsExactly(RequestStatus.RECEIVED, RequestStatus.ANSWERED_COMPLETE, RequestStatus.EXTENDED);
        assertThat(steps(filed.requests().get(0))).containsExactly(tuple(RequestStatus.DRAFT, LocalDate.of(2026, 12, 7)),
                tuple(RequestStatus.SENT, LocalDate.of(2026, 10, 23)),
                tuple(RequestStatus.RECEIVED, LocalDate.of(2026, 10, 26)));
        assertThat(filed.requests().get(0).deadline()).hasValueSatisfying(deadline ->
                assertDeadline(deadline, DeadlineKind.ANSWER, LocalDate.of(2026, 11, 26), -11, true));
        assertThat(steps(filed.requests().get(1))).containsExactly(tuple(RequestStatus.DRAFT, LocalDate.of(2026, 12, 7)),
                tuple(RequestStatus.SENT, LocalDate.of(2026, 9, 18)), tuple(RequestStatus.RECEIVED, LocalDate.of(2026, 9, 21)),
                tuple(RequestStatus.ANSWERED_COMPLETE, LocalDate.of(2026, 10, 16)));
        assertThat(filed.requests().get(1).deadline()).isEmpty();
        assertThat(steps(filed.requests().get(2))).containsExactly(tuple(RequestStatus.DRAFT, LocalDate.of(2026, 12, 7)),
                tuple(RequestStatus.SENT, LocalDate.of(2026, 10, 30)),
                tuple(RequestStatus.EXTENDED, LocalDate.of(2026, 11, 27)));
        assertThat(filed.requests().get(2).deadline()).hasValueSatisfying(deadline ->
                assertDeadline(deadline, DeadlineKind.EXTENDED_ANSWER, LocalDate.of(2027, 2, 1), 56, false));
        assertThat(overview(WINTER)).hasSize(3);
    }

    @Test
    void theBanksAnswerBecomesRecordsUnderTheBanksNameAndItsLetterADocument() {
        DemoRequests.Filed filed = file(MONTH_END);
        String reference = filed.requests().get(1).timeline().request().reference();

        assertThat(filed.answer().files()).extracting(FileReport::file).containsExactly(
                reference + ".zip!/0/" + BankAnswer.STATEMENT, reference + ".zip!/1/" + BankAnswer.LETTER);
        assertThat(vault.imports().sources(camille.id())).extracting(Source::descriptor)
                .containsExactly(new SourceDescriptor(SourceKind.ANSWER, BANK, reference));
        List<StoredRecord> records = records();
        assertThat(records).extracting(record -> record.provenance().source())
                .containsOnly(vault.imports().sources(camille.id()).getFirst().id());
        List<BankTransaction> transactions = records.stream().map(StoredRecord::payload)
                .filter(BankTransaction.class::isInstance).map(BankTransaction.class::cast).toList();
        assertThat(transactions).hasSize(9);
        assertThat(transactions).extracting(BankTransaction::bookingDate)
                .allMatch(day -> day.isBefore(DemoPerson.FIRST_DAY));
        assertThat(transactions).extracting(BankTransaction::label).containsOnly("MME LE GOFF YVONNE",
                "M OU MME MARTIN PHILIPPE", "INTERETS");
        assertThat(transactions).allMatch(transaction -> transaction.amount().compareTo(BigDecimal.ZERO) > 0);
        assertThat(records).filteredOn(record -> record.type() == RecordType.DOCUMENT).singleElement()
                .extracting(record -> (Document) record.payload()).satisfies(letter -> {
                    assertThat(letter.title()).isEqualTo(BankAnswer.LETTER);
                    assertThat(letter.text()).hasValueSatisfying(text -> assertThat(text)
                            .contains("Nous avons reçu le 12 janvier 2026 votre lettre du 10 janvier 2026",
                                    "réf. " + reference, "Livret A"));
                });
    }

    @Test
    void herLettersGiveHerNameHerLyonAddressAndToHerBankHerCustomerNumber() {
        DemoRequests.Filed filed = file(MONTH_END);
        RightsDesk desk = desk(MONTH_END);
        String bankRequest = filed.requests().get(1).timeline().request().id();

        assertThat(desk.settings().sender(camille.id())).contains(new Sender("Camille Martin",
                Optional.of("18 rue Sébastien Gryphe\n69007 Lyon\nFrance"), Optional.of("camille.martin@example.org")));
        assertThat(desk.letter(camille.id(), bankRequest).body()).contains(
                DemoPerson.generate(2024).requests().customerNumber(), "18 rue Sébastien Gryphe, 69007 Lyon, France");
        assertThat(desk.missing(camille.id(), bankRequest)).isEmpty();
        assertThat(desk.organizations().find(camille.id(), "banque-populaire-auvergne-rhone-alpes"))
                .hasValueSatisfying(bank -> assertThat(bank.name()).isEqualTo(BANK));
        assertThat(filed.requests().get(0).timeline().events().get(1).documents()).extracting(RequestEvent.Document::name)
                .containsExactly(filed.requests().get(0).timeline().request().reference() + ".pdf");
        assertThat(filed.requests().get(2).timeline().latest().documents()).extracting(RequestEvent.Document::name,
                RequestEvent.Document::mediaType).containsExactly(tuple("prolongation-fnac.eml", "message/rfc822"));
    }

    private DemoRequests.Filed file(Clock clock) {
        vault = TestVaults.create(engine, folder, clock);
        camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        return DemoPerson.generate(2024).requests().file(vault, intake(), clock, camille);
    }

    private List<RightsDesk.RequestView> overview(Clock clock) {
        return desk(clock).overview(camille.id());
    }

    private RightsDesk desk(Clock clock) {
        return new RightsDesk(vault, intake(), clock);
    }

    private Intake intake() {
        return new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
    }

    private List<StoredRecord> records() {
        try (Stream<StoredRecord> records = vault.records().read(camille.id(), RecordQuery.all())) {
            return records.toList();
        }
    }

    private static List<org.assertj.core.groups.Tuple> steps(RightsDesk.RequestView view) {
        return view.timeline().events().stream().map(event -> tuple(event.status(), event.happenedOn())).toList();
    }

    private static void assertDeadline(DeadlineStatus deadline, DeadlineKind kind, LocalDate date, long daysLeft,
            boolean overdue) {
        assertThat(deadline.kind()).isEqualTo(kind);
        assertThat(deadline.date()).isEqualTo(date);
        assertThat(deadline.daysLeft()).isEqualTo(daysLeft);
        assertThat(deadline.overdue()).isEqualTo(overdue);
    }
}
