package org.selfdata.demo;

import org.selfdata.rights.Requests;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The e-mail in which FNAC DARTY tells Camille it extends the time to act on her erasure request by two months,
 * saying why (art. 12(3) GDPR): the message a person keeps as the evidence of that step, as it arrived.
 */
final class ExtensionMail {
    static final String NAME = "prolongation-fnac.eml";

    private ExtensionMail() {}

    static Requests.Attachment of(String requestSubject, LocalDate sentOn, ZoneId zone) {
        String message = String.join("\r\n",
                "From: FNAC DARTY <dpo@fnacdarty.com>",
                "To: " + DemoPerson.DISPLAY_NAME + " <" + DemoRequests.EMAIL + ">",
                "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(sentOn.atTime(LocalTime.of(11, 7)).atZone(zone)),
                "Subject: Re: " + requestSubject,
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                "Madame,",
                "",
                "Nous avons bien reçu votre demande d’effacement. Conformément à l’article 12, paragraphe 3, du RGPD,"
                        + " nous prolongeons de deux mois le délai pour y donner suite : nous traitons en ce moment un"
                        + " grand nombre de demandes, et vos données sont réparties entre nos magasins, notre site et"
                        + " notre programme de fidélité, qu’il nous faut tous vérifier.",
                "",
                "Nous reviendrons vers vous dans ce délai.",
                "",
                "Le service de protection des données personnelles de FNAC DARTY",
                "");
        return new Requests.Attachment(NAME, "message/rfc822", message.getBytes(StandardCharsets.UTF_8));
    }
}
