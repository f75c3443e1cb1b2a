package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A recipient's record of processing activities (GDPR art. 30): what it does with personal data, who else gets it,
 * where it goes outside the EEA, how long it is kept and how it is protected. Declarations are versioned and never
 * change once written; a grant names the version the person was shown.
 *
 * @param version 1 for a recipient's first declaration, then one more for each new one
 * @param furtherRecipients the recipients the data is passed on to, in words (processors, partners)
 * @param retention how long the recipient keeps what it receives, in whole days
 */
public record ProcessingDeclaration(int version, List<DeclaredPurpose> purposes, List<String> furtherRecipients,
                                    List<DataTransfer> transfers, Duration retention, List<String> securityMeasures) {
    static final int MAXIMUM_PURPOSES = 20;
    static final int MAXIMUM_ENTRIES = 50;
    static final int ENTRY_LENGTH = 200;

    public ProcessingDeclaration {
        if (version < 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.declarationVersion", Integer.toString(version)));
        }
        requireNonNull(purposes, "purposes is null");
        if (purposes.isEmpty() || purposes.size() > MAXIMUM_PURPOSES) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.declarationPurposes", MAXIMUM_PURPOSES));
        }
        if (purposes.stream().map(DeclaredPurpose::purpose).collect(Collectors.toSet()).size()
                < purposes.size()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.declarationPurposeTwice"));
        }
        purposes = List.copyOf(purposes);
        furtherRecipients = BoundedText.list(furtherRecipients, Wording.of("error.model.field.furtherRecipient"),
                ENTRY_LENGTH, MAXIMUM_ENTRIES);
        requireNonNull(transfers, "transfers is null");
        if (transfers.size() > MAXIMUM_ENTRIES || new HashSet<>(transfers).size() < transfers.size()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.declarationTransfers", MAXIMUM_ENTRIES));
        }
        transfers = List.copyOf(transfers);
        Retention.require(retention, Wording.of("error.model.field.declarationRetention"));
        securityMeasures = BoundedText.list(securityMeasures, Wording.of("error.model.field.securityMeasure"),
                ENTRY_LENGTH, MAXIMUM_ENTRIES);
    }

    /** The declared purpose with this term, if the recipient declares it. */
    public Optional<DeclaredPurpose> purpose(Purpose purpose) {
        return purposes.stream().filter(declared -> declared.purpose() == purpose).findFirst();
    }
}
