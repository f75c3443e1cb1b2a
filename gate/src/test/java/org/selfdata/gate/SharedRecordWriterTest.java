package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.BatchId;
import org.selfdata.model.Category;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Contact;
import org.selfdata.model.Document;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Position;
import org.selfdata.model.Precision;
import org.selfdata.model.Provenance;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordTime;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SocialMessage;
import org.selfdata.model.SocialPost;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimePrecision;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.gate.StoredRecords.at;
import static org.selfdata.gate.StoredRecords.during;
import static org.selfdata.gate.StoredRecords.json;
import static org.selfdata.gate.StoredRecords.raw;
import static org.selfdata.gate.StoredRecords.writer;

class SharedRecordWriterTest {
    /** Region, banded amounts, day, pseudonyms: a typical grant to a third-party app. */
    private static final Precision REDUCED = new Precision(LocationPrecision.REGION, AmountPrecision.BANDED,
            TimePrecision.DAY, IdentifierPrecision.PSEUDONYMIZED);

    private static final String DAY_INSTANT = "'start':'2025-03-13T23:00:00Z','end':'2025-03-13T23:00:00Z'";
    private static final String DAY_SPAN = "'start':'2025-03-13T23:00:00Z','end':'2025-03-14T23:00:00Z'";
    private static final String EXACT_INSTANT = "'start':'2025-03-14T11:42:05.123Z','end':'2025-03-14T11:42:05.123Z'";
    private static final String EXACT_SPAN = "'start':'2025-03-14T11:42:05.123Z','end':'2025-03-14T13:10:00Z'";

    private static final GeoPoint POINT = new GeoPoint(45.7578, 4.8320, Optional.of(12), Optional.of(171.5),
            Optional.of("GPS"), Optional.of("WALKING"), Optional.of("1234567"));
    private static final GeoVisit VISIT = new GeoVisit(45.7797, 4.8664, Optional.of("Campus LyonTech-La Doua"),
            Optional.of("Villeurbanne"), Optional.of("ChIJ1"), Optional.of("WORK"), Optional.of(0.9));
    private static final GeoTrip TRIP = new GeoTrip(45.7578, 4.8320, 48.8566, 2.3522, Optional.of("IN_TRAIN"),
            Optional.of(465_000L), List.of(new GeoTrip.Waypoint(45.76, 4.84), new GeoTrip.Waypoint(46.31, 4.83),
                    new GeoTrip.Waypoint(47.32, 5.04), new GeoTrip.Waypoint(48.85, 2.35)));
    private static final BankAccount ACCOUNT = new BankAccount("00012345678", Optional.of("FR7630006000011234567890189"),
            Optional.of("30006"), Optional.of("00001"), BankAccount.Kind.CHECKING, "EUR", Optional.of("Compte courant"),
            Optional.of(new BigDecimal("1234.56")), Optional.of(LocalDate.of(2025, 3, 31)));
    private static final BankTransaction TRANSACTION = new BankTransaction("00012345678", LocalDate.of(2025, 3, 14),
            Optional.of(LocalDate.of(2025, 3, 15)), new BigDecimal("-3.30"), "EUR", "CB CROUS LYON",
            Optional.of("CROUS"), Optional.of("FIT-1"), Optional.of("repas"), Optional.of("DEBIT"),
            Optional.of("Alimentation"));
    private static final EnergyReading READING = new EnergyReading("09876543210987", EnergyReading.Quantity.ENERGY,
            new BigDecimal("135"), Optional.of(30), Optional.of("HP"));
    private static final Contact CONTACT = new Contact("Camille Martin", Optional.of("Camille"), Optional.of("Martin"),
            Optional.of("Université Lyon 1"), List.of("camille@example.org"), List.of("+33 6 12 34 56 78"),
            List.of("1 rue X, Lyon"), Optional.of(LocalDate.of(2003, 5, 17)), Optional.of("TD partner"),
            Optional.of("uid-1"));
    private static final CalendarEvent EVENT = new CalendarEvent("ev-1@example.org", "Partiel d'algèbre",
            Optional.of("Amphi 3"), Optional.of("Bâtiment Nautibus"), false, Optional.of("Europe/Paris"),
            Optional.of("FREQ=WEEKLY;COUNT=3"), Optional.of("CONFIRMED"), Optional.of("prof@example.org"),
            List.of("camille@example.org"));
    private static final SocialMessage MESSAGE = new SocialMessage("messenger", "Coloc", "Camille Martin",
            Optional.of("À ce soir"), List.of("photo_1.jpg"));
    private static final SocialPost POST = new SocialPost("facebook", "post", Optional.of("Vacances !"),
            Optional.of("https://example.org/p/1"), List.of("plage.jpg"));
    private static final Document DOCUMENT = new Document("Avis d'imposition 2025", "application/pdf", 48_213,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Optional.of("Revenu fiscal"));

