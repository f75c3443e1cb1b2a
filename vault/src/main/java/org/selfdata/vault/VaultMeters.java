package org.selfdata.vault;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static java.util.Objects.requireNonNull;

/**
 * What the vault counts for its operator: entries appended to the transparency logs, heads signed over them, records
 * imported. Totals over everyone, never per person: a meter carries no person, handle, grant or record.
 */
final class VaultMeters {
    private final Counter entriesAppended;
    private final Counter headsSigned;
    private final Counter recordsImported;

    VaultMeters(MeterRegistry registry) {
        requireNonNull(registry, "registry is null");
        this.entriesAppended = Counter.builder("selfdata.log.entries.appended")
                .description("Entries appended to the people's transparency logs").register(registry);
        this.headsSigned = Counter.builder("selfdata.log.heads.signed")
                .description("Tree heads the vault signed and kept over the people's logs, one per appending transaction")
                .register(registry);
        this.recordsImported = Counter.builder("selfdata.records.imported")
                .description("Records added to the vault by imports and pushes, once committed").register(registry);
    }

    void appended(int entries) {
        entriesAppended.increment(entries);
    }

    void signedHead() {
        headsSigned.increment();
    }

    void imported(long records) {
        if (records > 0) {
            recordsImported.increment(records);
        }
    }
}
