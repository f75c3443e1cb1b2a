package org.selfdata.demo;

import org.selfdata.model.PrivateFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes Camille's phone address book as vCard 3.0 in UTF-8: her family, classmates, colleagues at the bookshop,
 * her doctor, dentist and landlord. Every name is invented by pairing common French first and last names.
 */
final class AddressBookWriter {
    private static final String[] FIRST_NAMES = {"Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Zoé", "Élise",
            "Maëlys", "Anaïs", "Océane", "Clémence", "Lucas", "Hugo", "Théo", "Nathan", "Maxime", "Enzo", "Louis",
            "Jérémy", "Rémi", "Mathéo", "Noé", "Gaël", "Adèle", "Romane", "Agathe", "Baptiste", "Antoine", "Yanis"};
    private static final String[] LAST_NAMES = {"Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
            "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
            "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Faure", "Rousseau"};

    private final long seed;

    AddressBookWriter(long seed) {
        this.seed = seed;
    }

    /** Writes the address book and answers the number of cards. */
    long write(Path file) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Card> cards = new ArrayList<>(List.of(
                new Card("Nathalie", "Martin", "Maman", "Famille", "+33 6 71 24 58 03", "12 rue Thiers, 56000 Vannes",
                        Optional.of(LocalDate.of(1971, 5, 14))),
                new Card("Philippe", "Martin", "Papa", "Famille", "+33 6 83 40 19 72", "12 rue Thiers, 56000 Vannes",
                        Optional.of(LocalDate.of(1969, 11, 2))),
                new Card("Hugo", "Martin", "", "Famille", "+33 7 62 18 90 45", "", Optional.of(LocalDate.of(2008, 2, 29))),
                new Card("Yvonne", "Le Goff", "Mamie", "Famille", "+33 2 97 47 21 36", "4 impasse des Lilas, 56000 Vannes",
                        Optional.of(LocalDate.of(1946, 8, 9))),
                new Card("Claire", "Lefebvre", "Dr Claire Lefebvre, médecin généraliste", "Santé", "+33 4 78 58 21 09",
                        "27 cours Gambetta, 69007 Lyon", Optional.empty()),
                new Card("Olivier", "Chassagne", "Cabinet dentaire Chassagne", "Santé", "+33 4 78 72 40 15",
                        "8 rue de Marseille, 69007 Lyon", Optional.empty()),
                new Card("Sophie", "Vial", "Foncia Lyon Guillotière, gestion locative", "Logement", "+33 4 72 71 33 80",
                        "55 cours Gambetta, 69003 Lyon", Optional.empty()),
                new Card("Bertrand", "Roche", "Librairie des Canuts, gérant", "Travail", "+33 4 78 42 17 66",
                        "14 rue Mercière, 69002 Lyon", Optional.empty())));
        Set<String> taken = new HashSet<>();
        cards.forEach(card -> taken.add(card.given() + " " + card.family()));
        while (cards.size() < 62) {
            String given = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String family = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            if (!taken.add(given + " " + family)) {
                continue;
            }
            boolean colleague = cards.size() % 9 == 0;
            String phone = String.format("+33 %d %02d %02d %02d %02d", 6 + random.nextInt(2),
                    random.nextInt(100), random.nextInt(100), random.nextInt(100), random.nextInt(100));
            Optional<LocalDate> birthday = random.nextInt(3) == 0
                    ? Optional.of(LocalDate.of(2002 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    : Optional.empty();
            cards.add(new Card(given, family, colleague ? "Librairie des Canuts" : "", colleague ? "Travail" : "Fac", phone, "",
                    birthday));
        }
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(PrivateFiles.newOutputStream(file), StandardCharsets.UTF_8))) {
            for (Card card : cards) {
                UUID uid = new UUID(random.nextLong(), random.nextLong());
                out.write(card.text(uid, LocalDate.of(2024, 9, 1).plusDays(random.nextInt(700))));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cards.size();
    }

    /** One entry of the address book; {@code organization} holds a title or a workplace, {@code category} a group. */
    private record Card(String given, String family, String organization, String category, String phone, String address,
            Optional<LocalDate> birthday) {
        private String text(UUID uid, LocalDate revised) {
            StringBuilder card = new StringBuilder("BEGIN:VCARD\r\nVERSION:3.0\r\n");
            card.append(ContentLines.fold("N:" + ContentLines.escape(family) + ";" + ContentLines.escape(given) + ";;;"));
            card.append(ContentLines.fold("FN:" + ContentLines.escape(given + " " + family)));
            if (!organization.isEmpty()) {
                card.append(ContentLines.fold("ORG:" + ContentLines.escape(organization)));
            }
            boolean mobile = phone.startsWith("+33 6") || phone.startsWith("+33 7");
            card.append(ContentLines.fold("TEL;TYPE=" + (mobile ? "CELL" : "VOICE") + ":" + phone));
            card.append(ContentLines.fold("EMAIL;TYPE=INTERNET:" + email()));
            if (!address.isEmpty()) {
                String[] parts = address.split(", ");
                String[] town = parts[1].split(" ", 2);
                card.append(ContentLines.fold("ADR;TYPE=HOME:;;" + ContentLines.escape(parts[0]) + ";"
                        + ContentLines.escape(town[1])
                        + ";;" + town[0] + ";France"));
            }
            birthday.ifPresent(date -> card.append("BDAY:").append(date).append("\r\n"));
            card.append(ContentLines.fold("CATEGORIES:" + ContentLines.escape(category)));
            card.append("UID:urn:uuid:").append(uid).append("\r\n");
            card.append("REV:").append(revised.toString().replace("-", "")).append("T120000Z\r\n");
            return card.append("END:VCARD\r\n").toString();
        }

        private String email() {
            String ascii = Normalizer.normalize(given + "." + family, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace(' ', '-').toLowerCase(Locale.ROOT);
            return ascii + "@example.org";
        }
    }
}
