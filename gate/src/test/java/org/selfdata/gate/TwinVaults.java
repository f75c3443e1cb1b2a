package org.selfdata.gate;

import org.selfdata.model.Category;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.Person;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordType;
import org.selfdata.testing.TestPostgres;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies of one vault made before any record arrived: the same person, the same keys, the same secret behind
 * pseudonyms and cursors. Whatever two copies later answer differently comes from the records they were given.
 */
final class TwinVaults implements AutoCloseable {
    private final Engine engine;
    private final Path template;
    private final Person person;
    private final Recipient recipient;
    private final String templateDatabase;
    private int copies;

    TwinVaults(Engine engine) {
        this.engine = engine;
        this.template = TestVaults.newFolder();
        Vault vault = TestVaults.create(engine, template);
        try (vault) {
            person = TestVaults.camille(vault);
            recipient = register(vault, person);
            templateDatabase = vault.location().postgres().map(database -> database.jdbcUrl()
                    .replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1")).orElse("");
        }
    }

    Person person() {
        return person;
    }

    /**
     * A recipient declaring one purpose that needs every category of a {@link SampleLife} at any precision, with every
     * free-text field of its types: whatever a seed's grant asks, its declaration justifies it.
     */
    Recipient recipient() {
        return recipient;
    }

    private static Recipient register(Vault vault, Person operator) {
        Recipient registered = vault.recipients().register(operator.id(), new RecipientIdentity("Budget et lieux",
                "Budget et lieux SAS", "FR", "contact@budget-et-lieux.example", Optional.empty()),
                List.of(URI.create("https://budget-et-lieux.example/back")), Recipient.Kind.APP);
        Map<RecordType, Set<String>> fields = SampleLife.TYPES.stream()
                .collect(Collectors.toMap(Function.identity(), FreeTextFields::of));
        Set<Category> categories = SampleLife.TYPES.stream().map(RecordType::defaultCategory)
                .collect(Collectors.toCollection(() -> EnumSet.of(Category.LOCATION)));
        vault.recipients().declare(operator.id(), registered.id(), new ProcessingDeclaration(1, List.of(
                new DeclaredPurpose(Purpose.SERVICE_PROVISION, "a service of the recipient's", categories, Set.of(), fields,
                        Precision.EXACT, LegalBasis.CONSENT)), List.of(), List.of(), Duration.ofDays(30), List.of()));
        return registered;
    }

    /** A new copy of the template, opened; close it, then {@link TestVaults#delete} its folder. */
    Vault copy() {
        Path folder = TestVaults.newFolder();
        try (Stream<Path> files = Files.list(template)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VaultLocation location = switch (engine) {
            case SQLITE -> VaultLocation.sqlite(folder);
            case POSTGRES -> {
                String copy = templateDatabase + "_copy_" + ++copies;
                TestPostgres.get().administer("CREATE DATABASE " + copy + " TEMPLATE " + templateDatabase
                        + " OWNER " + TestPostgres.ROLE);
                yield VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(TestPostgres.get().url(copy)));
            }
        };
        return Vault.open(location, TestVaults.keyFile(folder));
    }

    @Override
    public void close() throws IOException {
        TestVaults.delete(template);
    }
}
