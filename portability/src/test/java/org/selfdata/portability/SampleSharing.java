package org.selfdata.portability;

import org.selfdata.gate.GrantOutcome;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Refusal;
import org.selfdata.gate.Sharing;
import org.selfdata.model.Grant;
import org.selfdata.model.PersonId;
import org.selfdata.model.Recipient;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.Vault;

import java.time.Duration;
import java.time.Instant;

/**
 * A person's sharing as it stands on the day of the export tests, 1 February 2026: Météo Locale, admitted by the
 * vault's operator, was given a grant in June 2025 that expired in July, one in December that was withdrawn two weeks
 * later, and one in January that is still given.
 */
final class SampleSharing {
    static final Instant JUNE = Instant.parse("2025-06-01T08:00:00Z");
    static final Instant DECEMBER = Instant.parse("2025-12-01T08:00:00Z");
    static final Instant MID_DECEMBER = Instant.parse("2025-12-15T08:00:00Z");
    static final Instant JANUARY = Instant.parse("2026-01-15T08:00:00Z");
    static final Instant EXPORT = Instant.parse("2026-02-01T10:00:00Z");

    /** What the person gave, each grant as it stands at {@link #EXPORT}. */
    record Given(Recipient recipient, Grant expired, Grant withdrawn, Grant active) {}

    private SampleSharing() {}

    /** Gives the three grants, moving the vault's clock from June 2025, where it must stand, to the export's day. */
    static Given give(Vault vault, SteppingClock clock, PersonId person) {
        Recipient meteo = SampleRecipients.meteoLocale(vault);
        Sharing sharing = Sharing.over(vault, clock);
        Grant expired = given(sharing.give(person, SampleRecipients.regionTerms(meteo, JUNE, Duration.ofDays(30))));
        clock.advance(Duration.between(JUNE, DECEMBER));
        Grant withdrawn = given(sharing.give(person, SampleRecipients.regionTerms(meteo, DECEMBER, Duration.ofDays(365))));
        clock.advance(Duration.between(DECEMBER, MID_DECEMBER));
        withdrawn = sharing.withdraw(person, withdrawn.id()).grant();
        clock.advance(Duration.between(MID_DECEMBER, JANUARY));
        Grant active = given(sharing.give(person, SampleRecipients.regionTerms(meteo, JANUARY, Duration.ofDays(365))));
        clock.advance(Duration.between(JANUARY, EXPORT));
        return new Given(meteo, expired, withdrawn, active);
    }

    private static Grant given(GrantOutcome outcome) {
        return switch (outcome) {
            case ReceiptedGrant receipted -> receipted.grant();
            case Refusal refusal -> throw new AssertionError("the sample grant was refused: "
                    + refusal.reasons());
        };
    }
}
