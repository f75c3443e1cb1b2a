package org.selfdata.services;

import org.selfdata.model.Contact;
import org.selfdata.model.RecordId;
import org.selfdata.texts.Wording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a person's address book says about them: how many people they keep, the organizations among them (a
 * workplace, a school, a club), and the contacts whose organization or name may reveal a special category of data,
 * such as their doctor.
 */
final class RevealAddressBook {
    /** A contact in short: its name, and its organization when it has one. */
    private record Card(RecordId id, String name, Optional<String> organization) {}

    private final List<Card> cards = new ArrayList<>();

    void add(RecordId id, Contact contact) {
        cards.add(new Card(id, contact.displayName(), contact.organization()));
    }

    int contacts() {
        return cards.size();
    }

    List<RevealFinding> findings() {
        if (cards.isEmpty()) {
            return List.of(RevealFinding.unknown(RevealFinding.Kind.CONTACTS, Wording.of("reveal.agenda.contacts.none")));
        }
        List<RevealFinding> findings = new ArrayList<>();
        findings.add(summary());
        findings.addAll(special());
        return findings;
    }

    private RevealFinding summary() {
        List<Card> withOrganization = cards.stream().filter(card -> card.organization().isPresent()).toList();
        Map<String, List<Card>> organizations = withOrganization.stream().collect(Collectors.groupingBy(
                card -> RevealSpecialCategory.plain(card.organization().orElseThrow()), TreeMap::new, Collectors.toList()));
        Wording says = organizations.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, List<Card>> organization) -> organization.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(most -> Wording.of("reveal.agenda.contacts", cards.size(), withOrganization.size(),
                        organizations.size(), most.getValue().getFirst().organization().orElseThrow(),
                        most.getValue().size()))
                .orElseGet(() -> Wording.of("reveal.agenda.contacts.noOrganization", cards.size()));
        return RevealFinding.found(RevealFinding.Kind.CONTACTS, says, RevealConfidence.READ,
                evidence(cards, cards.size()), Optional.empty());
    }

    /** The contacts whose organization, or else name, names a special category of data. */
    private List<RevealFinding> special() {
        List<RevealFinding> found = new ArrayList<>();
        for (Card card : cards) {
            Optional<String> named = card.organization().filter(organization -> RevealSpecialCategory.of(organization)
                    .isPresent()).or(() -> Optional.of(card.name()).filter(name -> RevealSpecialCategory.of(name)
                    .isPresent()));
            named.ifPresent(words -> {
                RevealSpecialCategory category = RevealSpecialCategory.of(words).orElseThrow();
                found.add(RevealFinding.found(RevealFinding.Kind.SPECIAL, Wording.of("reveal.agenda.contacts.special",
                        words, category.wording()), RevealConfidence.READ, evidence(List.of(card), 1),
                        Optional.of(category)));
            });
        }
        return found.isEmpty() ? List.of(RevealFinding.unknown(RevealFinding.Kind.SPECIAL,
                Wording.of("reveal.agenda.contacts.noSpecial", cards.size()))) : found;
    }

    /** Contacts have no date that tells anything: their evidence has none. */
    private RevealEvidence evidence(List<Card> shown, long count) {
        return new RevealEvidence(count, cards.size(), RevealEvidence.Unit.CONTACTS, Optional.empty(), Optional.empty(),
                shown.stream().map(Card::id).limit(RevealEvidence.RECORDS).toList());
    }
}
