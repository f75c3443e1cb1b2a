package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.vault.RightsRequests;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the rights desk keeps for a person besides their requests, sealed in the vault like any secret: who they are in
 * their letters, their mailbox (its password included), where the last fetch of answers stopped, where they live for
 * public holidays, whether they want reminders of their deadlines by e-mail and which were sent, and per request the
 * identity values a letter gives and the checklist of its answer.
 */
public final class DeskSettings {
    private static final String SENDER = "sender";
    private static final String MAIL = "mail";
    private static final String FETCH_POINT = "mail.fetched";
    private static final String REGION = "region";
    private static final String CALENDAR = "calendar";
    private static final String REMINDERS = "reminders";
    private static final String REMINDED = "reminders.sent";

    private final RightsRequests store;

    public DeskSettings(RightsRequests store) {
        this.store = requireNonNull(store, "store is null");
    }

    public void saveSender(PersonId person, Sender sender) {
        ObjectNode json = PayloadCodec.mapper().createObjectNode().put("name", sender.name());
        sender.postalAddress().ifPresent(address -> json.put("postalAddress", address));
        sender.email().ifPresent(email -> json.put("email", email));
        store.saveSetting(person, SENDER, json.toString());
    }

    /** The sender as saved; letters cannot be written before the person says who they are. */
    public Optional<Sender> sender(PersonId person) {
        return store.findSetting(person, SENDER).map(DeskSettings::parse)
                .map(json -> new Sender(json.path("name").asString(), text(json, "postalAddress"), text(json, "email")));
    }

    public void saveMailAccount(PersonId person, MailAccount account) {
        store.saveSetting(person, MAIL, account.toJson());
    }

    public Optional<MailAccount> mailAccount(PersonId person) {
        return store.findSetting(person, MAIL).map(MailAccount::fromJson);
    }

    /**
     * Forgets the person's mailbox, its password with it, and where the last fetch stopped, which belongs to that
     * mailbox; whether one was set up. Reminders by e-mail, which leave from that mailbox, are turned off with it.
     */
    public boolean removeMailAccount(PersonId person) {
        store.removeSetting(person, FETCH_POINT);
        reminders(person).filter(ReminderSettings::enabled).ifPresent(settings -> saveReminders(person,
                new ReminderSettings(false, settings.daysBefore(), settings.language())));
        return store.removeSetting(person, MAIL);
    }

    /** The SHA-256 of the token of the person's calendar feed, in place of any before it; the token itself is not kept. */
    public void saveCalendarDigest(PersonId person, String sha256) {
        store.saveSetting(person, CALENDAR, sha256);
    }

    public Optional<String> calendarDigest(PersonId person) {
        return store.findSetting(person, CALENDAR);
    }

    public void removeCalendarDigest(PersonId person) {
        store.removeSetting(person, CALENDAR);
    }

    public void saveReminders(PersonId person, ReminderSettings reminders) {
        ObjectNode json = PayloadCodec.mapper().createObjectNode().put("enabled", reminders.enabled())
                .put("daysBefore", reminders.daysBefore()).put("language", reminders.language().code());
        store.saveSetting(person, REMINDERS, json.toString());
    }

    /** The person's choice about reminders by e-mail, if they made one; off, three days before, otherwise. */
    public Optional<ReminderSettings> reminders(PersonId person) {
        return store.findSetting(person, REMINDERS).map(DeskSettings::parse).map(json -> {
            Language language = Language.ofCode(json.path("language").asString()).orElse(Language.ENGLISH);
            if (!json.path("enabled").isBoolean() || !json.path("daysBefore").canConvertToInt()) {
                throw new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.rights.reminders.settingUnreadable"));
            }
            return new ReminderSettings(json.path("enabled").asBoolean(), json.path("daysBefore").asInt(), language);
        });
    }

    void saveReminded(PersonId person, Reminded reminded) {
        ObjectNode json = PayloadCodec.mapper().createObjectNode();
        reminded.lastSent().ifPresent(day -> json.put("lastSent", day.toString()));
        ArrayNode deadlines = json.putArray("deadlines");
        reminded.deadlines().stream().sorted().forEach(deadlines::add);
        store.saveSetting(person, REMINDED, json.toString());
    }

