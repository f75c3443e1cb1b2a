package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Contact;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordTime;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.VaultWithCamille;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A calendar of early 2025: climbing every Tuesday at 18:30 for eight weeks from 4 March, the doctor on five Fridays
 * four weeks apart from 10 January, the dentist twice, a birthday party once, a weekend away as an all-day event; and an
 * address book of five contacts: the doctor, two colleagues at the bookshop, the building's manager ("Syndic", which
 * is no union) and a mother without an organization.
 */
class RevealAgendaTest {
    private static final SourceDescriptor AGENDA = SourceDescriptor.file("Agenda", "agenda.ics");
    private static final SourceDescriptor CONTACTS = SourceDescriptor.file("Téléphone", "contacts.vcf");

    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.SQLITE);
    private final Reveal reveal = new Reveal(Gate.over(fixture.vault()),
            new RevealCorrections(fixture.vault().placeCorrections()));
    private final List<RecordDraft> events = new ArrayList<>();
    private final List<RecordDraft> contacts = new ArrayList<>();

    @Test
    void theCalendarTellsTheWeeksRhythmAndTwoRegularAppointmentsAndTheAddressBookADoctor() {
        earlyTwentyTwentyFive();

        RevealedSource agenda = reveal.agenda(fixture.camille().id(), TestVaults.PARIS);

        assertThat(agenda.source()).isEqualTo(RevealedSource.Source.AGENDA);
        assertThat(agenda.records()).isEqualTo(17 + 5);
        assertThat(agenda.findings()).extracting(RevealFinding::kind, RevealFinding::says, RevealFinding::special)
                .containsExactly(
                        tuple(RevealFinding.Kind.RHYTHM, Wording.of("reveal.agenda.rhythm", weekday(DayOfWeek.TUESDAY),
                                8L, 17L, weekday(DayOfWeek.MONDAY), 0L, Wording.of("reveal.time", 11, 0),
                                Wording.of("reveal.time", 18, 30), 80), Optional.empty()),
                        tuple(RevealFinding.Kind.APPOINTMENT, Wording.of("reveal.agenda.appointment", "Escalade",
                                "weekly", weekday(DayOfWeek.TUESDAY), Wording.of("reveal.time", 18, 30), 8),
                                Optional.empty()),
                        tuple(RevealFinding.Kind.APPOINTMENT, Wording.of("reveal.agenda.appointment",
                                "Médecin : Dr Lefebvre", "monthly", weekday(DayOfWeek.FRIDAY),
                                Wording.of("reveal.time", 17, 0), 5), Optional.of(RevealSpecialCategory.HEALTH)),
                        tuple(RevealFinding.Kind.CONTACTS, Wording.of("reveal.agenda.contacts", 5, 4, 3,
                                "Librairie des Canuts", 2), Optional.empty()),
                        tuple(RevealFinding.Kind.SPECIAL, Wording.of("reveal.agenda.contacts.special",
                                "Dr Claire Lefebvre, médecin généraliste", RevealSpecialCategory.HEALTH.wording()),
                                Optional.of(RevealSpecialCategory.HEALTH)));
    }

    @Test
    void theRhythmRestsOnTheWeeksWithEventsAmongThoseSpanned() {
        earlyTwentyTwentyFive();

        RevealInference<Wording> rhythm = reveal.agenda(fixture.camille().id(), TestVaults.PARIS).findings().getFirst()
                .inference();

        assertThat(rhythm).isInstanceOfSatisfying(RevealInference.Found.class, found -> {
            assertThat(found.evidence()).extracting(RevealEvidence::count, RevealEvidence::outOf, RevealEvidence::unit,
                    RevealEvidence::first, RevealEvidence::last).containsExactly(11L, 17L, RevealEvidence.Unit.WEEKS,
                    Optional.of(LocalDate.of(2025, 1, 10)), Optional.of(LocalDate.of(2025, 5, 2)));
            assertThat(found.confidence().level()).isEqualTo(RevealConfidence.Level.MEDIUM);
            assertThat(Words.english().say((Wording) found.finding())).isEqualTo("Your week is busiest on Tuesday "
                    + "(8 events in 17 weeks) and quietest on Monday (0 events); 80% of your events begin between 11:00 "
                    + "and 18:30.");
            assertThat(Words.of(Language.FRENCH).say((Wording) found.finding())).isEqualTo("Votre semaine est la plus "
                    + "chargée le mardi (8 événements en 17 semaines) et la plus calme le lundi (0 événement)\u202f; "
                    + "80\u202f% de vos événements commencent entre 11\u00a0h et 18\u00a0h\u00a030.");
        });
    }

    @Test
    void aWeeklyAppointmentCountsItsWeeksAndAMonthlyOneItsMonths() {
        earlyTwentyTwentyFive();

        List<RevealFinding> appointments = reveal.agenda(fixture.camille().id(), TestVaults.PARIS).findings().stream()
                .filter(finding -> finding.kind() == RevealFinding.Kind.APPOINTMENT).toList();

        assertThat(appointments).extracting(finding -> ((RevealInference.Found<Wording>) finding.inference()).evidence())
                .extracting(RevealEvidence::count, RevealEvidence::outOf, RevealEvidence::unit)
                .containsExactly(tuple(8L, 8L, RevealEvidence.Unit.WEEKS), tuple(5L, 5L, RevealEvidence.Unit.MONTHS));
        assertThat(Words.of(Language.FRENCH).say(appointments.get(1).says())).isEqualTo("Médecin : Dr Lefebvre\u00a0: "
                + "à quelques semaines d’intervalle, le plus souvent le vendredi à 17\u00a0h (5 fois en tout).");
    }

    @Test
    void anEventOnlyTwiceIsNoRegularAppointmentAndTheAnswerSaysWhy() {
        event("Dentiste", LocalDate.of(2025, 3, 12).atTime(9, 0), 30);
        event("Dentiste", LocalDate.of(2025, 4, 17).atTime(11, 0), 30);
        write();

        RevealedSource agenda = reveal.agenda(fixture.camille().id(), TestVaults.PARIS);

        assertThat(agenda.findings()).extracting(RevealFinding::kind, RevealFinding::inference).containsExactly(
                tuple(RevealFinding.Kind.RHYTHM, new RevealInference.Unknown<>(Wording.of("reveal.agenda.rhythm.few", 2, 4))),
                tuple(RevealFinding.Kind.APPOINTMENT, new RevealInference.Unknown<>(
                        Wording.of("reveal.agenda.appointment.few", 2, 4, 35))),
                tuple(RevealFinding.Kind.CONTACTS, new RevealInference.Unknown<>(
                        Wording.of("reveal.agenda.contacts.none"))));
    }

    @Test
    void aPersonWithNoCalendarNorAddressBookIsToldSo() {
        RevealedSource agenda = reveal.agenda(fixture.camille().id(), TestVaults.PARIS);

        assertThat(agenda.records()).isZero();
        assertThat(agenda.findings()).extracting(RevealFinding::says).containsExactly(
                Wording.of("reveal.agenda.rhythm.none"), Wording.of("reveal.agenda.appointment.none"),
                Wording.of("reveal.agenda.contacts.none"));
    }

    private void earlyTwentyTwentyFive() {
        for (int week = 0; week < 8; week++) {
            event("Escalade", LocalDate.of(2025, 3, 4).plusWeeks(week).atTime(18, 30), 90);
        }
        for (int month = 0; month < 5; month++) {
            event("Médecin : Dr Lefebvre", LocalDate.of(2025, 1, 10).plusWeeks(4L * month).atTime(17, 0), 30);
        }
        event("Dentiste", LocalDate.of(2025, 3, 12).atTime(9, 0), 30);
        event("Dentiste", LocalDate.of(2025, 4, 17).atTime(11, 0), 30);
        event("Anniversaire de Léa", LocalDate.of(2025, 3, 22).atTime(20, 0), 180);
        events.add(RecordDraft.of(TimeSpan.between(LocalDate.of(2025, 4, 26).atStartOfDay(TestVaults.PARIS).toInstant(),
                LocalDate.of(2025, 4, 28).atStartOfDay(TestVaults.PARIS).toInstant()), new CalendarEvent("away@example.org",
                "Week-end à Annecy", Optional.empty(), Optional.empty(), true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()), Position.line(events.size() + 1)));
        contact("Claire Lefebvre", "Dr Claire Lefebvre, médecin généraliste");
        contact("Bertrand Roche", "Librairie des Canuts");
        contact("Lucas Petit", "Librairie des Canuts");
        contact("Sophie Vial", "Syndic Foncia");
        contact("Maman", "");
        write();
    }

    private void event(String title, LocalDateTime start, int minutes) {
        events.add(RecordDraft.of(TimeSpan.between(start.atZone(TestVaults.PARIS).toInstant(),
                start.plusMinutes(minutes).atZone(TestVaults.PARIS).toInstant()), new CalendarEvent(
                "event-" + events.size() + "@example.org", title, Optional.empty(), Optional.of("Lyon"), false,
                Optional.of("Europe/Paris"), Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
                Position.line(events.size() + 1)));
    }

    private void contact(String name, String organization) {
        contacts.add(RecordDraft.of(RecordTime.untimed(), new Contact(name, Optional.empty(), Optional.empty(),
                Optional.of(organization).filter(text -> !text.isEmpty()), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty()), Position.line(contacts.size() + 1)));
    }

    private void write() {
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(AGENDA, "icalendar", "agenda.ics"),
                events.stream());
        if (!contacts.isEmpty()) {
            fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(CONTACTS, "vcard", "contacts.vcf"),
                    contacts.stream());
        }
    }

    private static Wording weekday(DayOfWeek day) {
        return Wording.of("rights.weekday." + day.getValue());
    }

}
