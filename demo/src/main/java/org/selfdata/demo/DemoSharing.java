package org.selfdata.demo;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Pushed;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Refusal;
import org.selfdata.gate.SharedPage;
import org.selfdata.gate.Sharing;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Person;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.Vault;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Camille's sharing, as a newcomer should meet it on the Sharing and Activity pages: a payment app that asked for her
 * exact positions with nothing in its declaration to justify them, and was refused with the reasons why; the same app
 * granted, on its second declaration, her positions to the region for the opening hours of restaurants nearby, for 30
 * days, reading them a few times until she withdrew the grant, after which its next read was refused; an energy
 * coach reading her electricity readings to the day; her university sending her transcript and a certificate back into
 * her vault under a write grant; and an intermediary that declares it resells the places people go to advertisers,
 * which she never granted anything.
 *
 * <p>It all goes the way the server's own requests go: recipients registered with their declarations
 * ({@link DemoRecipients}), the consent check and every grant and withdrawal through {@link Sharing} with their signed
 * receipts, the recipients' reads and the university's push through the {@link Gate}, which writes each on her log.
 * The grants are given on the clock's today, for the 30 days the consent screen offers; what the read grants cover is
 * her last {@link #COVERED_DAYS} days of data, which end before the demo is filled. Her log verifies afterwards.
 *
 * <p>The refused read comes after the withdrawal: the recipient asks under its grant as the vault now holds it, and the
 * gate refuses it and writes the refusal on her log. (Through the server, the recipient's token dies with the grant,
 * so the same read would be turned away before it reached the gate.)
 */
public final class DemoSharing {
    /** How many days of her data, up to her last day, the read grants cover. */
    static final int COVERED_DAYS = 30;
    /** How many times each reading recipient reads, one page after the other. */
    static final int READS = 3;
    /** How many records a recipient asks for in one read. */
    static final int PAGE = 40;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalDate lastDay;

    DemoSharing(LocalDate lastDay) {
        this.lastDay = requireNonNull(lastDay, "lastDay is null");
    }

    /**
     * What a recipient read in one request: how many records, and the page exactly as it received it.
     *
     * @param json the page's records as a JSON array, transformed to the grant's precision
     */
    public record Read(long records, String json) {
        public Read {
            requireNonNull(json, "json is null");
        }
    }

    /**
     * The story as it ended.
     *
     * @param refused the consent check's refusal of the payment app's first request, with its reasons
     * @param restaurants the payment app's grant, withdrawn
     * @param restaurantReads its reads while the grant was in force
     * @param refusedRead the gate's refusal of its read after the withdrawal
     * @param energy the energy coach's grant, in force
     * @param energyReads its reads
     * @param restitution the university's write grant
     * @param pushed what the university's push added to her vault
     * @param broker the intermediary, which holds no grant
     * @param brokerAsks what the intermediary asks of her, as the consent screen would offer it
     */
    public record Told(Refusal refused, Grant restaurants, List<Read> restaurantReads, SelfdataException refusedRead,
                       Grant energy, List<Read> energyReads, Grant restitution, Pushed pushed, Recipient broker,
                       GrantTerms brokerAsks) {
        public Told {
            requireNonNull(refused, "refused is null");
            requireNonNull(restaurants, "restaurants is null");
            restaurantReads = List.copyOf(restaurantReads);
            requireNonNull(refusedRead, "refusedRead is null");
            requireNonNull(energy, "energy is null");
            energyReads = List.copyOf(energyReads);
            requireNonNull(restitution, "restitution is null");
            requireNonNull(pushed, "pushed is null");
            requireNonNull(broker, "broker is null");
            requireNonNull(brokerAsks, "brokerAsks is null");
        }
    }

    /**
     * Tells the story in the person's vault, once her files are imported: she is the vault's operator and admits the
     * recipients herself. Consent is checked on the clock; the gate reads and logs on its own.
     */
    public Told tell(Vault vault, Gate gate, Clock clock, Person person) {
        Sharing sharing = Sharing.over(vault, clock);
        DemoRecipients recipients = new DemoRecipients(vault.recipients(), person.id());
        Recipient paymentApp = recipients.paymentApp();
        Refusal refused = refusal(sharing, gate, person, exactPositions(sharing, paymentApp));
        recipients.restaurantsNearby(paymentApp);
        Grant restaurants = give(sharing, gate, person, covering(sharing.offer(paymentApp.id(),
                Purpose.SERVICE_PERSONALISATION), person.zone()));
        List<Read> restaurantReads = reads(gate, person, restaurants, RecordType.GEO_POINT);
        Grant withdrawn = sharing.withdraw(person.id(), restaurants.id()).grant();
        SelfdataException refusedRead = refusedRead(gate, vault, person, withdrawn);
        Grant energy = give(sharing, gate, person, covering(sharing.offer(recipients.coach().id(),
                Purpose.SERVICE_PROVISION), person.zone()));
        List<Read> energyReads = reads(gate, person, energy, RecordType.ENERGY_READING);
        Grant restitution = give(sharing, gate, person, writing(sharing.offer(recipients.university().id(),
                Purpose.SERVICE_PROVISION)));
        Pushed pushed = gate.push(new Accessor.Recipient(person.id(), restitution), UniversityRecords.drafts(person.zone()));
        Recipient broker = recipients.broker();
        return new Told(refused, withdrawn, restaurantReads, refusedRead, energy, energyReads, restitution, pushed, broker,
                sharing.offer(broker.id(), Purpose.ADVERTISING));
    }

    /** What the payment app asks on its first declaration: her exact positions, for its payments. */
    private static GrantTerms exactPositions(Sharing sharing, Recipient paymentApp) {
        GrantTerms payments = sharing.offer(paymentApp.id(), Purpose.SERVICE_PROVISION);
        return payments.withData(Set.of(RecordType.GEO_POINT), Set.of(),
                payments.precision().withLocation(LocationPrecision.EXACT));
    }

    private static Refusal refusal(Sharing sharing, Gate gate, Person person, GrantTerms asked) {
        gate.requireApplicable(asked);
        return switch (sharing.give(person.id(), asked)) {
            case Refusal refusal -> refusal;
            case ReceiptedGrant given -> throw new SelfdataException(ErrorCode.INTERNAL,
                    "the demo's payment app was given exact positions its declaration does not justify");
        };
    }

    private static Grant give(Sharing sharing, Gate gate, Person person, GrantTerms terms) {
        gate.requireApplicable(terms);
        return switch (sharing.give(person.id(), terms)) {
            case ReceiptedGrant given -> given.grant();
            case Refusal refusal -> throw new SelfdataException(ErrorCode.INTERNAL,
                    "the demo's grant was refused: " + String.join("; ", refusal.reasons()));
        };
    }

    /** The offered terms, covering her last days of data rather than only what comes after the grant. */
    private GrantTerms covering(GrantTerms offered, ZoneId zone) {
        CoveredPeriod last = new CoveredPeriod.Between(lastDay.minusDays(COVERED_DAYS - 1).atStartOfDay(zone).toInstant(),
                lastDay.plusDays(1).atStartOfDay(zone).toInstant());
        return new GrantTerms(offered.recipient(), offered.declarationVersion(), offered.kind(), offered.purpose(),
                offered.purposeDescription(), offered.legalBasis(), offered.types(), offered.categories(),
                offered.fields(), offered.precision(), last, offered.validFrom(), offered.validUntil(),
                offered.retention(), offered.volumeLimit());
    }

    /** The offered terms as a grant to push records into her vault rather than to read them. */
    private static GrantTerms writing(GrantTerms offered) {
        return new GrantTerms(offered.recipient(), offered.declarationVersion(), GrantKind.WRITE, offered.purpose(),
                offered.purposeDescription(), offered.legalBasis(), offered.types(), offered.categories(),
                offered.fields(), offered.precision(), offered.covered(), offered.validFrom(), offered.validUntil(),
                offered.retention(), offered.volumeLimit());
    }

    /** The recipient's reads under its grant, each asking for the page after the one before. */
    private static List<Read> reads(Gate gate, Person person, Grant grant, RecordType type) {
        Accessor.Recipient recipient = new Accessor.Recipient(person.id(), grant);
        RecordQuery query = RecordQuery.ofType(type).limit(PAGE);
        List<Read> reads = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int read = 0; read < READS; read++) {
            StringWriter text = new StringWriter();
            SharedPage page;
            try (Gate.SharedRead shared = gate.share(recipient, query, cursor);
                 JsonGenerator json = JSON.createGenerator(text)) {
                json.writeStartArray();
                page = shared.writeTo(json);
                json.writeEndArray();
            }
            reads.add(new Read(page.count(), text.toString()));
            cursor = page.next();
        }
        return reads;
    }

    /** The recipient's read under its grant as the vault now holds it: refused, and the refusal logged, by the gate. */
    private static SelfdataException refusedRead(Gate gate, Vault vault, Person person, Grant withdrawn) {
        Accessor.Recipient recipient = new Accessor.Recipient(person.id(), vault.grants().get(person.id(), withdrawn.id()));
        Gate.SharedRead read;
        try {
            read = gate.share(recipient, RecordQuery.ofType(RecordType.GEO_POINT).limit(PAGE), Optional.empty());
        }
        catch (SelfdataException refusal) {
            return refusal;
        }
        read.close();
        throw new SelfdataException(ErrorCode.INTERNAL, "the demo's payment app read under a withdrawn grant");
    }
}
