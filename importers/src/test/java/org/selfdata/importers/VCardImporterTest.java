package org.selfdata.importers;

import org.selfdata.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.selfdata.model.Contact;
import org.selfdata.model.RecordTime;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VCardImporterTest {
    private final VCardImporter importer = new VCardImporter();

    @Test
    void readsTheRfc6350ExampleWithTelephoneUris() {
        Reading reading = Reading.of(importer, Corpus.file("vcard/rfc6350-example.vcf"));

        assertThat(reading.format()).isEqualTo("vcard");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Address book", "vCard contacts"));
        assertThat(reading.payloads(Contact.class)).containsExactly(new Contact("Simon Perreault", Optional.of("Simon"),
                Optional.of("Perreault"), Optional.of("Viagenie"), List.of("simon.perreault@viagenie.ca"),
                List.of("+1-418-656-9254 ext. 102", "+1-418-262-6501"),
                List.of("Suite D2-630, 2875 Laurier, Quebec, QC, G1V 2M2, Canada"), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(reading.positions()).containsExactly("line 1");
    }

    @Test
    void aCardWithoutRevisionHasNoTime() {
        Reading reading = Reading.of(importer, Corpus.file("vcard/rfc6350-example.vcf"));

        assertThat(reading.records().getFirst().time()).isEqualTo(RecordTime.untimed());
    }

    @Test
    void readsAnOutlookCardWithQuotedPrintableNotesAndItsRevision() {
        Reading reading = Reading.of(importer, Corpus.file("vcard/outlook-2007.vcf"));

        Contact contact = reading.payloads(Contact.class).getFirst();
        assertThat(contact.displayName()).isEqualTo("Mr. Michael Angstadt Jr.");
        assertThat(contact.givenName()).contains("Michael");
        assertThat(contact.familyName()).contains("Angstadt");
        assertThat(contact.organization()).contains("TheCompany, TheDepartment");
        assertThat(contact.phones()).containsExactly("(111) 555-1111", "(111) 555-2222", "(111) 555-4444", "(111) 555-3333");
        assertThat(contact.emails()).containsExactly("mike.angstadt@gmail.com");
        assertThat(contact.addresses()).containsExactly("TheOffice, 222 Broadway, New York, NY, 99999, USA");
        assertThat(contact.birthday()).contains(LocalDate.of(1922, 3, 10));
        assertThat(contact.note().orElseThrow()).startsWith("This is the NOTE field")
                .endsWith("It does not preserve the formatting");
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2012-08-01T18:46:31Z")));
    }

    @Test
    void readsEveryCardOfAnAndroidExportAndNamesNamelessCardsByTheirAddress() {
        Reading reading = Reading.of(importer, Corpus.file("vcard/John_Doe_ANDROID.vcf"));

        List<Contact> contacts = reading.payloads(Contact.class);
        assertThat(contacts).hasSize(6);
        assertThat(contacts.getFirst().displayName()).isEqualTo("john.doe@company.com");
        assertThat(contacts.get(1).displayName()).isEqualTo("jane.doe@company.com");
        assertThat(contacts.get(2).displayName()).isEqualTo("Ñ Ñ Ñ Ñ Ñ");
        assertThat(contacts.get(2).phones()).containsExactly("123456789");
        assertThat(contacts.getLast().phones()).containsExactly("55556666");
        assertThat(contacts.getLast().emails()).containsExactly("henry@company.com");
        assertThat(reading.positions()).containsExactly("line 1", "line 6", "line 11", "line 18", "line 36", "line 71");
    }

    @Test
    void readsAccentsInCp1252AndUtf8() {
        String card = "BEGIN:VCARD\nVERSION:3.0\nFN:Zoé Lefèvre\nN:Lefèvre;Zoé;;;\nTEL;TYPE=CELL:+33 6 12 34 56 78\n"
                + "UID:urn:uuid:0b6e2f7a-1111-4222-8333-944455556666\nREV:20250314T101500Z\nEND:VCARD\n";

        for (Charset charset : List.of(Charset.forName("windows-1252"), StandardCharsets.UTF_8)) {
            Reading reading = Reading.of(importer, card, charset);

            assertThat(reading.payloads(Contact.class)).containsExactly(new Contact("Zoé Lefèvre", Optional.of("Zoé"),
                    Optional.of("Lefèvre"), Optional.empty(), List.of(), List.of("+33 6 12 34 56 78"), List.of(),
                            Optional.empty(),
                    Optional.empty(), Optional.of("urn:uuid:0b6e2f7a-1111-4222-8333-944455556666")));
            assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2025-03-14T10:15:00Z")));
        }
    }

    @Test
    void readingTheSameCardsTwiceGivesTheSameRecords() {
        Reading first = Reading.of(importer, Corpus.file("vcard/John_Doe_ANDROID.vcf"));
        Reading second = Reading.of(importer, Corpus.file("vcard/John_Doe_ANDROID.vcf"));

        assertThat(second.records()).isEqualTo(first.records());
    }

    @Test
    void namesACardThatNeverEnds() {
        String cards = "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:B\n";

        assertThatThrownBy(() -> Reading.of(importer, cards, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 5: expected END:VCARD for the VCARD that begins here; the file ends first");
    }
}
