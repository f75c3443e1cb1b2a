package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tariff table the services price with: the one shipped, read once, or the operator's own file, read again when it
 * changes, so that the tariffs of 1 February apply without a restart, and refused while it cannot be read.
 */
class TariffTablesTest {
    @TempDir
    Path folder;

    @Test
    void theShippedTableIsReadOnceAndWithoutAFileItIsTheOneUsed() {
        assertThat(TariffTables.shipped().get()).isSameAs(TariffTables.shipped().get());
        assertThat(TariffTables.of(Optional.empty())).isSameAs(TariffTables.shipped());
        assertThat(TariffTables.shipped().get().price(TariffSlot.ALL)).isEqualByComparingTo("0.2016");
    }

    @Test
    void theOperatorsFileIsReadAgainOnlyWhenItChanges() throws IOException {
        Path file = folder.resolve("tariffs.csv");
        Files.writeString(file, shipped());
        Supplier<TariffTable> tariffs = TariffTables.of(Optional.of(file));

        TariffTable first = tariffs.get();
        assertThat(tariffs.get()).isSameAs(first);

        Files.writeString(file, shipped().replace("price;base;all;0.2016", "price;base;all;0.1952")
                .replace("applies-from;2025-02-01", "applies-from;2025-08-01"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(tariffs.get().price(TariffSlot.ALL)).isEqualByComparingTo(new BigDecimal("0.1952"));
        assertThat(tariffs.get().appliesFrom()).hasToString("2025-08-01");
    }

    @Test
    void aFileBrokenMeanwhileIsRefusedNamingItsLineUntilItIsFixed() throws IOException {
        Path file = folder.resolve("tariffs.csv");
        Files.writeString(file, shipped());
        Supplier<TariffTable> tariffs = TariffTables.of(Optional.of(file));
        tariffs.get();

        Files.writeString(file, shipped().replace("price;base;all;0.2016", "price;base;all;twenty cents"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        assertThatThrownBy(tariffs::get).isInstanceOf(SelfdataException.class)
                .hasMessageContaining("the tariff table tariffs.csv, line ")
                .hasMessageContaining("'twenty cents' is not an amount in euros");

        Files.writeString(file, shipped());
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(120)));
        assertThat(tariffs.get().price(TariffSlot.ALL)).isEqualByComparingTo("0.2016");
    }

    @Test
    void aMissingFileIsRefusedWithItsName() {
        Path missing = folder.resolve("missing.csv");

        assertThatThrownBy(() -> TariffTables.of(Optional.of(missing)).get()).isInstanceOf(SelfdataException.class)
                .hasMessage("the tariff table " + missing + " cannot be read");
    }

    private static String shipped() throws IOException {
        try (InputStream in = TariffTable.class.getResourceAsStream(TariffTable.STANDARD)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
