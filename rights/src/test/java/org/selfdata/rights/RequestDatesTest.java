package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestDatesTest {
    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

    @Test
    void nothingTheOrganizationDidCanComeBeforeItReceivedTheRequest() {
        assertRefused(() -> RequestDates.received(RECEIVED).withExtensionNotifiedOn(RECEIVED.minusDays(1)),
                "the date of the extension notice cannot come before the date of receipt",
                "la date de l’avis de prolongation ne peut précéder la date de réception");
        assertRefused(() -> RequestDates.received(RECEIVED).withIdentificationAskedOn(RECEIVED.minusDays(1)),
                "the date identification was asked for cannot come before the date of receipt",
                "la date de la demande d’identification ne peut précéder la date de réception");
        assertRefused(() -> RequestDates.received(RECEIVED).withComplaintLodgedOn(RECEIVED.minusDays(1)),
                "the date of the complaint cannot come before the date of receipt",
                "la date de la plainte ne peut précéder la date de réception");
    }

    @Test
    void identificationIsGivenOnlyAfterItWasAskedFor() {
        assertRefused(() -> RequestDates.received(RECEIVED).withIdentificationGivenOn(RECEIVED),
                "the date identification was given needs the date it was asked for",
                "la date de l’identification fournie suppose celle de sa demande");
        assertRefused(() -> RequestDates.received(RECEIVED).withIdentificationAskedOn(RECEIVED.plusDays(3))
                        .withIdentificationGivenOn(RECEIVED.plusDays(2)),
                "the date identification was given cannot come before the date identification was asked for",
                "la date de l’identification fournie ne peut précéder la date de la demande d’identification");
    }

    @Test
    void aDateAfterTodayIsRefusedAndNamed() {
        Deadlines deadlines = new Deadlines(HolidayRegion.METROPOLITAN_FRANCE);

        assertRefused(() -> deadlines.status(RequestDates.received(RECEIVED), RECEIVED.minusDays(1)),
                "the date of receipt is after today: enter it once it has happened",
                "la date de réception est postérieure à aujourd’hui : saisissez-la une fois l’évènement survenu");
        assertRefused(() -> deadlines.status(RequestDates.received(RECEIVED).withComplaintLodgedOn(RECEIVED.plusDays(9)),
                        RECEIVED.plusDays(8)),
                "the date of the complaint is after today: enter it once it has happened",
                "la date de la plainte est postérieure à aujourd’hui : saisissez-la une fois l’évènement survenu");
    }

    private static void assertRefused(Runnable action, String english, String french) {
        assertThatThrownBy(action::run).isInstanceOf(SelfdataException.class).hasMessage(english).satisfies(e -> {
            SelfdataException refusal = (SelfdataException) e;
            assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(refusal.message(Language.FRENCH)).isEqualTo(french);
        });
    }
}
