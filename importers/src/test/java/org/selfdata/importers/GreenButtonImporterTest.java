package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GreenButtonImporterTest {
    private static final String USAGE_POINT = """
            <entry><id>urn:uuid:11111111-2222-3333-4444-555555555555</id>
              <link rel="self" href="/espi/1_1/resource/RetailCustomer/7/UsagePoint/1"/>
              <link rel="up" href="/espi/1_1/resource/RetailCustomer/7/UsagePoint"/>
              <link rel="related" href="/espi/1_1/resource/RetailCustomer/7/UsagePoint/1/MeterReading"/>
              <content><UsagePoint xmlns="http://naesb.org/espi"><ServiceCategory><kind>KIND</kind></ServiceCategory>
              </UsagePoint></content></entry>
            """;
    private static final String METER_READING = """
            <entry><id>urn:uuid:mr</id>
              <link rel="self" href="/espi/1_1/resource/RetailCustomer/7/UsagePoint/1/MeterReading/1"/>
              <link rel="up" href="/espi/1_1/resource/RetailCustomer/7/UsagePoint/1/MeterReading"/>
              <link rel="related" href="/espi/1_1/resource/RetailCustomer/7/UsagePoint/1/MeterReading/1/IntervalBlock"/>
              <link rel="related" href="/espi/1_1/resource/ReadingType/9"/>
              <content><MeterReading xmlns="http://naesb.org/espi"/></content></entry>
            """;
    private static final String READING_TYPE = """
            <entry><id>urn:uuid:rt</id>
              <link rel="self" href="/espi/1_1/resource/ReadingType/9"/>
              <content><ReadingType xmlns="http://naesb.org/espi"><accumulationBehaviour>ACCUMULATION</accumulationBehaviour>
              <flowDirection>1</flowDirection><powerOfTenMultiplier>-3</powerOfTenMultiplier><uom>UNIT</uom></ReadingType>
              </content></entry>
            """;
    private static final String BLOCK = """
            <entry><id>urn:uuid:ib</id>
              <content><IntervalBlock xmlns="http://naesb.org/espi"><interval><duration>7200</duration>
              <start>1710000000</start></interval>
              <IntervalReading><cost>120</cost><timePeriod><duration>3600</duration><start>1710000000</start></timePeriod>
              <value>1500</value></IntervalReading>
              <IntervalReading><timePeriod><duration>3600</duration><start>1710003600</start></timePeriod>
              <value>VALUE</value></IntervalReading>
              </IntervalBlock></content>
              <link rel="up" href="/espi/1_1/resource/RetailCustomer/7/UsagePoint/1/MeterReading/1/IntervalBlock"/>
            </entry>
            """;

    private final GreenButtonImporter importer = new GreenButtonImporter();

    @Test
    void readsTheNineDaysOfHourlyReadingsOfTheOfficialSample() {
        Reading reading = Reading.of(importer, Corpus.file("greenbutton/TestGBDataHourlyNineDaysBinnedDaily.xml"));

        assertThat(reading.format()).isEqualTo("green-button");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Green Button", "Energy usage download"));
        assertThat(reading.records()).hasSize(216);
        assertThat(sum(reading)).isEqualTo(new BigDecimal("199563"));
        assertThat(reading.records().getFirst().payload()).isEqualTo(new EnergyReading("E2DCF5F0-810B-443F-9A2E-805BFA52D897",
                EnergyReading.Quantity.ENERGY, new BigDecimal("273"), Optional.of(60), Optional.empty()));
        assertThat(reading.records().getFirst().time()).isEqualTo(hour(1388552400L));
        assertThat(reading.records().getLast().time()).isEqualTo(hour(1389326400L));
        assertThat(reading.positions().getFirst()).isEqualTo("feed/entry[5]/content/IntervalBlock[1]/IntervalReading[1]");
        assertThat(reading.positions().getLast()).isEqualTo("feed/entry[13]/content/IntervalBlock[1]/IntervalReading[24]");
    }

    @Test
    void keepsTheShortAndLongDaysOfAYearOfDailyReadings() {
        Reading reading = Reading.of(importer, Corpus.file("greenbutton/TestGBDataOneYearDailyBinnedMonthly.xml"));

        assertThat(reading.records()).hasSize(444);
        assertThat(sum(reading)).isEqualTo(new BigDecimal("9917817"));
        assertThat(reading.payloads(EnergyReading.class).getFirst().value()).isEqualTo(new BigDecimal("21021"));
        assertThat(reading.records().getFirst().time().span().orElseThrow().start())
                .isEqualTo(Instant.ofEpochSecond(1357016400L));
        assertThat(reading.records().getLast().time().span().orElseThrow().start()).isEqualTo(Instant.ofEpochSecond(1395288000L));
        RecordDraft springForward = at(reading, "feed/entry[7]/content/IntervalBlock[1]/IntervalReading[10]");
        assertThat(springForward.time()).isEqualTo(TimeSpan.between(Instant.ofEpochSecond(1362891600L),
                Instant.ofEpochSecond(1362891600L + 82800)));
        assertThat(((EnergyReading) springForward.payload()).intervalMinutes()).contains(1380);
        assertThat(((EnergyReading) springForward.payload()).value()).isEqualTo(new BigDecimal("25389"));
        RecordDraft fallBack = at(reading, "feed/entry[15]/content/IntervalBlock[1]/IntervalReading[3]");
        assertThat(((EnergyReading) fallBack.payload()).intervalMinutes()).contains(1500);
    }

    @Test
    void readsTheFifteenMinuteReadingsOfTheOpenEspiFixture() {
        Reading reading = Reading.of(importer, Corpus.file("greenbutton/openespi__test_usage_data_01.xml"));

        assertThat(reading.records()).hasSize(96);
        assertThat(sum(reading)).isEqualTo(new BigDecimal("93846"));
        List<EnergyReading> readings = reading.payloads(EnergyReading.class);
        assertThat(readings.getFirst().value()).isEqualTo(new BigDecimal("282"));
        assertThat(readings.getFirst().meter()).isEqualTo("48C2A019-5598-4E16-B0F9-49E4FF27F5FB");
        assertThat(readings.getFirst().intervalMinutes()).contains(15);
        assertThat(readings.getLast().value()).isEqualTo(new BigDecimal("324"));
        assertThat(reading.records().getLast().time()).isEqualTo(TimeSpan.between(Instant.ofEpochSecond(1330663500L),
                Instant.ofEpochSecond(1330663500L + 900)));
    }

    @Test
    void linksEntriesByTheirHrefsWhateverTheirOrder() throws Exception {
        String original = Files.readString(Corpus.file("greenbutton/TestGBDataOneYearDailyBinnedMonthly.xml"));
        Matcher entries = Pattern.compile("<entry>.*?</entry>", Pattern.DOTALL).matcher(original);
        List<String> found = new ArrayList<>();
        int first = -1;
        int last = 0;
        while (entries.find()) {
            found.add(entries.group());
            first = first < 0 ? entries.start() : first;
            last = entries.end();
        }
        Collections.reverse(found);
        String reversed = original.substring(0, first) + String.join("\n", found) + original.substring(last);

        Reading inOrder = Reading.of(importer, Corpus.file("greenbutton/TestGBDataOneYearDailyBinnedMonthly.xml"));
        Reading shuffled = Reading.of(importer, reversed, StandardCharsets.UTF_8);

        assertThat(found).hasSize(20);
        assertThat(shuffled.records()).hasSize(444);
        assertThat(shuffled.payloads(EnergyReading.class)).containsExactlyInAnyOrderElementsOf(
                inOrder.payloads(EnergyReading.class));
        assertThat(shuffled.positions().getFirst()).isEqualTo("feed/entry[2]/content/IntervalBlock[1]/IntervalReading[1]");
    }

    @Test
    void readsBlocksWhoseDescriptionComesAfterThemAndLinksAfterTheirContent() {
        Reading reading = Reading.of(importer, feed(BLOCK.replace("VALUE", "2250"), READING_TYPE, METER_READING,
                USAGE_POINT), StandardCharsets.UTF_8);

        assertThat(reading.payloads(EnergyReading.class)).containsExactly(
                new EnergyReading("11111111-2222-3333-4444-555555555555", EnergyReading.Quantity.ENERGY,
                        new BigDecimal("1.500"), Optional.of(60), Optional.empty()),
                new EnergyReading("11111111-2222-3333-4444-555555555555", EnergyReading.Quantity.ENERGY,
                        new BigDecimal("2.250"), Optional.of(60), Optional.empty()));
        assertThat(reading.records().getLast().time()).isEqualTo(hour(1710003600L));
    }

    @Test
    void readsARegisterIndexAtTheEndOfItsPeriod() {
        String readingType = READING_TYPE.replace("ACCUMULATION", "1")
                .replace("<powerOfTenMultiplier>-3", "<powerOfTenMultiplier>3");

        Reading reading = Reading.of(importer, feed(USAGE_POINT, METER_READING, readingType, BLOCK.replace("VALUE", "7")),
                StandardCharsets.UTF_8);

        assertThat(reading.payloads(EnergyReading.class)).extracting(EnergyReading::quantity, EnergyReading::value,
                EnergyReading::intervalMinutes).containsExactly(
                        tuple(EnergyReading.Quantity.INDEX, new BigDecimal("1500000"), Optional.empty()),
                        tuple(EnergyReading.Quantity.INDEX, new BigDecimal("7000"), Optional.empty()));
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.at(Instant.ofEpochSecond(1710003600L)));
    }

    @Test
    void rejectsOneReadingWithoutAValueAndReadsOn() {
        String feed = feed(USAGE_POINT, METER_READING, READING_TYPE, BLOCK.replace("VALUE", "lots"),
                BLOCK.replace("VALUE", "3000"));

        List<ImportItem> items = items(feed);

        assertThat(items).hasSize(4);
        assertThat(items.get(1)).isEqualTo(new Rejection(Position.elementPath(
                "feed/entry[4]/content/IntervalBlock[1]/IntervalReading[2]"),
                "expected a timePeriod with a start and a duration in seconds, and a whole value"));
        assertThat(items.get(3)).isInstanceOf(RecordDraft.class);
        assertThatThrownBy(() -> Reading.of(importer, feed, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("feed/entry[4]/content/IntervalBlock[1]/IntervalReading[2]: expected a timePeriod with a start "
                        + "and a duration in seconds, and a whole value");
    }

    @Test
    void rejectsTheBlocksOfAGasMeterAndOfAnUnknownUnit() {
        List<ImportItem> gas = items(feed(USAGE_POINT.replace("KIND", "1"), METER_READING, READING_TYPE,
                BLOCK.replace("VALUE", "1")));
        List<ImportItem> therms = items(feed(USAGE_POINT, METER_READING, READING_TYPE.replace("UNIT", "169"),
                BLOCK.replace("VALUE", "1")));

        assertThat(gas).containsExactly(new Rejection(Position.elementPath(
                "feed/entry[4]/content/IntervalBlock[1]"), "expected a usage point of electricity (ServiceCategory kind 0)"));
        assertThat(therms).containsExactly(new Rejection(Position.elementPath(
                "feed/entry[4]/content/IntervalBlock[1]"), "expected a reading type in watt-hours (uom 72) or watts (uom 38)"));
    }

    @Test
    void rejectsABlockWhoseMeterReadingNeverComes() {
        List<ImportItem> items = items(feed(USAGE_POINT, READING_TYPE, BLOCK.replace("VALUE", "1")));

        assertThat(items).containsExactly(new Rejection(Position.elementPath(
                "feed/entry[3]/content/IntervalBlock[1]"),
                "expected the MeterReading, ReadingType and UsagePoint entries that this block's links lead to"));
    }

    @Test
    void refusesADocumentTypeDeclarationAndNeverReadsExternalEntities() {
        String feed = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n"
                + feed(USAGE_POINT, METER_READING, READING_TYPE, BLOCK.replace("VALUE", "&secret;"));

        assertThatThrownBy(() -> Reading.of(importer, feed, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessageContaining("expected well-formed XML without a DTD")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void namesTheEntryWhereTheFileIsCut() {
        String feed = feed(USAGE_POINT, METER_READING, READING_TYPE, BLOCK.replace("VALUE", "1"));
        String cut = feed.substring(0, feed.indexOf("<value>1</value>"));

        assertThatThrownBy(() -> Reading.of(importer, cut, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("feed/entry[4]/content/IntervalBlock[1] (line ");
    }

    @Test
    void refusesAnXmlDocumentThatIsNotAFeed() {
        assertThatThrownBy(() -> Reading.of(importer, "<Document/>", StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 1: expected an Atom feed of Green Button entries");
    }

    @Test
    void streamsAMillionReadingsWithoutHoldingThem() {
        int blocks = 1_000;
        int readingsPerBlock = 1_000;
        String head = feed(USAGE_POINT, METER_READING, READING_TYPE);
        Iterator<InputStream> parts = IntStream.rangeClosed(0, blocks + 1).mapToObj(part -> {
            if (part == 0) {
                return head.substring(0, head.lastIndexOf("</feed>"));
            }
            if (part > blocks) {
                return "</feed>\n";
            }
            StringBuilder block = new StringBuilder("<entry><link rel=\"up\" href=\"/espi/1_1/resource/RetailCustomer/7/"
                    + "UsagePoint/1/MeterReading/1/IntervalBlock\"/><content><IntervalBlock xmlns=\"http://naesb.org/espi\">");
            for (int reading = 0; reading < readingsPerBlock; reading++) {
                long start = 1_700_000_000L + 900L * ((long) (part - 1) * readingsPerBlock + reading);
                block.append("<IntervalReading><timePeriod><duration>900</duration><start>").append(start)
                        .append("</start></timePeriod><value>2</value></IntervalReading>");
            }
            return block.append("</IntervalBlock></content></entry>\n").toString();
        }).map(text -> (InputStream) new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).iterator();

        LongSummaryStatistics milliwattHours;
        try (ParsedFile file = importer.open(new SequenceInputStream(lazily(parts)), Reading.PARIS);
                Stream<RecordDraft> records = file.records()) {
            milliwattHours = records.mapToLong(record -> ((EnergyReading) record.payload()).value().movePointRight(3)
                    .longValueExact()).summaryStatistics();
        }

        assertThat(milliwattHours.getCount()).isEqualTo(1_000_000L);
        assertThat(milliwattHours.getSum()).isEqualTo(2_000_000L);
    }

    @Test
    void isRecognizedByItsNamespaceWhateverItsName() {
        byte[] head = feed(USAGE_POINT).getBytes(StandardCharsets.UTF_8);

        assertThat(Importers.standard().detect(new Sniff("download.bin", head))).map(Importer::format).contains("green-button");
        assertThat(importer.detect(new Sniff("Green_Button_Data.xml", new byte[0]))).isEqualTo(Detection.BY_NAME);
        assertThat(importer.detect(new Sniff("statement.xml", "<Document xmlns=\"urn:iso:std:iso:20022\"/>"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo(Detection.NO);
    }

    /** The parts are made as the sequence reaches them, so that the test holds no more of the file than the importer. */
    private static Enumeration<InputStream> lazily(Iterator<InputStream> parts) {
        return new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return parts.next();
            }
        };
    }

    private List<ImportItem> items(String feed) {
        try (ParsedFile file = importer.open(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            return file.items().toList();
        }
    }

    /** A feed whose blocks come before the entries describing them, one reading in them unreadable. */
    static String[] shuffledEntries() {
        return new String[] {BLOCK.replace("VALUE", "2250"), READING_TYPE, BLOCK.replace("VALUE", "x"), METER_READING,
            USAGE_POINT};
    }

    static String feed(String... entries) {
        return "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<id>urn:uuid:feed</id>\n"
                + String.join("", entries).replace("KIND", "0").replace("ACCUMULATION", "4").replace("UNIT", "72")
                + "</feed>\n";
    }

    private static TimeSpan hour(long start) {
        return TimeSpan.between(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + 3600));
    }

    private static BigDecimal sum(Reading reading) {
        return reading.payloads(EnergyReading.class).stream().map(EnergyReading::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static RecordDraft at(Reading reading, String position) {
        return reading.records().stream().filter(record -> record.position().value().equals(position)).findFirst().orElseThrow();
    }
}
