package org.selfdata.server;

import org.selfdata.demo.DemoFile;
import org.selfdata.demo.DemoPerson;
import org.selfdata.demo.DemoPlaces;
import org.selfdata.gate.Gate;
import org.selfdata.importers.Importers;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.IntakeListener;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The demo vault, as {@code selfdata demo} fills it (two years of a synthetic student in Lyon, half a million records,
 * and her three requests to organizations at their stages of the rights desk), served once for all the browser tests
 * of a run that only read it, since filling it takes seconds. Tests that change what a vault holds use a vault of their
 * own, such as {@link #told()}.
 */
final class DemoServer implements AutoCloseable {
    private static DemoServer shared;

    private final Path folder;
    private final Vault vault;
    private final SelfdataServer server;

    private DemoServer(boolean story) {
        folder = TestVaults.newFolder();
        vault = TestServers.vaultWithCamille(Engine.SQLITE, folder);
        Person camille = vault.person(java.util.Optional.of(DemoPerson.HANDLE));
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
        Path files = folder.resolve("files");
        DemoPerson person = DemoPerson.generate(2024);
        for (DemoFile file : person.write(files).files()) {
            intake.importPath(camille, file.path(), ImportMode.STRICT, IntakeListener.NONE);
        }
        person.requests().file(vault, intake, Clock.systemUTC(), camille);
        Gate gate = Gate.over(vault);
        if (story) {
            person.sharing().tell(vault, gate, Clock.systemUTC(), camille);
            DemoPlaces.name(vault, gate, camille);
        }
        server = SelfdataServer.start(TestServers.SETTINGS, vault, gate);
    }

    /**
     * A demo vault of its own, filled as {@code selfdata demo} fills it, her sharing with recipients and her two named
     * places included, for a test that changes it; closing it deletes it.
     */
    static DemoServer told() {
        return new DemoServer(true);
    }

    /** The demo server, started on first use and closed when the test run ends. */
    static synchronized DemoServer get() {
        if (shared == null) {
            DemoServer started = new DemoServer(false);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(started::close));
            shared = started;
        }
        return shared;
    }

    SelfdataServer server() {
        return server;
    }

    Vault vault() {
        return vault;
    }

    @Override
    public void close() {
        server.close();
        vault.close();
        try {
            TestVaults.delete(folder);
        }
        catch (IOException e) {
            // A temporary folder left behind by a test run that is ending anyway.
        }
    }
}
