package org.selfdata.gate;

import org.selfdata.testing.SteppingClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Category;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogEntry;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantStatus;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Person;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.ConsentReceiptArchive;
import org.selfdata.vault.Engine;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultWithCamille;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class SharingTest {
    private static final Instant MORNING = Instant.parse("2025-06-01T08:00:00Z");

    @RegisterExtension
    final VaultWithCamille fixture;
    private final SteppingClock clock = new SteppingClock(MORNING);
    private final Vault vault;
    private final Person camille;
    private final Recipient meteo;
    private final ECKey vaultKey;
    private final Sharing sharing;

    SharingTest(Engine engine) throws JOSEException {
        fixture = new VaultWithCamille(engine, clock);
        vault = fixture.vault();
        camille = fixture.camille();
        meteo = SampleRecipients.meteoLocale(vault);
        vaultKey = new ECKeyGenerator(Curve.P_256).keyID("vault-2025-06").generate();
        sharing = new Sharing(vault.recipients(), vault.grants(), new Consent(vault.recipients(), clock),
                new ConsentReceipts(new ECDSASigner(vaultKey), "vault-2025-06"));
    }

    @Test
    void anAppAskingForLocationIsOfferedRegionPrecisionWhichIsGrantedForThirtyDays() {
        GrantTerms asked = new GrantTerms(meteo.id(), 1, GrantKind.READ, Purpose.COMMUNICATION_MANAGEMENT,
                "notifications by region", LegalBasis.CONSENT, Set.of(), Set.of(Category.LOCATION), Set.of(),
                SampleRecipients.REGION_BY_DAY.withLocation(LocationPrecision.EXACT), CoveredPeriod.fromGrant(), MORNING,
                MORNING.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000);

        Refusal refusal = (Refusal) sharing.give(camille.id(), asked);

        assertThat(refusal.reasons()).containsExactly("asks for location at exact precision; the declared purpose, "
                + "notifications by region, needs location at region precision");
        GrantTerms offered = refusal.justified().orElseThrow();
        assertThat(offered.precision().location()).isEqualTo(LocationPrecision.REGION);
        assertThat(sharing.grants(camille.id())).isEmpty();

        ReceiptedGrant given = (ReceiptedGrant) sharing.give(camille.id(), offered);

        Grant stored = vault.grants().get(camille.id(), given.grant().id());
        assertThat(stored.terms()).isEqualTo(offered);
        assertThat(stored.terms().precision().location()).isEqualTo(LocationPrecision.REGION);
        assertThat(stored.terms().validUntil()).isEqualTo(Instant.parse("2025-07-01T08:00:00Z"));
        assertThat(stored.status(clock.instant())).isEqualTo(GrantStatus.GIVEN);
        assertThat(journal()).containsExactly("given " + stored.id() + " " + given.receipt().id());
    }

    /** Each grant and withdrawal as the person's log names it, with the id of the receipt kept beside it. */
    private List<String> journal() {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : vault.log().query(camille.id(), LogQuery.all())) {
            String event = switch (entry.draft().action()) {
                case GRANT -> "given";
                case WITHDRAWAL -> "withdrawn";
                default -> "";
            };
            if (!event.isEmpty()) {
                GrantId grant = entry.draft().grant().orElseThrow();
                String receipt = vault.receipts().list(camille.id(), grant).stream()
                        .filter(kept -> kept.event().equals(event)).map(ConsentReceiptArchive.KeptReceipt::id)
                        .findFirst().orElse("no receipt");
                lines.add(event + " " + grant + " " + receipt);
            }
        }
        return lines;
    }

    @Test
    void theOfferIsExactlyWhatTheDeclaredPurposeJustifies() {
        GrantTerms offer = sharing.offer(meteo.id(), Purpose.COMMUNICATION_MANAGEMENT);

        assertThat(offer).isEqualTo(SampleRecipients.regionTerms(meteo, MORNING, Duration.ofDays(30)));
        assertThatThrownBy(() -> sharing.offer(meteo.id(), Purpose.MARKETING))
                .hasMessage("recipient " + meteo.id() + " does not declare the purpose dpv:Marketing");
    }

    @Test
    void theOfferNamesTheDeclaredFreeTextOnlyWhereItWouldLeaveInTypesItIsDeclaredFor() {
        Recipient diary = vault.recipients().register(camille.id(), new RecipientIdentity("Carnet", "Carnet SAS", "FR",
                "privacy@carnet.example", Optional.empty()), SampleRecipients.METEO_REDIRECTS, Recipient.Kind.APP);
        vault.recipients().declare(camille.id(), diary.id(), new ProcessingDeclaration(1, List.of(
                new DeclaredPurpose(Purpose.SERVICE_PROVISION, "a diary of the places you went", Set.of(Category.LOCATION),
                        Set.of(), Map.of(RecordType.GEO_VISIT, Set.of("placeName")), Precision.EXACT, LegalBasis.CONSENT),
                new DeclaredPurpose(Purpose.SERVICE_PERSONALISATION, "a book of your posts", Set.of(Category.COMMUNICATION),
                        Set.of(), Map.of(RecordType.SOCIAL_POST, Set.of("text")), Precision.EXACT, LegalBasis.CONSENT)),
                List.of(), List.of(), Duration.ofDays(30), List.of()));

        assertThat(sharing.offer(diary.id(), Purpose.SERVICE_PROVISION).fields()).containsExactly("placeName");
        assertThat(sharing.offer(diary.id(), Purpose.SERVICE_PERSONALISATION).fields()).isEmpty();
    }

    @Test
    void withdrawalChangesTheStatusAtOnce() {
        ReceiptedGrant given = (ReceiptedGrant) sharing.give(camille.id(),
                sharing.offer(meteo.id(), Purpose.COMMUNICATION_MANAGEMENT));
        clock.advance(Duration.ofMinutes(10));

        ReceiptedGrant withdrawn = sharing.withdraw(camille.id(), given.grant().id());

        Grant read = vault.grants().get(camille.id(), given.grant().id());
        assertThat(read.status(clock.instant())).isEqualTo(GrantStatus.WITHDRAWN);
        assertThat(read.isEffectiveAt(clock.instant())).isFalse();
        assertThat(withdrawn.receipt().event()).isEqualTo(ConsentEvent.WITHDRAWN);
        assertThat(withdrawn.receipt().issuedAt()).isEqualTo(Instant.parse("2025-06-01T08:10:00Z"));
        assertThat(journal()).containsExactly("given " + read.id() + " " + given.receipt().id(),
                "withdrawn " + read.id() + " " + withdrawn.receipt().id());
        assertThatThrownBy(() -> sharing.withdraw(camille.id(), read.id()))
                .isInstanceOf(SelfdataException.class)
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(journal()).hasSize(2);
    }

    @Test
    void aGrantExpiresWhenItsValidityEnds() {
        ReceiptedGrant given = (ReceiptedGrant) sharing.give(camille.id(),
                sharing.offer(meteo.id(), Purpose.COMMUNICATION_MANAGEMENT));
        Grant grant = vault.grants().get(camille.id(), given.grant().id());

        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(grant.status(clock.instant())).isEqualTo(GrantStatus.GIVEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(grant.status(clock.instant())).isEqualTo(GrantStatus.EXPIRED);
        assertThat(grant.isEffectiveAt(clock.instant())).isFalse();
    }

    @Test
    void receiptsOfGivingAndWithdrawingVerifyAgainstThePublishedKey() {
        ReceiptedGrant given = (ReceiptedGrant) sharing.give(camille.id(),
                sharing.offer(meteo.id(), Purpose.COMMUNICATION_MANAGEMENT));
        ReceiptedGrant withdrawn = sharing.withdraw(camille.id(), given.grant().id());
        JWKSet published = new JWKSet(vaultKey.toPublicJWK());

        ConsentReceipt givenReceipt = ConsentReceipts.verify(given.receipt().jws(), published);
        ConsentReceipt withdrawnReceipt = ConsentReceipts.verify(withdrawn.receipt().jws(), published);

        assertThat(givenReceipt).isEqualTo(given.receipt());
        assertThat(givenReceipt.event()).isEqualTo(ConsentEvent.GIVEN);
        assertThat(withdrawnReceipt.event()).isEqualTo(ConsentEvent.WITHDRAWN);
        assertThat(withdrawnReceipt.grant()).isEqualTo(given.grant().id());
    }
}
