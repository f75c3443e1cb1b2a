package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.Contact;
import org.selfdata.model.ImportItem;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordTime;
import org.selfdata.model.Rejection;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every vCard of the corpus, its values read off the files by hand, and the vCard pitfalls of FORMATS.md. */
class VCardCorpusTest {
    private final VCardImporter importer = new VCardImporter();

    @Test
    void readsAnEvolutionCardWithFoldedPhonesAndEscapedCommas() {
        Reading reading = Reading.of(importer, Corpus.file("vcard/John_Doe_EVOLUTION.vcf"));

        assertThat(reading.payloads(Contact.class)).containsExactly(new Contact("Mr. John Richter, James Doe Sr.",
                Optional.of("John"), Optional.of("Doe"), Optional.of("IBM, Accounting, Dungeon"), List.of("john.doe@ibm.com"),
                List.of("905-666-1234", "905-555-1234"),
                List.of("ASB-123, 15 Crescent moon drive, Albaney, New York, 12345, United States of America"),
                Optional.of(LocalDate.of(1980, 3, 22)), reading.payloads(Contact.class).getFirst().note(),
                Optional.of("477343c8e6bf375a9bac1f96a5000837")));
        assertThat(reading.payloads(Contact.class).getFirst().note().orElseThrow())
                .startsWith("THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\"")
                .contains("WARRANTIES, INCLUDING, BUT NOT LIMITED TO").contains("SERVICES; LOSS OF USE")
                .endsWith("ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.");
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2012-03-05T13:32:54Z")));
    }

    @Test
    void readsAGmailCardWithANewlineInsideItsAddress() {
        Reading reading = Reading.of(importer, Corpus.file("vcard/John_Doe_GMAIL.vcf"));

        Contact contact = reading.payloads(Contact.class).getFirst();
        assertThat(contact.displayName()).isEqualTo("Mr. John Richter, James Doe Sr.");
        assertThat(contact.emails()).containsExactly("john.doe@ibm.com");
        assertThat(contact.phones()).containsExactly("905-555-1234", "905-666-1234");
        assertThat(contact.organization()).contains("IBM");
        assertThat(contact.birthday()).contains(LocalDate.of(1980, 3, 22));
        assertThat(contact.addresses()).containsExactly(
                "Crescent moon drive\n555-asd\nNice Area, Albaney, New York 12345\nUnited States of America");
        assertThat(contact.note().orElseThrow()).endsWith("SUCH DAMAGE.\nFavotire Color: Blue");
        assertThat(reading.records().getFirst().time()).isEqualTo(RecordTime.untimed());
    }

    @Test
    void readsAnOutlookVersion21CardAndLeavesItsPhotoOut() {
        Reading reading = Reading.of(importer, Corpus.file("vcard/John_Doe_MS_OUTLOOK.vcf"));

        Contact contact = reading.payloads(Contact.class).getFirst();
        assertThat(contact.displayName()).isEqualTo("Mr. John Richter James Doe Sr.");
        assertThat(contact.givenName()).contains("John");
        assertThat(contact.familyName()).contains("Doe");
        assertThat(contact.organization()).contains("IBM, Accounting");
        assertThat(contact.phones()).containsExactly("(905) 555-1234", "(905) 666-1234");
        assertThat(contact.emails()).containsExactly("john.doe@ibm.cm");
        assertThat(contact.addresses()).containsExactly(
                "Cresent moon drive, Albaney, New York, 12345, United States of America",
                "Silicon Alley 5,, New York, New York, 12345, United States of America");
        assertThat(contact.birthday()).contains(LocalDate.of(1980, 3, 22));
        assertThat(contact.note().orElseThrow()).startsWith("THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS''");
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2012-03-05T13:19:33Z")));
    }

