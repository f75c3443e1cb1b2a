package org.selfdata.bench;

import org.selfdata.demo.DemoFile;
import org.selfdata.demo.DemoPerson;
import org.selfdata.importers.Importers;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.intake.IntakeListener;
import org.selfdata.model.Person;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The demo person in a benchmark's vault: her files written and imported through the real import path. */
final class DemoVault {
    private DemoVault() {}

    static Person fill(Vault vault, Path scratch, Consumer<String> progress) {
        Person camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
        progress.accept("writing and importing the demo's files");
        for (DemoFile file : DemoPerson.generate(2024).write(scratch.resolve("files")).files()) {
            intake.importPath(camille, file.path(), ImportMode.STRICT, IntakeListener.NONE);
        }
        return camille;
    }
}
