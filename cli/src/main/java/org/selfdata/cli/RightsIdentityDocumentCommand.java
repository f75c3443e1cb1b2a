package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.IdentityDocument;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Encloses an identity document with a drafted request, replaces it, or takes it out. Never required: only when the
 * organization has reasonable doubts about who the person is (art. 12(6)); the letter then says why it is given and
 * asks for its deletion. Once the request is sent, the document goes with it and can no longer change.
 */
@Command(name = "identity-document", mixinStandardHelpOptions = true,
        description = "Enclose an identity document with a drafted request, replace it, or remove it with --remove: "
                + "only if the organization insists, and the letter asks for its deletion.")
final class RightsIdentityDocumentCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(index = "0", paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
            description = "The identity document: a PDF, JPEG or PNG file of 10 MiB at most.")
    Optional<Path> file = Optional.empty();

    @Option(names = "--remove", description = "Take the identity document out of the draft instead.")
    boolean remove;

    RightsIdentityDocumentCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        if (remove == file.isPresent()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.identityDocument"));
        }
        Optional<byte[]> content = file.map(RightsIdentityDocumentCommand::read);
        Words words = environment.words();
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            String id = RightsDesks.requestId(desk, person.id(), request);
            RightsDesk.RequestView view = content.isPresent()
                    ? desk.attachIdentityDocument(person.id(), id, file.orElseThrow().getFileName().toString(),
                            content.orElseThrow())
                    : desk.removeIdentityDocument(person.id(), id);
            terminal.out().println(said(words, view));
        }
        return ExitCodes.DONE;
    }

    /** What the request now encloses, in a sentence. */
    static String said(Words words, RightsDesk.RequestView view) {
        String reference = view.timeline().request().reference();
        return view.identityDocument()
                .map(document -> words.say("rights.command.identityDocument.attached", reference, document.name(),
                        document.sha256()))
                .orElseGet(() -> words.say("rights.command.identityDocument.none", reference));
    }

    /** The file read whole, once it is known to be a file no larger than an identity document may be. */
    static byte[] read(Path file) {
        return RightsFiles.read(file, IdentityDocument.MAXIMUM_SIZE, Wording.of("error.rights.identity.tooLarge",
                IdentityDocument.MAXIMUM_SIZE / (1024 * 1024)));
    }
}