    Reminded reminded(PersonId person) {
        return store.findSetting(person, REMINDED).map(DeskSettings::parse).map(json -> {
            Set<String> deadlines = new HashSet<>();
            json.path("deadlines").forEach(deadline -> deadlines.add(deadline.asString()));
            return new Reminded(text(json, "lastSent").map(LocalDate::parse), deadlines);
        }).orElse(Reminded.NOTHING);
    }

    public void saveFetchPoint(PersonId person, FetchPoint point) {
        store.saveSetting(person, FETCH_POINT, point.uidValidity() + "/" + point.lastUid());
    }

    public Optional<FetchPoint> fetchPoint(PersonId person) {
        return store.findSetting(person, FETCH_POINT).map(text -> {
            String[] parts = text.split("/", 2);
            return new FetchPoint(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        });
    }

    /** The person's département, which decides the public holidays deadlines skip: Alsace-Moselle has two more. */
    public void saveDepartment(PersonId person, String department) {
        HolidayRegion.ofDepartment(department);
        store.saveSetting(person, REGION, department);
    }

    public HolidayRegion region(PersonId person) {
        return store.findSetting(person, REGION).map(HolidayRegion::ofDepartment).orElse(HolidayRegion.METROPOLITAN_FRANCE);
    }

    /** The values a request's letter gives for what the organization asks to identify the person, by element kind. */
    public void saveIdentity(PersonId person, String request, Map<String, String> values) {
        ObjectNode json = PayloadCodec.mapper().createObjectNode();
        values.forEach(json::put);
        store.saveSetting(person, requestSetting("identity", request), json.toString());
    }

    public Map<String, String> identity(PersonId person, String request) {
        Map<String, String> values = new LinkedHashMap<>();
        store.findSetting(person, requestSetting("identity", request)).map(DeskSettings::parse)
                .ifPresent(json -> json.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString())));
        return values;
    }

    /** The change of detail a rectification request carries, when it was drafted for one. */
    public void saveChange(PersonId person, String request, ChangeOfDetail change) {
        ObjectNode json = PayloadCodec.mapper().createObjectNode().put("detail", change.detail().term())
                .put("oldValue", change.oldValue()).put("newValue", change.newValue());
        store.saveSetting(person, requestSetting("change", request), json.toString());
    }

    public Optional<ChangeOfDetail> change(PersonId person, String request) {
        return store.findSetting(person, requestSetting("change", request)).map(DeskSettings::parse)
                .map(json -> new ChangeOfDetail(PersonalDetail.ofTerm(json.path("detail").asString()),
                        json.path("oldValue").asString(), json.path("newValue").asString()));
    }

    /** The checklist of an access request's answer, as the person ticked it and its answers pre-filled it. */
    public void saveChecklist(PersonId person, String request, Checklist checklist) {
        store.saveSetting(person, requestSetting("checklist", request), checklist.text());
    }

    public Checklist checklist(PersonId person, String request) {
        return store.findSetting(person, requestSetting("checklist", request)).map(Checklist::parse)
                .orElse(Checklist.empty());
    }

    /** The Message-ID of the e-mail a request was sent in, which an answer's In-Reply-To names. */
    public void saveSentMessage(PersonId person, String request, String messageId) {
        store.saveSetting(person, requestSetting("sent", request), messageId);
    }

    public Optional<String> sentMessage(PersonId person, String request) {
        return store.findSetting(person, requestSetting("sent", request));
    }

    private static String requestSetting(String kind, String request) {
        return kind + "." + request;
    }

    private static Optional<String> text(JsonNode json, String field) {
        return json.hasNonNull(field) ? Optional.of(json.get(field).asString()) : Optional.empty();
    }

    private static JsonNode parse(String text) {
        try {
            return PayloadCodec.mapper().readTree(text);
        }
        catch (JacksonException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.rights.desk.settingUnreadable"), e);
        }
    }
}
