package org.selfdata.rights;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedDirectoryTest {
    @Test
    void theShippedDirectoryIsWhatTheGeneratorMakesFromTheDatenanfragenDatabase() throws IOException {
        Path database = DatenanfragenDatabase.folder();

        List<String> generated = DirectoryGenerator.lines(database);

        assertThat(shippedLines()).isEqualTo(generated);
    }

    @Test
    void theShippedDirectoryHoldsTheOrganizationsServingFranceAndEveryCountryAndEuropesAuthorities() throws IOException {
        List<String> lines = shippedLines();

        assertThat(lines).hasSize(1025);
        assertThat(Directory.shipped().authorities()).hasSize(57);
        assertThat(Directory.shipped().find("sncf-connect")).isPresent();
        assertThat(Directory.shipped().find("free-fr").orElseThrow().countries()).containsExactly("fr");
    }

    @Test
    void theSourceAndItsLicenceAreNamedBesideTheDirectory() throws IOException {
        try (InputStream notice = Directory.class.getResourceAsStream("directory-NOTICE.txt")) {
            String text = new String(notice.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(text).contains("https://github.com/datenanfragen/data")
                    .contains("0a29c3d6feee53b02e73204a3dbd312eafe56629")
                    .contains("CC0 1.0");
        }
    }

    private static List<String> shippedLines() throws IOException {
        try (InputStream compressed = Directory.class.getResourceAsStream(Directory.RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(compressed),
                     StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
