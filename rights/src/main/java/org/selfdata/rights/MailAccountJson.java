package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON form of a {@link MailAccount}. Optional fields may be left out: {@code imap}, {@code sentFolder},
 * {@code displayName} (empty), {@code inboxFolder} ({@code INBOX}), {@code saveToSent} (false) and {@code timeouts}
 * (the standard ones). Errors name the field, never its value, which may be the password.
 */
final class MailAccountJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private MailAccountJson() {}

    static String write(MailAccount account) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("smtp", server(account.smtp()));
        account.imap().ifPresent(imap -> root.set("imap", server(imap)));
        root.put("userName", account.userName());
        root.put("password", account.password());
        root.put("fromAddress", account.fromAddress());
        root.put("displayName", account.displayName());
        root.put("inboxFolder", account.inboxFolder());
        account.sentFolder().ifPresent(folder -> root.put("sentFolder", folder));
        root.put("saveToSent", account.saveToSent());
        ObjectNode timeouts = root.putObject("timeouts");
        timeouts.put("connectSeconds", account.timeouts().connect().toSeconds());
        timeouts.put("readSeconds", account.timeouts().read().toSeconds());
        timeouts.put("writeSeconds", account.timeouts().write().toSeconds());
        return MAPPER.writeValueAsString(root);
    }

    static MailAccount read(String json) {
        JsonNode root = parse(json);
        return new MailAccount(server(required(root, "smtp"), "smtp"),
                optional(root, "imap").map(imap -> server(imap, "imap")),
                text(required(root, "userName"), "userName"), text(required(root, "password"), "password"),
                text(required(root, "fromAddress"), "fromAddress"),
                optional(root, "displayName").map(name -> text(name, "displayName")).orElse(""),
                optional(root, "inboxFolder").map(folder -> text(folder, "inboxFolder")).orElse("INBOX"),
                optional(root, "sentFolder").map(folder -> text(folder, "sentFolder")),
                optional(root, "saveToSent").map(save -> flag(save, "saveToSent")).orElse(false),
                optional(root, "timeouts").map(MailAccountJson::timeouts).orElseGet(MailTimeouts::standard));
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.mail.account.unreadable"));
            }
            return root;
        }
        catch (JacksonException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.mail.account.unreadable"));
        }
    }

    private static ObjectNode server(MailServer server) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("host", server.host());
        node.put("port", server.port());
        node.put("security", server.security().term());
        return node;
    }

    private static MailServer server(JsonNode node, String field) {
        JsonNode port = required(node, "port", field + ".port");
        if (!port.isIntegralNumber() || !port.canConvertToInt()) {
            throw invalid(field + ".port");
        }
        return new MailServer(text(required(node, "host", field + ".host"), field + ".host"), port.intValue(),
                security(text(required(node, "security", field + ".security"), field + ".security"),
                        field + ".security"));
    }

    private static MailServer.Security security(String term, String field) {
        return Arrays.stream(MailServer.Security.values())
                .filter(security -> security.term().equals(term.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> invalid(field));
    }

    private static MailTimeouts timeouts(JsonNode node) {
        return new MailTimeouts(seconds(node, "connectSeconds"), seconds(node, "readSeconds"),
                seconds(node, "writeSeconds"));
    }

    private static Duration seconds(JsonNode node, String name) {
        JsonNode value = required(node, name, "timeouts." + name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid("timeouts." + name);
        }
        return Duration.ofSeconds(value.longValue());
    }

    private static JsonNode required(JsonNode node, String name) {
        return required(node, name, name);
    }

    private static JsonNode required(JsonNode node, String name, String field) {
        if (!node.isObject()) {
            throw invalid(field.contains(".") ? field.substring(0, field.indexOf('.')) : field);
        }
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.mail.account.missing", field));
        }
        return value;
    }

    private static Optional<JsonNode> optional(JsonNode node, String name) {
        return Optional.ofNullable(node.get(name)).filter(value -> !value.isNull());
    }

    private static String text(JsonNode node, String field) {
        if (!node.isString()) {
            throw invalid(field);
        }
        return node.stringValue();
    }

    private static boolean flag(JsonNode node, String field) {
        if (!node.isBoolean()) {
            throw invalid(field);
        }
        return node.booleanValue();
    }

    private static SelfdataException invalid(String field) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.mail.account.invalid", field));
    }
}
