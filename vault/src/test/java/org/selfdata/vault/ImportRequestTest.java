package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfdata.model.SelfdataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportRequestTest {
    @Test
    void anArchivesEntryIsNamedByTheArchiveAndItsPathInside() {
        ImportRequest request = new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "takeout-20251101.zip!/Takeout/Location History/Records.json");

        assertThat(request.fileName()).endsWith("/Records.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/home/camille/Records.json", "Downloads/Records.json", "C:\\Users\\camille\\Records.json",
            "Records\n.json", " "})
    void aFileNameKeepsNoFolderOfThePersonsMachine(String fileName) {
        assertThatThrownBy(() -> new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", fileName))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a file name must be 1 to 1024 characters, without a folder, and without control characters");
    }
}
