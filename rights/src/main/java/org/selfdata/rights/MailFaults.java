package org.selfdata.rights;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a failure of the person's mail server means, said without the server's own words: those quote the host, the
 * addresses and sometimes what was sent, and the error is read in logs, terminals and pages. The cause kept for the
 * log names only the kinds of failure, outermost first.
 */
final class MailFaults {
    /**
     * What selfdata was doing when the server failed: a timeout while a message is handed over leaves the outcome
     * unknown, one while connecting or reading does not.
     */
    enum Exchange {
        CONNECTING,
        SENDING,
        READING
    }

    private MailFaults() {}

    static SelfdataException of(Exception failure, Exchange exchange) {
        return new SelfdataException(ErrorCode.REMOTE_SERVICE_FAILED, Wording.of(key(failure, exchange)),
                new IOException("mail server failure: " + kinds(failure)));
    }

    private static String key(Exception failure, Exchange exchange) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(AuthenticationFailedException.class::isInstance)) {
            return "error.rights.mail.authRefused";
        }
        if (chain.stream().anyMatch(MailFaults::tlsMissing)) {
            return "error.rights.mail.tlsUnavailable";
        }
        if (chain.stream().anyMatch(cause -> cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException)) {
            return "error.rights.mail.serverDown";
        }
        if (chain.stream().anyMatch(SocketTimeoutException.class::isInstance)) {
            return exchange == Exchange.SENDING ? "error.rights.mail.sendOutcomeUnknown" : "error.rights.mail.timeout";
        }
        if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                && refused.getInvalidAddresses().length > 0) {
            return "error.rights.mail.recipientRefused";
        }
        return "error.rights.mail.failed";
    }

    /** TLS refused by the handshake, or STARTTLS required by the settings but not offered by the server. */
    private static boolean tlsMissing(Throwable cause) {
        return cause instanceof SSLException || cause instanceof MessagingException
                && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("starttls is required");
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static String kinds(Throwable failure) {
        return String.join(" <- ", chain(failure).stream().map(cause -> cause.getClass().getName()).toList());
    }
}
