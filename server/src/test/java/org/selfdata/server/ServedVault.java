package org.selfdata.server;

import org.selfdata.gate.Gate;
import org.selfdata.vault.Engine;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;

/**
 * A server over an SQLite vault, in a JVM of its own, for tests that kill it or give it a umask. It says
 * {@link #SERVING} and its address once it answers, then serves until it is killed.
 *
 * <p>Arguments: {@code create} to make the vault with Camille and her password first, or {@code open}; then the vault's
 * folder.
 */
final class ServedVault {
    static final String SERVING = "serving ";

    private ServedVault() {}

    public static void main(String[] arguments) throws InterruptedException {
        Path folder = Path.of(arguments[1]);
        KeySource key = TestVaults.keyFile(folder);
        Vault vault = arguments[0].equals("create") ? TestServers.vaultWithCamille(Engine.SQLITE, folder)
                : Vault.open(VaultLocation.sqlite(folder), key);
        SelfdataServer server = SelfdataServer.start(TestServers.SETTINGS, vault, Gate.over(vault));
        System.out.println(SERVING + server.url());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
