package org.selfdata.bench;

import org.selfdata.demo.DemoFile;
import org.selfdata.demo.DemoPerson;
import org.selfdata.importers.Importers;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.intake.IntakeListener;
import org.selfdata.model.Person;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The demo person in a benchmark's vault: her files written and imported through the real import path. */
final class DemoVault {
    private DemoVault() {}

    /** A new SQLite vault in the scratch folder's {@code demo} folder, with its key file beside it. */
    static Vault create(Path scratch) {
        VaultLocation location = VaultLocation.sqlite(scratch.resolve("demo"));
        return Vault.create(location, KeySource.keyFile(location.folder().resolve(VaultLocation.KEY_FILE)));
    }

    static Person fill(Vault vault, Path scratch, Consumer<String> progress) {
        progress.accept("writing and importing the demo's files");
        return fill(vault, DemoPerson.HANDLE, write(scratch));
    }

    /** The demo's files, written once in the scratch folder, to be imported for as many people as a benchmark makes. */
    static List<DemoFile> write(Path scratch) {
        return DemoPerson.generate(2024).write(scratch.resolve("files")).files();
    }

    /** A new person with this handle, holding what the demo person holds: her files imported as she would. */
    static Person fill(Vault vault, String handle, List<DemoFile> files) {
        Person person = vault.people().create(handle, DemoPerson.ZONE);
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
        for (DemoFile file : files) {
            intake.importPath(person, file.path(), ImportMode.STRICT, IntakeListener.NONE);
        }
        return person;
    }
}
