package org.selfdata.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs tests on each engine, as the vault's are, with and without the property that keeps only PostgreSQL's cases. */
class PostgresOnlyTest {
    @Test
    void withThePropertyOnlyThePostgresCasesRunAndTheOthersAreSkippedSayingWhy() {
        Outcome outcome = run(Optional.of("true"));

        String reason = ": only the PostgreSQL cases run here (-Dselfdata.test.postgresOnly=true)";
        assertThat(outcome.passed()).containsExactlyInAnyOrder("onEveryEngine(Engine) > [2] engine=POSTGRES",
                "PostgresOnlyTest$OnEachEngine > onNoEngine()", "[2] engine=POSTGRES > onItsEngine()");
        assertThat(outcome.skipped()).containsExactlyInAnyOrder("[1] engine=SQLITE" + reason, "onItsEngine()" + reason);
    }

    @Test
    void withoutItEveryCaseRuns() {
        Outcome outcome = run(Optional.empty());

        assertThat(outcome.passed()).containsExactlyInAnyOrder("onEveryEngine(Engine) > [1] engine=SQLITE",
                "onEveryEngine(Engine) > [2] engine=POSTGRES", "PostgresOnlyTest$OnEachEngine > onNoEngine()",
                "[1] engine=SQLITE > onItsEngine()", "[2] engine=POSTGRES > onItsEngine()");
        assertThat(outcome.skipped()).isEmpty();
    }

    /** The tests that passed, each as its parent's name and its own, and what was skipped, with the reason. */
    private record Outcome(List<String> passed, List<String> skipped) {}

    private static Outcome run(Optional<String> property) {
        Optional<String> configured = Optional.ofNullable(System.getProperty(PostgresOnly.PROPERTY));
        property.ifPresentOrElse(value -> System.setProperty(PostgresOnly.PROPERTY, value),
                () -> System.clearProperty(PostgresOnly.PROPERTY));
        try {
            List<String> passed = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(OnEachEngine.class), selectClass(ClassOnEachEngine.class))
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .configurationParameter("junit.jupiter.extensions.autodetection.include", "org.selfdata.testing.*")
                    .build();
            LauncherFactory.create().execute(request, new TestExecutionListener() {
                private TestPlan plan;

                @Override
                public void testPlanExecutionStarted(TestPlan testPlan) {
                    plan = testPlan;
                }

                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                        passed.add(plan.getParent(test).map(TestIdentifier::getDisplayName).orElse("") + " > "
                                + test.getDisplayName());
                    }
                }

                @Override
                public void executionSkipped(TestIdentifier test, String reason) {
                    skipped.add(test.getDisplayName() + ": " + reason);
                }
            });
            return new Outcome(passed, skipped);
        }
        finally {
            configured.ifPresentOrElse(value -> System.setProperty(PostgresOnly.PROPERTY, value),
                    () -> System.clearProperty(PostgresOnly.PROPERTY));
        }
    }

    enum Engine { SQLITE, POSTGRES }

    /** Cases of a test on each engine, and a test on none; run only through {@link #run}, never by the build itself. */
    static final class OnEachEngine {
        @ParameterizedTest
        @EnumSource(Engine.class)
        void onEveryEngine(Engine engine) {
            assertThat(engine).isNotNull();
        }

        @Test
        void onNoEngine() {
            assertThat(Engine.values()).hasSize(2);
        }
    }

    /** A whole class run on each engine, as the server's route tests are. */
    @ParameterizedClass
    @EnumSource(Engine.class)
    static final class ClassOnEachEngine {
        @Parameter
        Engine engine;

        @Test
        void onItsEngine() {
            assertThat(engine).isNotNull();
        }
    }
}
