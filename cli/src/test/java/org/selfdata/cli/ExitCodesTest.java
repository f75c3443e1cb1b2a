package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {
    @Test
    void aRemoteServiceThatFailsOrRefusesExitsWithTen() {
        assertThat(ExitCodes.of(ErrorCode.REMOTE_SERVICE_FAILED)).isEqualTo(10);
    }

    @Test
    void aRemoteServiceFailureIsGraverThanALimitAndLessGraveThanAConflictWithTheVault() {
        assertThat(ExitCodes.worst(10, 9)).isEqualTo(10);
        assertThat(ExitCodes.worst(10, 5)).isEqualTo(5);
    }
}
