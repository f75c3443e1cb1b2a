package org.selfdata.model;

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
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "a declaration's version starts at 1, was " + version);
        }
        requireNonNull(purposes, "purposes is null");
        if (purposes.isEmpty() || purposes.size() > MAXIMUM_PURPOSES) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    "a declaration names 1 to " + MAXIMUM_PURPOSES + " purposes");
        }
        if (purposes.stream().map(DeclaredPurpose::purpose).collect(Collectors.toSet()).size()
                < purposes.size()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    "a declaration names each purpose once; describe everything it covers in one entry");
        }
        purposes = List.copyOf(purposes);
        furtherRecipients = BoundedText.list(furtherRecipients, "a further recipient", ENTRY_LENGTH, MAXIMUM_ENTRIES);
        requireNonNull(transfers, "transfers is null");
        if (transfers.size() > MAXIMUM_ENTRIES || new HashSet<>(transfers).size() < transfers.size()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    "a declaration names at most " + MAXIMUM_ENTRIES + " transfers, each once");
        }
        transfers = List.copyOf(transfers);
        Retention.require(retention, "a declaration's retention");
        securityMeasures = BoundedText.list(securityMeasures, "a security measure", ENTRY_LENGTH, MAXIMUM_ENTRIES);
    }

    /** The declared purpose with this term, if the recipient declares it. */
    public Optional<DeclaredPurpose> purpose(Purpose purpose) {
        return purposes.stream().filter(declared -> declared.purpose() == purpose).findFirst();
    }
}
