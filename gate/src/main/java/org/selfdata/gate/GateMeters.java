package org.selfdata.gate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static java.util.Objects.requireNonNull;

/**
 * What the gate counts for the operator: reads by the kind of accessor, and recipients' requests it refused. The kind
 * is the only label: no person, grant, recipient or record ever names a meter, so the counts say how busy the gate is
 * and nothing of whom it serves.
 */
final class GateMeters {
    private static final String ACCESSOR = "accessor";

    private final Counter ownerReads;
    private final Counter recipientReads;
    private final Counter recipientRefusals;

    GateMeters(MeterRegistry registry) {
        requireNonNull(registry, "registry is null");
        this.ownerReads = reads(registry, "owner");
        this.recipientReads = reads(registry, "recipient");
        this.recipientRefusals = Counter.builder("selfdata.gate.refusals")
                .description("Requests of recipients the gate refused: beyond their grant, too fast, or pushes it does not cover")
                .tag(ACCESSOR, "recipient").register(registry);
    }

    private static Counter reads(MeterRegistry registry, String accessor) {
        return Counter.builder("selfdata.gate.reads").description("Reads of records through the gate, by who read")
                .tag(ACCESSOR, accessor).register(registry);
    }

    void ownerRead() {
        ownerReads.increment();
    }

    void recipientRead() {
        recipientReads.increment();
    }

    void recipientRefused() {
        recipientRefusals.increment();
    }
}
