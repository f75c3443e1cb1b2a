package org.selfdata.server;

import org.selfdata.gate.Gate;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.Clock;

/** A real vault with Camille in it, her password set, and a real server over it on a free port. */
final class TestServers {
    static final String PASSWORD = "lyon-2025-guillotiere";
    static final ServerSettings SETTINGS = ServerSettings.defaults().withPort(0).withPlainHttpOnLoopback();

    private TestServers() {}

    static Vault vaultWithCamille(Engine engine, Path folder) {
        return withCamille(TestVaults.create(engine, folder));
    }

    /** With a clock that times what the vault stamps: people, sources, batches, sessions. */
    static Vault vaultWithCamille(Engine engine, Path folder, Clock clock) {
        return withCamille(TestVaults.create(engine, folder, clock));
    }

    private static Vault withCamille(Vault vault) {
        Person camille = TestVaults.camille(vault);
        vault.people().setPassword(camille.id(), PASSWORD.toCharArray());
        return vault;
    }

    static SelfdataServer start(Vault vault) {
        return SelfdataServer.start(SETTINGS, vault, Gate.over(vault));
    }

    static SelfdataServer start(Vault vault, ServerSettings settings, Clock clock) {
        return SelfdataServer.start(settings, vault, Gate.over(vault), clock);
    }
}