    @Test
    void aRecordWithoutATimeHasNoTimeFieldsAtAnyPrecision() {
        StoredRecord undated = new StoredRecord(new RecordId(RecordType.CONTACT, RecordId.UNTIMED_MILLIS, 7),
                Category.CONTACT, RecordTime.untimed(), new Provenance(SourceId.of(3), BatchId.of(5), Position.line(42)), 1, 1,
                PayloadCodec.encode(CONTACT));

        for (Precision precision : List.of(Precision.EXACT, REDUCED)) {
            JsonNode shared = JsonMapper.builder().build().readTree(writer(precision).toJson(undated));
            JsonNode timed = JsonMapper.builder().build().readTree(writer(precision).toJson(at(CONTACT)));
            assertThat(shared.propertyNames()).containsExactly("id", "type", "category", "payload");
            assertThat(shared.get("payload")).isEqualTo(timed.get("payload"));
        }
    }

    @Test
    void exactPointKeepsEveryFieldButTheRecordIdAndProvenance() {
        assertThat(writer(Precision.EXACT).toJson(at(POINT))).isEqualTo(json(
                "{'id':'D5MMenpNhInVqoEpfN4ZEw','type':'geo.point','category':'pd:GPSCoordinate'," + EXACT_INSTANT
                + ",'payload':{'latitude':45.7578,'longitude':4.832,'accuracyMeters':12,'altitudeMeters':171.5,"
                + "'origin':'GPS','activity':'WALKING','device':'1234567'}}"));
    }

    @Test
    void pointAtRegionIsItsRegionWithoutAccuracyOrAltitude() {
        assertThat(writer(REDUCED).toJson(at(POINT))).isEqualTo(json(
                "{'id':'D5MMenpNhInVqoEpfN4ZEw','type':'geo.point','category':'pd:GPSCoordinate'," + DAY_INSTANT
                + ",'payload':{'area':{'level':'region','code':'FR-ARA','name':'Auvergne-Rhône-Alpes'},"
                + "'origin':'GPS','activity':'WALKING','device':'AAXZTybH_rdP3AMarl7qUg'}}"));
    }

    @Test
    void pointAtAnH3ResolutionIsTheCellIndexOnly() {
        GeoPoint sanFrancisco = GeoPoint.of(37.775938728915946, -122.41795063018799);
        assertThat(writer(Precision.EXACT.withLocation(LocationPrecision.h3(9))).toJson(at(sanFrancisco)))
                .contains(json("'payload':{'area':{'level':'h3','resolution':9,'cell':'8928308280fffff'}}"));
    }

    @Test
    void pointAtCountryAndAtNone() {
        assertThat(writer(REDUCED.withLocation(LocationPrecision.COUNTRY)).toJson(at(POINT)))
                .endsWith(json("'payload':{'area':{'level':'country','code':'FR','name':'France'},"
                        + "'origin':'GPS','activity':'WALKING','device':'AAXZTybH_rdP3AMarl7qUg'}}"));
        assertThat(writer(REDUCED.withLocation(LocationPrecision.NONE)).toJson(at(POINT)))
                .endsWith(json("'payload':{'origin':'GPS','activity':'WALKING','device':'AAXZTybH_rdP3AMarl7qUg'}}"));
    }

    @Test
    void visitAtDepartmentLeavesOutPlaceNameAddressAndPlaceIdEvenWhenNamed() {
        assertThat(writer(REDUCED.withLocation(LocationPrecision.DEPARTMENT), "placeName", "address")
                .toJson(during(VISIT))).isEqualTo(json(
                "{'id':'vZRfB0JtiKsu7b4R1ngCBQ','type':'geo.visit','category':'pd:Location'," + DAY_SPAN
                + ",'payload':{'area':{'level':'department','code':'FR-69','name':'Rhône'},"
                + "'semanticType':'WORK','confidence':0.9}}"));
    }

