package org.selfdata.cli;

import org.selfdata.demo.DemoFile;
import org.selfdata.demo.DemoPerson;
import org.selfdata.gate.Accessor;
import org.selfdata.intake.ImportMode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.server.SelfdataServer;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What the launcher runs once after each build, under Java's ahead-of-time cache recorder: a start of selfdata with a
 * small vault, an import, a read through the gate and a few requests to the server, in a scratch folder on SQLite,
 * whatever vault the environment names. The classes it loads and links go into the cache, and every later start begins
 * with them ready: about half the start-up time.
 */
@Command(name = "train", hidden = true,
        description = "Exercise selfdata's start-up path, for the launcher's ahead-of-time cache.")
final class TrainCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    TrainCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("selfdata-train");
        try {
            VaultOptions options = new VaultOptions();
            options.data = java.util.Optional.of(scratch.resolve("vault"));
            // None of the environment's variables: on a host whose SELFDATA_DB, SELFDATA_KEY_FILE or SELFDATA_PASSPHRASE
            // name the real vault, training there would fail, or worse create a vault in that empty database.
            Environment alone = new Environment(java.util.Map.of(), environment.home());
            try (Application application = Application.create(options, alone)) {
                Person person = application.vault().people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
                List<DemoFile> files = DemoPerson.generate(1, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4))
                        .write(scratch.resolve("files")).files();
                FileImport fileImport = new FileImport(application.intake(application.importers()),
                        terminal.withoutPrompts());
                files.forEach(file -> fileImport.run(person, file.path(), ImportMode.STRICT));
                application.vault().status(person.id());
                try (Stream<?> records = application.gate().records(Accessor.owner(person.id()), RecordQuery.all())) {
                    records.count();
                }
                ServeOptions serve = ServeOptions.defaults();
                serve.port = 0;
                try (SelfdataServer server = SelfdataServer.start(serve.settings(), application.vault(), application.gate())) {
                    HttpClient client = HttpClient.newHttpClient();
                    for (String path : List.of("api/v1/health", "api/v1/status", "api/v1/openapi.json", "")) {
                        client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                                HttpResponse.BodyHandlers.discarding());
                    }
                }
            }
        }
        finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return ExitCodes.DONE;
    }
}
