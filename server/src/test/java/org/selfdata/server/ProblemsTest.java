package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {
    @Test
    void everyErrorCodeHasItsStatus() {
        Map<ErrorCode, Integer> statuses = Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(Function.identity(), code -> Problems.kind(code).status()));

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(ErrorCode.INVALID_ARGUMENT, 400),
                Map.entry(ErrorCode.INVALID_INPUT, 422),
                Map.entry(ErrorCode.UNSUPPORTED_FORMAT, 415),
                Map.entry(ErrorCode.NOT_FOUND, 404),
                Map.entry(ErrorCode.CONFLICT, 409),
                Map.entry(ErrorCode.UNAUTHENTICATED, 401),
                Map.entry(ErrorCode.FORBIDDEN, 403),
                Map.entry(ErrorCode.METHOD_NOT_ALLOWED, 405),
                Map.entry(ErrorCode.RATE_LIMITED, 429),
                Map.entry(ErrorCode.TOO_LARGE, 413),
                Map.entry(ErrorCode.VAULT_MISSING, 503),
                Map.entry(ErrorCode.VAULT_CORRUPT, 503),
                Map.entry(ErrorCode.KEY_UNAVAILABLE, 503),
                Map.entry(ErrorCode.STORAGE_UNAVAILABLE, 503),
                Map.entry(ErrorCode.REMOTE_SERVICE_FAILED, 502),
                Map.entry(ErrorCode.INTERNAL, 500)));
    }

    @Test
    void aProblemTypeNamesItsCode() {
        assertThat(Problems.type(ErrorCode.NOT_FOUND)).isEqualTo("/problems/not-found");
        assertThat(Problems.type(ErrorCode.STORAGE_UNAVAILABLE))
                .isEqualTo("/problems/storage-unavailable");
    }

    @Test
    void aRemoteServiceFailureTellsTheClientWhatTheRemoteServiceRefused() {
        SelfdataException refused = new SelfdataException(ErrorCode.REMOTE_SERVICE_FAILED,
                Wording.of("error.rights.mail.authRefused"));

        Problems.Problem problem = Problems.problem(refused, Optional.of("/api/v1/rights"), Language.FRENCH);

        assertThat(problem).isEqualTo(new Problems.Problem(
                "/problems/remote-service-failed", "Service distant en échec", 502,
                "Le serveur de messagerie a refusé le nom d’utilisateur ou le mot de passe.",
                Optional.of("/api/v1/rights")));
    }

    @Test
    void aStorageFailureKeepsItsMessageForTheOperatorsLog() {
        SelfdataException down = new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE, "db.example.org:5432 refused");

        Problems.Problem problem = Problems.problem(down, Optional.empty(), Language.ENGLISH);

        assertThat(problem.detail()).isEqualTo("the vault is unavailable right now; the server's log says why");
    }
}
