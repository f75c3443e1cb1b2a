package org.selfdata.rights;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The checklist of an access answer: found in the answer, ticked or unticked by the person, and kept as one line. */
class ChecklistTest {
    @Test
    void anItemFoundInTheAnswerIsPresentAndPrefilledUntilThePersonConfirmsIt() {
        Checklist found = Checklist.empty().found(Set.of(AccessItem.PURPOSES, AccessItem.COPY));

        assertThat(found.present()).containsExactlyInAnyOrder(AccessItem.PURPOSES, AccessItem.COPY);
        assertThat(found.prefilled()).containsExactlyInAnyOrder(AccessItem.PURPOSES, AccessItem.COPY);
        assertThat(found.missing()).hasSize(8).doesNotContain(AccessItem.PURPOSES, AccessItem.COPY);

        Checklist confirmed = found.tickedByThePerson(Set.of(AccessItem.PURPOSES, AccessItem.COPY));

        assertThat(confirmed.present()).containsExactlyInAnyOrder(AccessItem.PURPOSES, AccessItem.COPY);
        assertThat(confirmed.prefilled()).isEmpty();
    }

    @Test
    void aLaterPrefillNeverOverwritesWhatThePersonTickedOrUnticked() {
        Checklist marked = Checklist.empty().found(Set.of(AccessItem.PURPOSES, AccessItem.COPY))
                .tickedByThePerson(Set.of(AccessItem.PURPOSES, AccessItem.RIGHTS));

        Checklist later = marked.found(EnumSet.allOf(AccessItem.class));

        assertThat(marked.present()).containsExactlyInAnyOrder(AccessItem.PURPOSES, AccessItem.RIGHTS);
        assertThat(later.present()).doesNotContain(AccessItem.COPY).contains(AccessItem.PURPOSES, AccessItem.RIGHTS,
                AccessItem.RECIPIENTS, AccessItem.SOURCE);
        assertThat(later.prefilled()).containsExactlyInAnyOrder(AccessItem.CATEGORIES, AccessItem.RECIPIENTS,
                AccessItem.STORAGE_PERIOD, AccessItem.COMPLAINT, AccessItem.SOURCE, AccessItem.AUTOMATED_DECISIONS,
                AccessItem.TRANSFER_SAFEGUARDS);
        assertThat(later.missing()).containsExactly(AccessItem.COPY);
    }

    @Test
    void anItemThePersonLeavesUntickedThatWasNeverPresentStaysOpenForALaterAnswer() {
        Checklist ticked = Checklist.empty().tickedByThePerson(Set.of(AccessItem.PURPOSES));

        assertThat(ticked.found(Set.of(AccessItem.SOURCE)).prefilled()).containsExactly(AccessItem.SOURCE);
    }

    @Test
    void aChecklistIsKeptAsOneLineOfMarkedTermsAndReadBack() {
        Checklist checklist = Checklist.empty().found(Set.of(AccessItem.COPY, AccessItem.RIGHTS))
                .tickedByThePerson(Set.of(AccessItem.PURPOSES, AccessItem.COPY));

        assertThat(checklist.text()).isEqualTo("purposes,unticked:rights,copy");
        assertThat(Checklist.parse(checklist.text())).isEqualTo(checklist);
        assertThat(Checklist.parse("found:storage-period").prefilled()).containsExactly(AccessItem.STORAGE_PERIOD);
    }

    @Test
    void aChecklistKeptBeforeItemsCouldBeFoundReadsAsThePersonsTicks() {
        Checklist kept = Checklist.parse("copy,purposes");

        assertThat(kept.present()).containsExactlyInAnyOrder(AccessItem.PURPOSES, AccessItem.COPY);
        assertThat(kept.prefilled()).isEmpty();
        assertThat(kept.found(Set.of(AccessItem.COPY, AccessItem.SOURCE)).prefilled()).containsExactly(AccessItem.SOURCE);
        assertThat(Checklist.parse("").present()).isEmpty();
        assertThat(Checklist.parse("purposes,everything").present()).containsExactly(AccessItem.PURPOSES);
    }
}
