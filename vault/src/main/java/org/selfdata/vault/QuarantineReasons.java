package org.selfdata.vault;

import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Position;
import org.selfdata.model.Rejection;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a quarantined record's reason is kept inside its sealed envelope.
 *
 * <p>A reason with a wording is kept as JSON, {@code {"reason": "…", "wording": {"key": "…", "arguments": […]}}}, so
 * that the quarantine says it in its reader's language; one without is kept as its English text, as every reason
 * was before reasons had wordings. Both live in the same sealed column, told apart on reading: an English reason
 * never starts with a brace, and a JSON form whose wording selfdata no longer has words for is read as its English
 * reason, so that no row needs rewriting.
 */
final class QuarantineReasons {
    private QuarantineReasons() {}

    static byte[] encode(Rejection rejection) {
        return rejection.wording()
                .map(wording -> {
                    ObjectNode node = PayloadCodec.mapper().createObjectNode();
                    node.put("reason", rejection.reason());
                    node.set("wording", wording(wording));
                    return PayloadCodec.mapper().writeValueAsString(node);
                })
                .orElse(rejection.reason())
                .getBytes(StandardCharsets.UTF_8);
    }

    static Rejection decode(Position position, byte[] stored) {
        String text = new String(stored, StandardCharsets.UTF_8);
        if (!text.startsWith("{")) {
            return new Rejection(position, text);
        }
        Optional<JsonNode> node = tree(text);
        Optional<String> reason = node.map(json -> json.get("reason")).filter(JsonNode::isString).map(JsonNode::asString);
        if (reason.isEmpty()) {
            return new Rejection(position, text);
        }
        return new Rejection(position, reason.get(), node.map(json -> json.get("wording")).flatMap(QuarantineReasons::wording)
                .filter(QuarantineReasons::sayable), Optional.empty());
    }

    private static ObjectNode wording(Wording wording) {
        ObjectNode node = PayloadCodec.mapper().createObjectNode();
        node.put("key", wording.key());
        ArrayNode arguments = node.putArray("arguments");
        for (Object argument : wording.arguments()) {
            switch (argument) {
                case Wording inner -> arguments.add(wording(inner));
                case BigDecimal decimal -> arguments.add(decimal);
                case BigInteger integer -> arguments.add(integer);
                case Double number -> arguments.add(number);
                case Float number -> arguments.add(number);
                case Number number -> arguments.add(number.longValue());
                default -> arguments.add(argument.toString());
            }
        }
        return node;
    }

    private static Optional<Wording> wording(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("key").isString() || !node.path("arguments").isArray()) {
            return Optional.empty();
        }
        List<Object> arguments = new ArrayList<>();
        for (JsonNode argument : node.get("arguments")) {
            if (argument.isObject()) {
                Optional<Wording> inner = wording(argument);
                if (inner.isEmpty()) {
                    return Optional.empty();
                }
                arguments.add(inner.get());
            }
            else if (argument.isIntegralNumber()) {
                arguments.add(argument.canConvertToLong() ? (Object) argument.longValue() : argument.bigIntegerValue());
            }
            else if (argument.isNumber()) {
                arguments.add(argument.decimalValue());
            }
            else {
                arguments.add(argument.asString());
            }
        }
        try {
            return Optional.of(new Wording(node.get("key").asString(), arguments));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether selfdata still has words for a wording kept by an earlier version. */
    private static boolean sayable(Wording wording) {
        try {
            Words.english().say(wording);
            return true;
        }
        catch (IllegalStateException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<JsonNode> tree(String text) {
        try {
            return Optional.of(PayloadCodec.mapper().readTree(text));
        }
        catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
