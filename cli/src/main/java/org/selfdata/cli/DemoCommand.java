package org.selfdata.cli;

import org.selfdata.demo.DemoFile;
import org.selfdata.demo.DemoFiles;
import org.selfdata.demo.DemoPerson;
import org.selfdata.demo.DemoRequests;
import org.selfdata.demo.DemoPlaces;
import org.selfdata.demo.DemoSharing;
import org.selfdata.intake.FileReport;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.Person;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.server.MetricsListener;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Recipients;
import org.selfdata.vault.Vault;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a vault holding two years of a synthetic student in Lyon (bank statements, location history, "
                + "electricity readings, contacts, calendar), imported from files in the formats organizations hand out, "
                + "with her requests to organizations under the GDPR at each stage (overdue, answered, extended) and "
                + "her sharing with recipients (a refusal, grants, their reads, a withdrawal, records sent back), "
                + "then serve it.")
final class DemoCommand implements Callable<Integer> {
    private static final String FOLDER = ".selfdata-demo";
    private static final char[] PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Mixin
    ServeOptions serve;

    @Option(names = "--seed", paramLabel = "NUMBER",
            description = "Which synthetic person: the same seed gives the same files (default: 2024).")
    long seed = 2024;

    @Option(names = "--no-serve", description = "Create and fill the demo vault, then stop instead of serving it.")
    boolean noServe;

    DemoCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        if (vault.data.isEmpty()) {
            // The demo keeps to a folder of its own, away from the vault of a person who has one, wherever
            // $SELFDATA_HOME points.
            vault.data = Optional.of(environment.home().resolve(FOLDER));
        }
        Words words = environment.words();
        boolean exists = Vault.exists(vault.location(environment));
        Optional<MetricsListener> metrics = noServe ? Optional.empty() : Serving.metrics(serve, environment);
        Application opened = Serving.opened(metrics,
                meters -> exists ? Application.open(vault, environment, meters) : Application.create(vault, environment, meters));
        try (Application application = opened) {
            Person camille = demoPerson(application);
            if (application.vault().status(camille.id()).records() == 0) {
                fill(application, camille);
            }
            else {
                terminal.err().println(words.say("command.demo.filled", application.vault().location().describe()));
            }
            char[] password = newPassword();
            application.vault().people().setPassword(camille.id(), password);
            terminal.out().println();
            terminal.out().println(words.say("command.demo.signIn", camille.handle(), new String(password)));
            if (noServe) {
                return ExitCodes.DONE;
            }
            return Serving.serveUntilStopped(application, terminal, environment, serve, metrics);
        }
        catch (RuntimeException e) {
            metrics.ifPresent(MetricsListener::close);
            throw e;
        }
    }

    /**
     * Says in the demo's help where its vault goes: the {@code --data} option it shares with every command defaults to
     * the person's own vault elsewhere, which the demo never uses.
     */
    static void describeItsFolder(CommandLine demo) {
        CommandSpec spec = demo.getCommandSpec();
        OptionSpec data = spec.findOption("--data");
        spec.remove(data);
        spec.addOption(OptionSpec.builder(data)
                .description("The demo vault's folder (default: ~/" + FOLDER + ", away from your own vault).")
                .build());
    }

    private Person demoPerson(Application application) {
        List<Person> people = application.vault().people().list();
        if (people.isEmpty()) {
            return application.vault().people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        }
        if (people.size() == 1 && people.getFirst().handle().equals(DemoPerson.HANDLE)) {
            return people.getFirst();
        }
        throw new SelfdataException(ErrorCode.CONFLICT,
                Wording.of("error.cli.notDemoVault", application.vault().location().describe()));
    }

    private void fill(Application application, Person camille) {
        Path folder = temporaryFolder();
        try {
            terminal.err().println(environment.words().say("command.demo.writing", DemoPerson.DISPLAY_NAME));
            DemoPerson person = DemoPerson.generate(seed);
            DemoFiles files = person.write(folder);
            Intake intake = application.intake(application.importers());
            FileImport fileImport = new FileImport(intake, terminal);
            for (DemoFile file : files.files()) {
                for (FileReport report : fileImport.run(camille, file.path(), ImportMode.STRICT).files()) {
                    say(report, camille);
                }
            }
            DemoRequests.Filed requests = person.requests().file(application.vault(), intake, Clock.systemDefaultZone(),
                    camille);
            requests.answer().files().forEach(report -> say(report, camille));
            tell(person.sharing().tell(application.vault(), application.gate(), Clock.systemUTC(), camille),
                    application.vault().recipients());
            List<String> named = DemoPlaces.name(application.vault(), application.gate(), camille);
            terminal.out().println(environment.words().say("reveal.demo.named", named.size(), String.join(", ", named)));
        }
        finally {
            deleteQuietly(folder);
        }
    }

    private void say(FileReport report, Person camille) {
        terminal.out().println(ReportLines.line(report, camille.zone(), Language.ofEnvironment(environment.variables())));
    }

    /** Her sharing in a few lines, as the Sharing and Activity pages show it. */
    private void tell(DemoSharing.Told told, Recipients recipients) {
        Words words = environment.words();
        PrintStream out = terminal.out();
        GrantTerms restaurants = told.restaurants().terms();
        String paymentApp = name(recipients, restaurants.recipient());
        out.println(words.say("reveal.demo.sharing"));
        out.println(words.say("reveal.demo.refused", paymentApp, told.refused().toException().message(words.language())));
        out.println(words.say("reveal.demo.granted", paymentApp, restaurants.purposeDescription(),
                Duration.between(restaurants.validFrom(), restaurants.validUntil()).toDays(),
                records(told.restaurantReads()), told.restaurantReads().size()));
        out.println(words.say("reveal.demo.withdrawn", paymentApp));
        out.println(words.say("reveal.demo.energy", name(recipients, told.energy().terms().recipient()),
                records(told.energyReads()), told.energyReads().size()));
        out.println(words.say("reveal.demo.pushed", name(recipients, told.restitution().terms().recipient()),
                told.pushed().added()));
        out.println(words.say("reveal.demo.neverGranted", told.broker().identity().name()));
    }

    private static String name(Recipients recipients, RecipientId recipient) {
        return recipients.get(recipient).identity().name();
    }

    private static long records(List<DemoSharing.Read> reads) {
        return reads.stream().mapToLong(DemoSharing.Read::records).sum();
    }

    private static char[] newPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[16];
        for (int index = 0; index < password.length; index++) {
            password[index] = PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)];
        }
        return password;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("selfdata-demo-files");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the demo's files", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // Temporary files of synthetic data; the system cleans its temporary folder in time.
        }
    }
}