    @Test
    void exactVisitWritesPlaceTextOnlyWhenNamed() {
        assertThat(writer(Precision.EXACT).toJson(during(VISIT))).endsWith(json(
                "'payload':{'latitude':45.7797,'longitude':4.8664,'placeId':'ChIJ1','semanticType':'WORK',"
                + "'confidence':0.9}}"));
        assertThat(writer(Precision.EXACT, "placeName").toJson(during(VISIT))).endsWith(json(
                "'payload':{'latitude':45.7797,'longitude':4.8664,'placeName':'Campus LyonTech-La Doua',"
                + "'placeId':'ChIJ1','semanticType':'WORK','confidence':0.9}}"));
    }

    @Test
    void tripAtRegionHasStartEndAndItsPathAsRegionsWithRepeatsCollapsed() {
        assertThat(writer(REDUCED).toJson(during(TRIP))).isEqualTo(json(
                "{'id':'28ble3WjtRmTl8T02nHHyQ','type':'geo.trip','category':'pd:TravelHistory'," + DAY_SPAN
                + ",'payload':{'start':{'level':'region','code':'FR-ARA','name':'Auvergne-Rhône-Alpes'},"
                + "'end':{'level':'region','code':'FR-IDF','name':'Île-de-France'},"
                + "'mode':'IN_TRAIN','waypoints':["
                + "{'level':'region','code':'FR-ARA','name':'Auvergne-Rhône-Alpes'},"
                + "{'level':'region','code':'FR-BFC','name':'Bourgogne-Franche-Comté'},"
                + "{'level':'region','code':'FR-IDF','name':'Île-de-France'}]}}"));
    }

    @Test
    void aTripsLengthGoesOnlyWithItsExactPoints() {
        assertThat(writer(Precision.EXACT.withLocation(LocationPrecision.h3(9))).toJson(during(TRIP)))
                .doesNotContain("distanceMeters");
        assertThat(writer(Precision.EXACT).toJson(during(TRIP))).contains(json("'distanceMeters':465000"));
    }

    @Test
    void aCategoryTheFileSpellsItsOwnWayIsWrittenAsItsListSpellsIt() {
        GeoTrip byCar = new GeoTrip(45.7578, 4.832, 48.8566, 2.3522, Optional.of("in passenger vehicle"), Optional.empty(),
                List.of());
        assertThat(writer(REDUCED).toJson(during(byCar))).contains(json("'mode':'IN_PASSENGER_VEHICLE'"));
    }

