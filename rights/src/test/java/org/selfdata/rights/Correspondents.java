package org.selfdata.rights;

import java.util.List;
import java.util.Optional;

/** The people and organizations the letters' tests write to and from. */
final class Correspondents {
    static final Organization.RequiredElement NAME = new Organization.RequiredElement("Name", "name");
    static final Organization.RequiredElement CUSTOMER_NUMBER =
            new Organization.RequiredElement("Customer number", "input");
    static final Organization.RequiredElement BIRTH_DATE = new Organization.RequiredElement("Date of birth", "birthdate");
    static final Organization.RequiredElement ADDRESS = new Organization.RequiredElement("Address", "address");

    private Correspondents() {}

    static Sender camille() {
        return new Sender("Camille Martin", Optional.of("12 rue des Lilas\n69003 Lyon\nFrance"),
                Optional.of("camille@example.org"));
    }

    static Organization organization(List<Organization.RequiredElement> asked, Optional<String> language) {
        return new Organization("photomatch", "PhotoMatch Inc.", Optional.of("1 Market Street\nNew York, NY 10001\nUSA"),
                Optional.of("privacy@photomatch.example"), Optional.empty(), Optional.empty(),
                Optional.of("https://photomatch.example"), Optional.empty(), List.of("commerce"), List.of("all"),
                asked, false, language, Optional.of(Organization.Channel.EMAIL), false,
                Organization.Origin.DIRECTORY);
    }

    static Organization organization() {
        return organization(List.of(), Optional.empty());
    }

    static Organization withoutPostalAddress() {
        return new Organization("nopost", "No Post Ltd", Optional.empty(), Optional.of("dpo@nopost.example"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of("all"),
                List.of(), false, Optional.empty(), Optional.empty(), false, Organization.Origin.DIRECTORY);
    }

    static Organization cnil() {
        return new Organization("frcnil", "Commission Nationale de l’Informatique et des Libertés – CNIL",
                Optional.of("3 Place de Fontenoy\nTSA 80715\n75334 PARIS CEDEX 07\nFrance"), Optional.empty(),
                Optional.of("+33 1 53 73 22 22"), Optional.empty(), Optional.of("https://www.cnil.fr/"),
                Optional.of("https://www.cnil.fr/fr/plaintes"), List.of(), List.of("fr"), List.of(), false,
                Optional.of("fr"), Optional.of(Organization.Channel.WEB_FORM), true, Organization.Origin.DIRECTORY);
    }
}
