package org.selfdata.rights;

import jakarta.mail.Session;

import java.util.Properties;

/**
 * Jakarta Mail sessions for the person's mailbox: one per connection, never the shared default session, with the
 * account's timeouts and TLS settings. The password is not in a session's properties: it is given to
 * {@code connect} only.
 */
final class MailSessions {
    private MailSessions() {}

    static Session smtp(MailAccount account) {
        Properties properties = properties("smtp", account.smtp(), account.timeouts());
        properties.setProperty("mail.smtp.auth", "true");
        properties.setProperty("mail.smtp.from", account.fromAddress());
        return Session.getInstance(properties);
    }

    static Session imap(MailAccount account, MailServer imap) {
        return Session.getInstance(properties("imap", imap, account.timeouts()));
    }

    /** A session that only reads and writes MIME, never connecting. */
    static Session offline() {
        return Session.getInstance(new Properties());
    }

    private static Properties properties(String protocol, MailServer server, MailTimeouts timeouts) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.setProperty(prefix + "host", server.host());
        properties.setProperty(prefix + "port", Integer.toString(server.port()));
        properties.setProperty(prefix + "connectiontimeout", Long.toString(timeouts.connect().toMillis()));
        properties.setProperty(prefix + "timeout", Long.toString(timeouts.read().toMillis()));
        properties.setProperty(prefix + "writetimeout", Long.toString(timeouts.write().toMillis()));
        switch (server.security()) {
            case STARTTLS -> {
                properties.setProperty(prefix + "starttls.enable", "true");
                properties.setProperty(prefix + "starttls.required", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty(prefix + "ssl.enable", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case PLAIN -> properties.setProperty(prefix + "starttls.enable", "false");
        }
        return properties;
    }
}
