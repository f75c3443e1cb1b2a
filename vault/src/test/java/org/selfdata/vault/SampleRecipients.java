package org.selfdata.vault;

import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DataTransfer;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PersonId;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.TimePrecision;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Météo Locale, an app that sends weather alerts for the region the person is in: it declares "notifications by
 * region" and needs location at region precision, nothing finer.
 */
public final class SampleRecipients {
    public static final RecipientIdentity METEO_LOCALE = new RecipientIdentity("Météo Locale", "Météo Locale SAS", "FR",
            "privacy@meteo-locale.example", Optional.of("dpo@meteo-locale.example"));
    public static final List<URI> METEO_REDIRECTS = List.of(URI.create("https://meteo-locale.example/selfdata/back"));
    public static final Precision REGION_BY_DAY = Precision.EXACT.withLocation(LocationPrecision.REGION)
            .withTime(TimePrecision.DAY);
    public static final DeclaredPurpose NOTIFICATIONS = new DeclaredPurpose(Purpose.COMMUNICATION_MANAGEMENT,
            "notifications by region", Set.of(Category.LOCATION), Set.of(), REGION_BY_DAY, LegalBasis.CONSENT);

    private SampleRecipients() {}

    public static ProcessingDeclaration notificationsByRegion(int version) {
        return new ProcessingDeclaration(version, List.of(NOTIFICATIONS), List.of("OVH SAS, hosting"),
                List.of(new DataTransfer("US", DataTransfer.Safeguard.STANDARD_CONTRACTUAL_CLAUSES)), Duration.ofDays(30),
                List.of("encryption at rest", "access logged and reviewed"));
    }

    /** Registers Météo Locale and its first declaration, as the vault's operator admits them. */
    public static Recipient meteoLocale(Vault vault) {
        PersonId operator = vault.people().operator().orElseThrow().id();
        Recipient recipient = vault.recipients().register(operator, METEO_LOCALE, METEO_REDIRECTS, Recipient.Kind.APP);
        vault.recipients().declare(operator, recipient.id(), notificationsByRegion(1));
        return recipient;
    }

    /** What the declaration justifies, for {@code validity} from {@code from}. */
    public static GrantTerms regionTerms(Recipient recipient, Instant from, Duration validity) {
        return new GrantTerms(recipient.id(), 1, GrantKind.READ, Purpose.COMMUNICATION_MANAGEMENT,
                "notifications by region", LegalBasis.CONSENT, Set.of(), Set.of(Category.LOCATION), Set.of(),
                REGION_BY_DAY, CoveredPeriod.fromGrant(), from, from.plus(validity), Duration.ofDays(30), 1_000);
    }
}
