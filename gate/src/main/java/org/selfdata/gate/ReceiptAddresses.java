package org.selfdata.gate;

import org.selfdata.model.RecipientId;

import java.net.URI;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Where a vault's consent receipts say their terms and notices are: beneath the address the vault is served at, so that
 * whoever holds a receipt can look them up there. A receipt names selfdata's own terms (the precision a grant allows, the
 * period it covers) in the namespace {@code <issuer>ns/consent#}, which the vault answers with the receipt context and
 * a page saying what each term means, and its notice, the recipient's declaration at the version the person was shown,
 * as {@code <issuer>ns/notices/<recipient>/<version>}, which the vault answers with that declaration.
 *
 * <p>Receipts signed where no address of the vault is known, by the command line for instance, {@link #unserved() name}
 * the terms in {@link ReceiptContext#UNSERVED_NAMESPACE} and the notice by a URN: an address the signer only guessed
 * could name somebody else's server, while the reserved {@code .invalid} name (RFC 6761) is known to name none. Those
 * are the very terms of every receipt signed before vaults served their own, and read the same.
 */
public final class ReceiptAddresses {
    /** The path of the terms' namespace beneath the vault's address, without its closing {@code #}. */
    public static final String NAMESPACE_PATH = "ns/consent";
    /** The path beneath the vault's address under which each notice is {@code <recipient>/<version>}. */
    public static final String NOTICES_PATH = "ns/notices/";

    private static final ReceiptAddresses UNSERVED = new ReceiptAddresses(null);

    /** The vault's address, an issuer ending with {@code /}; asked each time, since a server knows its port once it listens. */
    private final Supplier<URI> issuer;

    private ReceiptAddresses(Supplier<URI> issuer) {
        this.issuer = issuer;
    }

    /** Addresses beneath the vault's issuer ({@code https://vault.example/}), asked for at each receipt signed. */
    public static ReceiptAddresses servedAt(Supplier<URI> issuer) {
        return new ReceiptAddresses(requireNonNull(issuer, "issuer is null"));
    }

    /** For receipts signed where the vault's address is not known. */
    public static ReceiptAddresses unserved() {
        return UNSERVED;
    }

    /** The namespace selfdata's terms are named in, ending with {@code #}. */
    public String namespace() {
        return issuer == null ? ReceiptContext.UNSERVED_NAMESPACE : issuer().resolve(NAMESPACE_PATH) + "#";
    }

    /** The notice of a grant: its recipient's declaration at the version the person was shown. */
    public String notice(RecipientId recipient, int version) {
        requireNonNull(recipient, "recipient is null");
        return issuer == null ? "urn:selfdata:recipient:" + recipient + ":declaration:" + version
                : issuer().resolve(NOTICES_PATH + recipient + "/" + version).toString();
    }

    private URI issuer() {
        URI address = requireNonNull(issuer.get(), "the issuer is null");
        if (!address.isAbsolute() || !address.getPath().endsWith("/")) {
            throw new IllegalStateException("the vault's issuer " + address + " is not an absolute address ending with /");
        }
        return address;
    }
}
