package org.selfdata.rights;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.Locale;

/** Plain e-mail addresses (no display name): checking them without quoting them, and their domain. */
final class MailAddresses {
    private MailAddresses() {}

    /** The address as a plain {@code local@domain}, refused with an error that does not quote it. */
    static InternetAddress requireValid(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress()) || address.indexOf('@') < 1) {
                throw invalid();
            }
            return parsed;
        }
        catch (AddressException e) {
            throw invalid();
        }
    }

    /** The domain of a plain address, in lower case. */
    static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static SelfdataException invalid() {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.mail.address"));
    }
}
