package org.selfdata.demo;

import org.selfdata.model.Document;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What Camille's university sends back into her vault, as an organization's push carries it: her first semester's
 * transcript, with the courses of her agenda, and her certificate of enrolment for her second year, each a document
 * dated the day it was issued and pointed to by its place in the push.
 */
final class UniversityRecords {
    static final String TRANSCRIPT = "Relevé de notes, premier semestre 2024-2025";
    static final String CERTIFICATE = "Certificat de scolarité 2025-2026";

    private UniversityRecords() {}

    static List<RecordDraft> drafts(ZoneId zone) {
        return List.of(document(0, TRANSCRIPT, LocalDate.of(2025, 2, 14), zone, """
                        Université Confluence de Lyon, Licence Mathématiques et informatique, 1re année
                        Camille Martin, premier semestre 2024-2025
                        Analyse : 13,5/20
                        Algèbre linéaire : 12/20
                        Programmation : 16/20
                        Physique : 11,5/20
                        Anglais : 15/20
                        Probabilités : 13/20
                        Moyenne du semestre : 13,5/20, semestre validé (30 crédits ECTS)
                        """),
                document(1, CERTIFICATE, LocalDate.of(2025, 9, 15), zone, """
                        Université Confluence de Lyon certifie que Camille Martin est inscrite pour l’année \
                        universitaire 2025-2026 en Licence Mathématiques et informatique, 2e année.
                        """));
    }

    private static RecordDraft document(int index, String title, LocalDate issued, ZoneId zone, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Document document = new Document(title, "text/plain", bytes.length, sha256(bytes), Optional.of(text));
        return RecordDraft.of(TimeSpan.at(issued.atTime(9, 0).atZone(zone).toInstant()), document,
                Position.jsonPointer("/records/" + index));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