    @Test
    void readsEachCardOfAGmailList() {
        Reading reading = Reading.of(importer, Corpus.file("vcard/gmail-list.vcf"));

        assertThat(reading.payloads(Contact.class)).extracting(Contact::displayName, Contact::givenName, Contact::familyName,
                Contact::emails).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Arnold Smith", Optional.of("Arnold"), Optional.of("Smith"),
                                List.of("asmithk@gmail.com")),
                        org.assertj.core.groups.Tuple.tuple("Chris Beatle", Optional.of("Chris"), Optional.of("Beatle"),
                                List.of("chrisy55d@yahoo.com")),
                        org.assertj.core.groups.Tuple.tuple("Doug White", Optional.of("Doug"), Optional.of("White"),
                                List.of("dwhite@gmail.com")));
        assertThat(reading.positions()).containsExactly("line 1", "line 7", "line 13");
    }

    @Test
    void readsTheRfc2426ExampleWithItsLowerCaseComponentNames() {
        Reading reading = Reading.of(importer, Corpus.file("vcard/rfc2426-example.vcf"));

        assertThat(reading.payloads(Contact.class)).containsExactly(
                new Contact("Frank Dawson", Optional.empty(), Optional.empty(), Optional.of("Lotus Development Corporation"),
                        List.of("Frank_Dawson@Lotus.com", "fdawson@earthlink.net"), List.of("+1-919-676-9515", "+1-919-676-9564"),
                        List.of("6544 Battleford Drive, Raleigh, NC, 27613-3502, U.S.A."), Optional.empty(), Optional.empty(),
                        Optional.empty()),
                new Contact("Tim Howes", Optional.empty(), Optional.empty(), Optional.of("Netscape Communications Corp."),
                        List.of("howes@netscape.com"), List.of("+1-415-937-3419", "+1-415-528-4164"),
                        List.of("501 E. Middlefield Rd., Mountain View, CA, 94043, U.S.A."), Optional.empty(), Optional.empty(),
                        Optional.empty()));
        assertThat(reading.positions()).containsExactly("line 1", "line 13");
    }

    @Test
    void decodesQuotedPrintableUtf8AcrossSoftLineBreaksUpToTheBlankLineThatEndsThem() {
        List<Contact> contacts = Reading.of(importer, Corpus.file("vcard/John_Doe_ANDROID.vcf")).payloads(Contact.class);

        Contact fourth = contacts.get(3);
        assertThat(fourth.displayName()).isEqualTo("Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ");
        assertThat(fourth.phones()).containsExactly("123456", "234567", "3456789", "45678901");
        String note = "Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ";
        assertThat(fourth.note()).contains(note + "\n" + note);
        Contact fifth = contacts.get(4);
        assertThat(fifth.displayName()).isEqualTo("Ñ Ñ Ñ Ñ");
        assertThat(fifth.familyName()).contains("Ñ Ñ");
        assertThat(fifth.givenName()).contains("Ñ Ñ Ñ");
        assertThat(fifth.emails()).containsExactly("bob@company.com", "Ñ".repeat(14));
        assertThat(fifth.organization()).contains("Ñ".repeat(12));
        assertThat(fifth.phones()).containsExactly("123456", "123456", "123456");
        assertThat(contacts.getLast().organization()).contains("Ñ".repeat(44));
    }

    @Test
    void decodesQuotedPrintableInTheCharsetItsParameterNames() {
        String card = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Lef=E8vre;Ren=E9e\r\n"
                + "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Ren=E9e Lef=\r\n=E8vre\r\n"
                + "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9 =\r\ncr=C3=A8me\r\nEND:VCARD\r\n";

        Contact contact = Reading.of(importer, card, StandardCharsets.US_ASCII).payloads(Contact.class).getFirst();

        assertThat(contact.displayName()).isEqualTo("Renée Lefèvre");
        assertThat(contact.givenName()).contains("Renée");
        assertThat(contact.familyName()).contains("Lefèvre");
        assertThat(contact.note()).contains("Café crème");
    }

    @Test
    void readsPropertiesInAppleItemGroups() {
        String card = """
                BEGIN:VCARD
                VERSION:3.0
                N:Martin;Léa;;;
                FN:Léa Martin
                item1.EMAIL;type=INTERNET;type=pref:lea.martin@example.org
                item1.X-ABLabel:_$!<Other>!$_
                item2.TEL;type=pref:+33 6 98 76 54 32
                item2.X-ABLabel:portable
                item3.ADR;type=HOME:;;12 rue des Lilas;Lyon;;69003;France
                item3.X-ABADR:fr
                item4.URL:https\\://example.org
                END:VCARD
                """;

        Contact contact = Reading.of(importer, card, StandardCharsets.UTF_8).payloads(Contact.class).getFirst();

        assertThat(contact.emails()).containsExactly("lea.martin@example.org");
        assertThat(contact.phones()).containsExactly("+33 6 98 76 54 32");
        assertThat(contact.addresses()).containsExactly("12 rue des Lilas, Lyon, 69003, France");
    }

    @Test
    void joinsACharacterThatAFoldCutInTwo() {
        byte[] card = concat(Fuzzing.bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo"), new byte[] {(byte) 0xC3, '\r', '\n', ' ',
                (byte) 0xA9}, Fuzzing.bytes(" L\r\n ef\u00E8vre\r\nEND:VCARD\r\n"));

        Contact contact = Reading.of(importer, new ByteArrayInputStream(card)).payloads(Contact.class).getFirst();

        assertThat(contact.displayName()).isEqualTo("Zoé Lefèvre");
    }

    @Test
    void skipsAVersion21PhotoOfTwentyMegabytesWithoutHoldingIt() throws IOException {
        String head = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Photo Graphe\r\nPHOTO;JPEG;ENCODING=BASE64:\r\n";
        byte[] line = Fuzzing.bytes("/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAIBAQEBAQIBAQEBAgICAgICAgUEBAMEBgUGBgYF\r\n");
        String tail = "\r\nTEL;CELL:0612345678\r\nEND:VCARD\r\n";
        int lines = 20 * 1024 * 1024 / line.length;
        InputStream photo = new SequenceInputStream(Collections.enumeration(Collections.nCopies(lines, line).stream()
                .map(bytes -> (InputStream) new ByteArrayInputStream(bytes)).toList()));
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(Fuzzing.bytes(head)),
                photo, new ByteArrayInputStream(Fuzzing.bytes(tail)))));

        Contact contact = Reading.of(importer, in).payloads(Contact.class).getFirst();

        assertThat(contact.displayName()).isEqualTo("Photo Graphe");
        assertThat(contact.phones()).containsExactly("0612345678");
    }

    @Test
    void rejectsOneCardThatCannotBeReadAndReadsTheNextInALenientImport() {
        String cards = """
                BEGIN:VCARD
                VERSION:3.0
                FN:Avant
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Fuseau
                TZ:+99:99
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Après
                END:VCARD
                """;

        InputStream in = new ByteArrayInputStream(cards.getBytes(StandardCharsets.UTF_8));
        try (ParsedFile file = importer.open(in, Reading.PARIS)) {
            List<ImportItem> items = file.items().toList();

            assertThat(items).hasSize(3);
            assertThat(((Contact) ((RecordDraft) items.getFirst()).payload()).displayName()).isEqualTo("Avant");
            assertThat(items.get(1)).isInstanceOfSatisfying(Rejection.class,
                    rejection -> assertThat(rejection.message()).startsWith("line 5: expected a readable vCard"));
            assertThat(((Contact) ((RecordDraft) items.getLast()).payload()).displayName()).isEqualTo("Après");
        }
    }

    @Test
    void leavesTheLicenceOfTheSamplesToNoImporter() throws IOException {
        byte[] licence = Files.readAllBytes(Corpus.file("vcard/vcard-samples-license.txt"));

        assertThat(importer.detect(new Sniff("vcard-samples-license.txt", licence))).isEqualTo(Detection.NO);
        assertThat(Importers.standard().detect(new Sniff("vcard-samples-license.txt", licence))).isEmpty();
    }

    @Test
    void isPickedForEveryCorpusCardAndClaimsNoCalendar() throws IOException {
        for (String name : List.of("John_Doe_ANDROID.vcf", "John_Doe_EVOLUTION.vcf", "John_Doe_GMAIL.vcf",
                "John_Doe_MS_OUTLOOK.vcf", "gmail-list.vcf", "outlook-2007.vcf", "rfc2426-example.vcf", "rfc6350-example.vcf")) {
            byte[] head = Files.readAllBytes(Corpus.file("vcard/" + name));
            assertThat(Importers.standard().detect(new Sniff("export.dat", head))).map(Importer::format).contains("vcard");
        }
        byte[] calendar = Files.readAllBytes(Corpus.file("icalendar/example.ics"));
        assertThat(importer.detect(new Sniff("example.ics", calendar))).isEqualTo(Detection.NO);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