    @Test
    void aValueOffItsCategorysListIsLeftOut() {
        GeoTrip withLinda = new GeoTrip(45.7578, 4.832, 48.8566, 2.3522, Optional.of("vélo avec Linda"), Optional.empty(),
                List.of());
        BankTransaction transferToLinda = new BankTransaction("00012345678", LocalDate.of(2025, 3, 14), Optional.empty(),
                new BigDecimal("-50.00"), "EUR", "VIR LINDA", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Remboursement Linda"), Optional.of("[linda]"));

        assertThat(writer(Precision.EXACT).toJson(during(withLinda))).doesNotContain("mode").doesNotContain("Linda");
        assertThat(writer(Precision.EXACT).toJson(at(transferToLinda))).doesNotContain("kind").doesNotContain("linda")
                .doesNotContain("Linda");
    }

    @Test
    void aQifCategoryThePersonTypedGoesOnlyWhenNamed() {
        BankTransaction transferToLinda = new BankTransaction("00012345678", LocalDate.of(2025, 3, 14), Optional.empty(),
                new BigDecimal("-50.00"), "EUR", "VIR", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("XFER"), Optional.of("[linda]"));

        assertThat(writer(Precision.EXACT).toJson(at(transferToLinda))).endsWith(json("'kind':'XFER'}}"));
        assertThat(writer(Precision.EXACT, "bankCategory").toJson(at(transferToLinda)))
                .endsWith(json("'kind':'XFER','bankCategory':'[linda]'}}"));
    }

    @Test
    void exactTripKeepsItsCoordinates() {
        assertThat(writer(Precision.EXACT).toJson(during(TRIP))).endsWith(json(
                "'payload':{'startLatitude':45.7578,'startLongitude':4.832,'endLatitude':48.8566,'endLongitude':2.3522,"
                + "'mode':'IN_TRAIN','distanceMeters':465000,'waypoints':[{'latitude':45.76,'longitude':4.84},"
                + "{'latitude':46.31,'longitude':4.83},{'latitude':47.32,'longitude':5.04},"
                + "{'latitude':48.85,'longitude':2.35}]}}"));
    }

    @Test
    void transactionBandedByDayWithPseudonymsAndNoFreeText() {
        assertThat(writer(REDUCED).toJson(at(TRANSACTION))).isEqualTo(json(
                "{'id':'xgjqafqrUYuOFMGIlEmN7A','type':'bank.transaction','category':'pd:Transaction'," + DAY_INSTANT
                + ",'payload':{'account':'N_1DrAjWnbC7o3aW1npHDQ','bookingDate':'2025-03-14','valueDate':'2025-03-15',"
                + "'amount':{'sign':-1,'from':0,'to':10},'currency':'EUR','reference':'izX11JqDMAA6T8Bd0BMmxg',"
                + "'kind':'DEBIT'}}"));
    }

    @Test
    void transactionRoundedByMonthWithNamedLabelMemoAndBankCategory() {
        Precision precision = new Precision(LocationPrecision.NONE, AmountPrecision.rounded(1), TimePrecision.MONTH,
                IdentifierPrecision.CLEAR);
        assertThat(writer(precision, "label", "memo", "bankCategory").toJson(at(TRANSACTION))).isEqualTo(json(
                "{'id':'xgjqafqrUYuOFMGIlEmN7A','type':'bank.transaction','category':'pd:Transaction',"
                + "'start':'2025-02-28T23:00:00Z','end':'2025-02-28T23:00:00Z'"
                + ",'payload':{'account':'00012345678','bookingDate':'2025-03-01','valueDate':'2025-03-01',"
                + "'amount':-3,'currency':'EUR','label':'CB CROUS LYON','reference':'FIT-1','memo':'repas',"
                + "'kind':'DEBIT','bankCategory':'Alimentation'}}"));
    }

    @Test
    void transactionWithoutAmounts() {
        assertThat(writer(REDUCED.withAmount(AmountPrecision.NONE)).toJson(at(TRANSACTION)))
                .endsWith(json("'valueDate':'2025-03-15','currency':'EUR','reference':'izX11JqDMAA6T8Bd0BMmxg',"
                        + "'kind':'DEBIT'}}"));
    }

    @Test
    void accountWithEveryIdentifierPseudonymized() {
        assertThat(writer(REDUCED.withTime(TimePrecision.WEEK)).toJson(at(ACCOUNT))).isEqualTo(json(
                "{'id':'wCJghH5jyX1mL3soLXG7eQ','type':'bank.account','category':'pd:BankAccount',"
                + "'start':'2025-03-09T23:00:00Z','end':'2025-03-09T23:00:00Z','payload':{"
                + "'accountNumber':'N_1DrAjWnbC7o3aW1npHDQ','iban':'GAWUgAYItKyjfgll9MzDMw',"
                + "'bankId':'-9cjm5IIUEXNDrUt-K1iBg','branchId':'p3ufgghbVy4jPOJ79kho8g','kind':'CHECKING',"
                + "'currency':'EUR','balance':{'sign':1,'from':1000,'to':2000},'balanceDate':'2025-03-31'}}"));
    }

    @Test
    void exactAccountLeavesOutOnlyItsName() {
        assertThat(writer(Precision.EXACT).toJson(at(ACCOUNT))).endsWith(json(
                "'payload':{'accountNumber':'00012345678','iban':'FR7630006000011234567890189','bankId':'30006',"
                + "'branchId':'00001','kind':'CHECKING','currency':'EUR','balance':1234.56,'balanceDate':'2025-03-31'}}"));
    }

    @Test
    void readingKeepsItsValueAndPseudonymizesItsMeter() {
        assertThat(writer(REDUCED).toJson(during(READING))).isEqualTo(json(
                "{'id':'cAGBY_gRHzquTUcF9Sj9Ng','type':'energy.reading','category':'pd:Household'," + DAY_SPAN
                + ",'payload':{'meter':'PxRxW2qdk8Uvy_eowrXHWg','quantity':'ENERGY','value':135,'intervalMinutes':30,"
                + "'register':'HP'}}"));
    }

    @Test
    void contactIsItsPseudonymsAndBirthMonthUnlessNamesAreNamed() {
        assertThat(writer(REDUCED.withTime(TimePrecision.MONTH), "addresses").toJson(at(CONTACT)))
                .isEqualTo(json("{'id':'JUamckn15irudyM3OQa2CA','type':'contact','category':'pd:Contact',"
                + "'start':'2025-02-28T23:00:00Z','end':'2025-02-28T23:00:00Z','payload':{"
                + "'emails':['yQoaOTGbAgfokOALZ3io3w'],'phones':['h5b8wjvNqa9HJzEGd1ViTw'],'birthday':'2003-05-01',"
                + "'uid':'ZKY7o2NGaIAq5hr53pqcyw'}}"));
        assertThat(writer(Precision.EXACT, "displayName", "addresses").toJson(at(CONTACT)))
                .endsWith(json("'payload':{'displayName':'Camille Martin','emails':['camille@example.org'],"
                        + "'phones':['+33 6 12 34 56 78'],'addresses':['1 rue X, Lyon'],'birthday':'2003-05-17',"
                        + "'uid':'uid-1'}}"));
    }

    @Test
    void eventByDayLosesItsRecurrenceTimeZoneAndTexts() {
        assertThat(writer(REDUCED).toJson(during(EVENT))).isEqualTo(json(
                "{'id':'-13f6hE7x6j9L7Niln4VtQ','type':'calendar.event','category':'pd:Behavioral'," + DAY_SPAN
                + ",'payload':{'uid':'lUesg5X1OXi3dz23NxsAyg','allDay':false,'status':'CONFIRMED',"
                + "'organizer':'gfwa6bHp83xeabqnwRdAlQ','attendees':['yQoaOTGbAgfokOALZ3io3w']}}"));
        assertThat(writer(Precision.EXACT, "summary", "location").toJson(during(EVENT))).isEqualTo(json(
                "{'id':'-13f6hE7x6j9L7Niln4VtQ','type':'calendar.event','category':'pd:Behavioral'," + EXACT_SPAN
                + ",'payload':{'uid':'ev-1@example.org','summary':'Partiel d`algèbre'"
                + ",'location':'Bâtiment Nautibus','allDay':false,'timeZone':'Europe/Paris',"
                + "'recurrence':'FREQ=WEEKLY;COUNT=3','status':'CONFIRMED','organizer':'prof@example.org',"
                + "'attendees':['camille@example.org']}}").replace('`', '\''));
    }

    @Test
    void messageIsItsPlatformAndPseudonymousPeopleUnlessItsTextIsNamed() {
        assertThat(writer(REDUCED).toJson(at(MESSAGE))).isEqualTo(json(
                "{'id':'y7at6cXJy7y0w_uu576z4g','type':'social.message','category':'pd:SocialMediaCommunication',"
                + DAY_INSTANT + ",'payload':{'platform':'Messenger','conversation':'0yK7UG9czvoIHAadMOOwJg',"
                + "'sender':'8prTZHAR7jQc18vdKYl6YQ'}}"));
        assertThat(writer(REDUCED, "text").toJson(at(MESSAGE))).endsWith(json(
                "'sender':'8prTZHAR7jQc18vdKYl6YQ','text':'À ce soir'}}"));
    }

    @Test
    void postIsItsPlatformAndKindUnlessTextsAreNamed() {
        assertThat(writer(REDUCED).toJson(at(POST))).isEqualTo(json(
                "{'id':'if53WxWdUMoqkMny5UycIA','type':'social.post','category':'pd:SocialMedia'," + DAY_INSTANT
                + ",'payload':{'platform':'Facebook','kind':'post'}}"));
        assertThat(writer(REDUCED, "url", "attachments").toJson(at(POST))).endsWith(json(
                "'payload':{'platform':'Facebook','kind':'post','url':'https://example.org/p/1',"
                + "'attachments':['plage.jpg']}}"));
    }

    @Test
    void documentIsItsTypeSizeAndPseudonymousDigest() {
        assertThat(writer(REDUCED).toJson(at(DOCUMENT))).isEqualTo(json(
                "{'id':'SABInznSjdJTXfYPoMINzA','type':'document','category':'pd:PersonalDocuments'," + DAY_INSTANT
                + ",'payload':{'mediaType':'application/pdf','sizeBytes':48213,"
                + "'sha256':'Ux_m3v0gRzwbOhnQxz5-Mw'}}"));
    }

    @Test
    void aFieldNoTableKnowsIsLeftOutEvenAtExactPrecision() {
        String payload = "{'latitude':45.7578,'longitude':4.832,'heading':271.5,'wifi':{'bssid':'aa:bb'},"
                + "'ssids':['home']}";
        assertThat(writer(Precision.EXACT, "heading", "wifi", "ssids")
                .toJson(raw(RecordType.GEO_POINT, json(payload))))
                .endsWith(json("'payload':{'latitude':45.7578,'longitude':4.832}}"));
    }

    @Test
    void communePrecisionIsRefusedWithoutACommuneList() {
        assertThatThrownBy(() -> writer(REDUCED.withLocation(LocationPrecision.COMMUNE)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("commune precision needs a commune list, and this selfdata has none; "
                        + "choose department, region, country or an H3 resolution");
    }
}
