package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultWithCamille;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant given before the consent check held free text to the declaration, naming the payees and memos of bank
 * lines for a budget app that declares only their labels: what it reads is held to the declaration all the same.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class DeclaredFreeTextReadTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Gate gate;
    private final Grant payees;

    DeclaredFreeTextReadTest(Engine engine) {
        fixture = new VaultWithCamille(engine, new SteppingClock(NOW));
        vault = fixture.vault();
        gate = new Gate(vault, Geography.bundled(), new SteppingClock(NOW));
        Recipient budget = vault.recipients().register(fixture.camille().id(), new RecipientIdentity("Budget Malin",
                "Budget Malin SAS", "FR", "contact@budget-malin.example", Optional.empty()), SampleRecipients.METEO_REDIRECTS,
                Recipient.Kind.APP);
        vault.recipients().declare(fixture.camille().id(), budget.id(), new ProcessingDeclaration(1, List.of(new DeclaredPurpose(
                Purpose.SERVICE_PROVISION, "monthly budget by category", Set.of(Category.TRANSACTION),
                Set.of(RecordType.BANK_TRANSACTION), Map.of(RecordType.BANK_TRANSACTION, Set.of("label")), Precision.EXACT,
                LegalBasis.CONSENT)), List.of(), List.of(), Duration.ofDays(30), List.of()));
        vault.imports().write(fixture.camille().id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "statement.ofx"),
                Stream.of(SyntheticRecords.rent(LocalDate.of(2026, 11, 5), 1)));
        Instant given = NOW.minus(Duration.ofDays(1));
        payees = new Grant(GrantId.of("grant-0001"), fixture.camille().id(), new GrantTerms(budget.id(), 1, GrantKind.READ,
                Purpose.SERVICE_PROVISION, "monthly budget by category", LegalBasis.CONSENT,
                Set.of(RecordType.BANK_TRANSACTION), Set.of(), Set.of("label", "counterparty", "memo"), Precision.EXACT,
                CoveredPeriod.trailing(Period.ofYears(1)), given, given.plus(Duration.ofDays(30)), Duration.ofDays(30),
                1_000), given, Optional.empty());
    }

    @Test
    void onlyTheFreeTextTheDeclarationNamesIsRead() {
        String shared = read(new Accessor.Recipient(fixture.camille().id(), payees));

        assertThat(shared).contains("\"label\":\"PRLV SEPA LOYER\"").doesNotContain("counterparty", "Guillotière");
    }

    @Test
    void onlyTheFreeTextTheDeclarationNamesIsPreviewed() {
        List<String> preview = gate.preview(fixture.camille().id(), payees.terms(), 5);

        assertThat(preview).singleElement().asString().contains("\"label\":\"PRLV SEPA LOYER\"")
                .doesNotContain("counterparty", "Guillotière");
    }

    private String read(Accessor.Recipient recipient) {
        StringWriter text = new StringWriter();
        try (Gate.SharedRead read = gate.share(recipient, RecordQuery.all(), Optional.empty());
             JsonGenerator json = JsonMapper.builder().build().createGenerator(text)) {
            json.writeStartArray();
            read.writeTo(json);
            json.writeEndArray();
        }
        return text.toString();
    }
}
