package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization.Channel;
import org.selfdata.rights.Organization.Origin;
import org.selfdata.rights.Organization.RequiredElement;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of an organization: one line of the directory shipped with selfdata, and the text a person's own
 * organization is sealed as in their vault. Keys come in a fixed order, absent values and empty lists are left out,
 * so that the same organization always gives the same line and the shipped file can be compared with its source.
 * The origin is not written: it is where the text was read from.
 */
public final class OrganizationJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OrganizationJson() {}

    /** The organization as one line of JSON. */
    public static String write(Organization organization) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("slug", organization.slug());
        node.put("name", organization.name());
        organization.postalAddress().ifPresent(value -> node.put("address", value));
        organization.email().ifPresent(value -> node.put("email", value));
        organization.phone().ifPresent(value -> node.put("phone", value));
        organization.fax().ifPresent(value -> node.put("fax", value));
        organization.web().ifPresent(value -> node.put("web", value));
        organization.webForm().ifPresent(value -> node.put("webForm", value));
        organization.siren().ifPresent(value -> node.put("siren", value));
        texts(node, "categories", organization.categories());
        texts(node, "countries", organization.countries());
        texts(node, "runs", organization.runs());
        if (!organization.requiredElements().isEmpty()) {
            ArrayNode elements = node.putArray("requiredElements");
            for (RequiredElement element : organization.requiredElements()) {
                ObjectNode written = elements.addObject().put("description", element.description())
                        .put("kind", element.kind());
                if (element.optional()) {
                    written.put("optional", true);
                }
            }
        }
        if (organization.needsIdentityDocument()) {
            node.put("needsIdentityDocument", true);
        }
        organization.requestLanguage().ifPresent(value -> node.put("requestLanguage", value));
        organization.suggestedChannel().ifPresent(value -> node.put("suggestedChannel", term(value)));
        if (organization.authority()) {
            node.put("authority", true);
        }
        return MAPPER.writeValueAsString(node);
    }

    /**
     * Reads an organization back, as coming from the given origin. Text that is not an organization's JSON is refused
     * naming the field at fault; what the values say is checked by {@link PersonOrganizations#check(Organization)}.
     */
    public static Organization read(String json, Origin origin) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        }
        catch (JacksonException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.organization.notJson"));
        }
        if (node == null || !node.isObject()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.organization.notJson"));
        }
        return new Organization(text(node, "slug").orElse(""), text(node, "name").orElse(""), text(node, "address"),
                text(node, "email"), text(node, "phone"), text(node, "fax"), text(node, "web"), text(node, "webForm"),
                texts(node, "categories"), texts(node, "countries"), requiredElements(node),
                flag(node, "needsIdentityDocument"), text(node, "requestLanguage"),
                text(node, "suggestedChannel").map(OrganizationJson::channel), flag(node, "authority"), origin,
                texts(node, "runs"), text(node, "siren"));
    }

    /** The word for a channel in the JSON form, the one the Datenanfragen.de records use. */
    static String term(Channel channel) {
        return switch (channel) {
            case EMAIL -> "email";
            case LETTER -> "letter";
            case FAX -> "fax";
            case WEB_FORM -> "webform";
        };
    }

    static Channel channel(String term) {
        for (Channel channel : Channel.values()) {
            if (term(channel).equals(term)) {
                return channel;
            }
        }
        throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.organization.channel"));
    }

    private static void texts(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.organization.notText", field));
        }
        return Optional.of(value.asString());
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.organization.notFlag", field));
        }
        return value.asBoolean();
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(node, field)) {
            if (!value.isString()) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.organization.notTexts",
                        field));
            }
            values.add(value.asString());
        }
        return values;
    }

    private static List<RequiredElement> requiredElements(JsonNode node) {
        List<RequiredElement> elements = new ArrayList<>();
        for (JsonNode element : array(node, "requiredElements")) {
            if (!element.isObject()) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT,
                        Wording.of("error.rights.organization.notElements"));
            }
            elements.add(new RequiredElement(text(element, "description").orElse(""),
                    text(element, "kind").orElse(""), flag(element, "optional")));
        }
        return elements;
    }

    private static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.rights.organization.notList", field));
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }
}
