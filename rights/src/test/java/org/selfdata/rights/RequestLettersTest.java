package org.selfdata.rights;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.selfdata.rights.Correspondents.BIRTH_DATE;
import static org.selfdata.rights.Correspondents.CUSTOMER_NUMBER;
import static org.selfdata.rights.Correspondents.NAME;
import static org.selfdata.rights.Correspondents.camille;
import static org.selfdata.rights.Correspondents.organization;

class RequestLettersTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    @Test
    void theAccessLetterAsksForEachItemOfArticle15AndTheCopyInEnglish() {
        Letter letter = Letters.request(request(Right.ACCESS, Language.ENGLISH));

        assertThat(letter.language()).isEqualTo(Language.ENGLISH);
        assertThat(letter.subject()).isEqualTo("[SD-7K3Q] Request for access to my personal data (Article 15 GDPR)");
        assertThat(letter.body()).contains(
                "Under Article 15(1) GDPR, I ask you to confirm whether or not you process personal data concerning me",
                "\n(a) the purposes for which you process them;",
                "\n(b) the categories of personal data concerned;",
                "\n(c) the recipients to whom the data have been or will be disclosed, each named (Court of Justice of"
                                + " the European Union, 12 January 2023, C-154/21)",
                "\n(d) where possible, the period for which the data will be stored",
                "\n(e) the existence of my rights to request rectification or erasure",
                "\n(f) my right to lodge a complaint with a supervisory authority;",
                "\n(g) where the data were not collected from me, any available information as to their source;",
                "\n(h) the existence of automated decision-making, including profiling, referred to in Article 22(1)"
                                + " and (4) GDPR",
                "appropriate safeguards under Article 46 GDPR relating to the transfer (Article 15(2) GDPR).",
                "Under Article 15(3) GDPR, I ask you for a copy of the personal data undergoing processing",
                "As I make this request by electronic means, please provide the information in a commonly used"
                                + " electronic form (Article 15(3) GDPR).");
        assertThat(letter.body()).doesNotContain("Article 20");
    }

    @Test
    void theAccessLetterAsksForEachItemOfArticle15AndTheCopyInFrench() {
        Letter letter = Letters.request(request(Right.ACCESS, Language.FRENCH));

        assertThat(letter.language()).isEqualTo(Language.FRENCH);
        assertThat(letter.subject())
                .isEqualTo("[SD-7K3Q] Demande d’accès à mes données personnelles (article 15 du RGPD)");
        assertThat(letter.body()).startsWith("Madame, Monsieur,\n\n").contains(
                "En application de l’article 15, paragraphe 1, du RGPD, je vous demande de me confirmer si vous"
                                + " traitez ou non des données à caractère personnel me concernant",
                "\na) les finalités pour lesquelles vous les traitez\u00a0;",
                "\nb) les catégories de données à caractère personnel concernées\u00a0;",
                "\nc) les destinataires auxquels ces données ont été ou seront communiquées, chacun nommément",
                "\nd) lorsque c’est possible, la durée de conservation envisagée",
                "\ne) l’existence de mes droits de demander la rectification ou l’effacement",
                "\nf) mon droit d’introduire une réclamation auprès d’une autorité de contrôle\u00a0;",
                "\ng) lorsque ces données n’ont pas été collectées auprès de moi",
                "\nh) l’existence d’une prise de décision automatisée, y compris un profilage",
                "(article 15, paragraphe 2, du RGPD)",
                "En application de l’article 15, paragraphe 3, du RGPD, je vous demande une copie des données",
                "sous une forme électronique d’usage courant (article 15, paragraphe 3, du RGPD).")
                .endsWith("Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées."
                                + "\n\nCamille Martin");
    }

    @Test
    void anAccessLetterSentByPostAsksForTheElectronicFormAtThePersonsAddress() {
        Letter letter = Letters.request(LetterRequest.of(Right.ACCESS, organization(), camille(), "SD-7K3Q", DAY,
                Language.ENGLISH, Organization.Channel.LETTER));

        assertThat(letter.body())
                .contains("I ask you to provide the information in a commonly used electronic form, sent to"
                                + " camille@example.org.")
                .doesNotContain("As I make this request by electronic means");
    }

    @Test
    void portabilityIsAskedWithAccessInAStructuredCommonlyUsedAndMachineReadableFormat() {
        Letter letter = Letters.request(request(Right.ACCESS, Language.ENGLISH).withPortability());

        assertThat(letter.subject()).isEqualTo("[SD-7K3Q] Request for access to my personal data and their"
                + " portability (Articles 15 and 20 GDPR)");
        assertThat(letter.body()).contains("In addition, under Article 20(1) GDPR, I ask you to give me the personal"
                + " data concerning me that I have provided to you in a structured, commonly used and"
                + " machine-readable format, such as CSV or JSON.");
    }

    static Stream<Arguments> articles() {
        return Stream.of(
                arguments(Right.ACCESS,
                        "Under Article 15(1) GDPR, I ask you to confirm",
                        "En application de l’article 15, paragraphe 1, du RGPD, je vous demande de me"
                                + " confirmer"),
                arguments(Right.PORTABILITY,
                        "Under Article 20(1) GDPR, I ask you to give me",
                        "En application de l’article 20, paragraphe 1, du RGPD, je vous demande de me"
                                + " remettre"),
                arguments(Right.RECTIFICATION,
                        "Under Article 16 GDPR, I ask you to rectify",
                        "En application de l’article 16 du RGPD, je vous demande de rectifier"),
                arguments(Right.ERASURE,
                        "Under Article 17(1) GDPR, I ask you to erase",
                        "En application de l’article 17, paragraphe 1, du RGPD, je vous demande d’effacer"),
                arguments(Right.RESTRICTION,
                        "Under Article 18(1) GDPR, I ask you to restrict",
                        "En application de l’article 18, paragraphe 1, du RGPD, je vous demande de"
                                + " limiter"),
                arguments(Right.OBJECTION,
                        "Under Article 21(1) GDPR, I object, on grounds relating to my particular"
                                + " situation",
                        "En application de l’article 21, paragraphe 1, du RGPD, je m’oppose, pour des"
                                + " raisons tenant à ma situation particulière"),
                arguments(Right.DIRECT_MARKETING_OBJECTION,
                        "Under Article 21(2) GDPR, I object to the processing of my personal data for"
                                + " direct marketing",
                        "En application de l’article 21, paragraphe 2, du RGPD, je m’oppose au"
                                + " traitement de mes données à caractère personnel à des fins de prospection"),
                arguments(Right.CONSENT_WITHDRAWAL,
                        "Under Article 7(3) GDPR, I withdraw every consent",
                        "En application de l’article 7, paragraphe 3, du RGPD, je retire tout"
                                + " consentement"),
                arguments(Right.AUTOMATED_DECISION,
                        "Under Article 22(1) GDPR, I have the right not to be subject to a decision"
                                + " based solely on automated processing",
                        "En application de l’article 22, paragraphe 1, du RGPD, j’ai le droit de ne pas"
                                + " faire l’objet d’une décision fondée exclusivement sur un traitement automatisé"),
                arguments(Right.RECIPIENT_NOTIFICATION,
                        "Under Article 19 GDPR, I ask you to communicate",
                        "En application de l’article 19 du RGPD, je vous demande de notifier"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("articles")
    void eachRightsLetterCitesItsArticleInEachLanguage(Right right, String english, String french) {
        assertThat(Letters.request(complete(right, Language.ENGLISH)).body()).contains(english);
        assertThat(Letters.request(complete(right, Language.FRENCH)).body()).contains(french);
    }

    @ParameterizedTest
    @EnumSource(Right.class)
    void everyLetterGivesTheOneMonthLimitSaysItIsFreeAndCarriesTheReferenceInItsSubject(Right right) {
        Letter english = Letters.request(complete(right, Language.ENGLISH));
        Letter french = Letters.request(complete(right, Language.FRENCH));

        assertThat(english.subject()).startsWith("[SD-7K3Q] ").contains("GDPR)");
        assertThat(english.body()).contains(
                "Under Article 12(3) GDPR, you must inform me of the action taken on this request without undue delay"
                                + " and in any event within one month of its receipt.",
                "only if you inform me of the extension, with its reasons, within the first month.",
                "Article 12(4) requires you to inform me within the same month of your reasons",
                "Under Article 12(5) GDPR, the answer to this request is free of charge.",
                "Please quote the reference SD-7K3Q in your reply");
        assertThat(french.subject()).startsWith("[SD-7K3Q] ").contains("RGPD)");
        assertThat(french.body()).contains(
                "En application de l’article 12, paragraphe 3, du RGPD, vous devez m’informer des mesures prises à la"
                                + " suite de cette demande dans les meilleurs délais et en tout état de cause dans un délai"
                                + " d’un mois à compter de sa réception.",
                "En application de l’article 12, paragraphe 5, du RGPD, la réponse à cette demande est gratuite.",
                "Je vous remercie de rappeler la référence SD-7K3Q dans votre réponse");
        assertThat(french.body()).doesNotContain("'");
    }

    @Test
    void aRectificationGivesTheOldAndTheNewValue() {
        LetterRequest request = request(Right.RECTIFICATION, Language.ENGLISH).rectifying(List.of(
                Rectification.of(PersonalDetail.ADDRESS, "3 rue Neuve, 69001 Lyon", "12 rue des Lilas, 69003 Lyon"),
                Rectification.described("My title", Optional.empty(), "Dr")));

        assertThat(Letters.request(request).body()).contains(
                "which are inaccurate or incomplete:\n"
                                + "– Postal address: “3 rue Neuve, 69001 Lyon” is to be replaced by “12 rue des Lilas, 69003"
                                + " Lyon”;\n"
                                + "– My title: to be completed with “Dr”;",
                "Under Article 19 GDPR, please communicate this to each recipient to whom my personal data have been"
                                + " disclosed, unless this proves impossible or involves disproportionate effort, and tell me"
                                + " who those recipients are.");
    }

    @Test
    void aChangeOfAddressIsARectificationThatIdentifiesThePersonByTheOldAddress() {
        Organization asksAddress = organization(List.of(NAME, Correspondents.ADDRESS), Optional.of("fr"));
        ChangeOfDetail move = new ChangeOfDetail(PersonalDetail.ADDRESS, "3 rue Neuve, 69001 Lyon",
                "12 rue des Lilas, 69003 Lyon");

        Letter letter = Letters.request(move.requestTo(asksAddress, camille(), List.of(), "SD-MOVE1", DAY,
                Language.ENGLISH, Organization.Channel.EMAIL));

        assertThat(letter.subject())
                .isEqualTo("[SD-MOVE1] Demande de rectification de mes données personnelles (article 16 du RGPD)");
        assertThat(letter.body()).contains(
                "– Adresse postale\u00a0: «\u00a03 rue Neuve, 69001 Lyon\u00a0» doit être remplacé par «\u00a012 rue des"
                                + " Lilas, 69003 Lyon\u00a0»\u00a0;",
                "que je vous communique à cette seule fin\u00a0:\n– Nom\u00a0: Camille Martin\n– Adresse postale\u00a0: 3"
                                + " rue Neuve, 69001 Lyon");
    }

    @Test
    void anObjectionUnderArticle21Paragraph1CarriesThePersonsGrounds() {
        Letter letter = Letters.request(request(Right.OBJECTION, Language.ENGLISH)
                .withGrounds("I was a victim of identity theft and my file is used against me."));

        assertThat(letter.body()).contains(
                "My grounds: I was a victim of identity theft and my file is used against me.",
                "unless you demonstrate compelling legitimate grounds for the processing which override my interests,"
                                + " rights and freedoms",
                "I ask you to restrict their processing (Article 18(1)(d) GDPR).");
    }

    @Test
    void anObjectionToDirectMarketingNeedsNoReasonAndCannotBeWeighed() {
        Letter letter = Letters.request(request(Right.DIRECT_MARKETING_OBJECTION, Language.ENGLISH));

        assertThat(letter.subject()).isEqualTo("[SD-7K3Q] Objection to direct marketing (Article 21(2) GDPR)");
        assertThat(letter.body()).contains("This objection needs no reason and is not weighed against your interests:"
                + " under Article 21(3) GDPR, my personal data shall no longer be processed for such purposes.");
    }

    @Test
    void anAutomatedDecisionLetterAsksForHumanInterventionGivesAPointOfViewAndContests() {
        Letter letter = Letters.request(request(Right.AUTOMATED_DECISION, Language.FRENCH)
                .about(new SubjectMatter(Optional.empty(), Optional.empty(),
                        Optional.of("le refus de ma demande de crédit du 3 mars 2026"))));

        assertThat(letter.body()).contains(
                "j’exerce les droits que me garantit l’article 22, paragraphe 3\u00a0: je vous demande une intervention"
                                + " humaine de votre part, je souhaite exprimer mon point de vue et je conteste la décision.",
                "(article 15, paragraphe 1, point h), du RGPD)",
                "Pour vous aider à retrouver ce que concerne cette demande\u00a0:\n– le refus de ma demande de crédit du"
                                + " 3 mars 2026.");
    }

    @Test
    void aWithdrawalOfConsentStopsTheProcessingAndAsksForErasureWhereNoOtherGroundRemains() {
        Letter letter = Letters.request(request(Right.CONSENT_WITHDRAWAL, Language.ENGLISH));

        assertThat(letter.body()).contains(
                "Withdrawing consent must be as easy as giving it: this letter is enough.",
                "I ask you to erase the data (Article 17(1)(b) GDPR).");
    }

    @Test
    void aRestrictionLetterNamesItsGroundOfArticle18() {
        Letter letter = Letters.request(request(Right.RESTRICTION, Language.ENGLISH)
                .restrictedBecause(RestrictionGround.ACCURACY_CONTESTED));

        assertThat(letter.body()).contains("Under Article 18(1) GDPR, I ask you to restrict the processing of my"
                + " personal data, because I contest their accuracy, for a period enabling you to verify it (Article"
                + " 18(1)(a)).", "Please inform me before the restriction is lifted (Article 18(3) GDPR).");
    }

    @Test
    void aRequestToTellTheRecipientsNamesTheEarlierRequestAndAsksWhoTheyAre() {
        PriorRequest erasure = new PriorRequest("SD-ER4S", Right.ERASURE, Organization.Channel.EMAIL,
                LocalDate.of(2026, 10, 1), Optional.empty(), Optional.empty(), false);

        Letter letter = Letters.request(request(Right.RECIPIENT_NOTIFICATION, Language.FRENCH).following(erasure));

        assertThat(letter.body()).contains("je vous demande de notifier les mesures prises à la suite de ma demande du"
                + " 1er octobre 2026 (référence SD-ER4S) à chaque destinataire", "et de me fournir des informations sur"
                + " ces destinataires.");
    }

    @Test
    void theSubjectMatterSaysWhatTheRequestIsAbout() {
        Letter letter = Letters.request(request(Right.ACCESS, Language.ENGLISH).about(new SubjectMatter(
                Optional.of("my photos of 2024"), Optional.of("C-2231-88"), Optional.empty())));

        assertThat(letter.body()).contains("To help you find what this request concerns:\n"
                + "– the data I have already received from you: my photos of 2024;\n"
                + "– my contract or customer number: C-2231-88;");
    }

    @Test
    void anOrganizationAskingForTheNameAndACustomerNumberGetsNoBirthDate() {
        Organization asks = organization(List.of(NAME, CUSTOMER_NUMBER), Optional.empty());
        LetterRequest request = LetterRequest.of(Right.ACCESS, asks, camille(), "SD-7K3Q", DAY, Language.ENGLISH,
                Organization.Channel.EMAIL).identifiedBy(List.of(new IdentityValue(CUSTOMER_NUMBER, "C-2231-88"),
                new IdentityValue(BIRTH_DATE, "14 July 1990")));

        Letter letter = Letters.request(request);

        assertThat(letter.body())
                .contains("To identify me, your records ask for the following details, which I give you for that"
                                + " purpose only:\n– Name: Camille Martin\n– Customer number: C-2231-88\n\n")
                .doesNotContain("1990", "birth", "12 rue des Lilas", "camille@example.org", "identity document");
    }

    @Test
    void anOrganizationAskingNothingIsToldItMayAskMoreOnlyOnReasonableDoubts() {
        Letter letter = Letters.request(request(Right.ERASURE, Language.ENGLISH)
                .identifiedBy(List.of(new IdentityValue(BIRTH_DATE, "14 July 1990"))));

        assertThat(letter.body())
                .contains("Under Article 12(6) GDPR, you may ask me for further information only if you have"
                                + " reasonable doubts about my identity.")
                .doesNotContain("1990", "To identify me");
    }

    @Test
    void theIdentityDocumentParagraphAppearsOnlyWhenThePersonChoosesToAttachOne() {
        LetterRequest request = request(Right.ACCESS, Language.ENGLISH);

        assertThat(Letters.request(request).body()).doesNotContain("identity document");
        assertThat(Letters.request(request.withIdentityDocument()).body()).contains("I attach a copy of an identity"
                + " document, only because you require one to confirm my identity. It may be used for that purpose"
                + " alone (Article 5(1)(b) GDPR). Please delete it as soon as my identity has been confirmed (Article"
                + " 5(1)(c) and (e) GDPR), and confirm the deletion in your reply.");
        assertThat(Letters.request(request(Right.ACCESS, Language.FRENCH).withIdentityDocument()).body())
                .contains("Je vous demande de la supprimer dès que mon identité aura été vérifiée");
    }

    @Test
    void theLetterIsInTheOrganizationsLanguageWhenItIsFrenchOrEnglishElseInThePersonsChoice() {
        assertThat(Letters.languageFor(organization(List.of(), Optional.of("fr")), Language.ENGLISH))
                .isEqualTo(Language.FRENCH);
        assertThat(Letters.languageFor(organization(List.of(), Optional.of("en")), Language.FRENCH))
                .isEqualTo(Language.ENGLISH);
        assertThat(Letters.languageFor(organization(List.of(), Optional.of("de")), Language.FRENCH))
                .isEqualTo(Language.FRENCH);
        assertThat(Letters.languageFor(organization(), Language.ENGLISH)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void anObjectionUnderArticle21Paragraph1WithoutGroundsIsRefused() {
        assertRefused(() -> Letters.request(request(Right.OBJECTION, Language.ENGLISH).withGrounds("  ")),
                "An objection under Article 21(1) needs the grounds relating to the person’s particular situation; an"
                                + " objection to direct marketing (Article 21(2)) needs none.",
                "Une opposition fondée sur l’article 21, paragraphe 1, expose les raisons tenant à la situation"
                                + " particulière de la personne\u00a0; l’opposition à la prospection (article 21, paragraphe"
                                + " 2) n’en demande aucune.");
    }

    @Test
    void aRectificationWithoutANewValueIsRefused() {
        assertRefused(() -> Rectification.of(PersonalDetail.EMAIL, "old@example.org", " "),
                "A rectification needs the new value.", "Une rectification indique la nouvelle valeur.");
        assertRefused(() -> Letters.request(request(Right.RECTIFICATION, Language.ENGLISH)),
                "A rectification request needs at least one value to rectify.",
                "Une demande de rectification indique au moins une valeur à rectifier.");
        assertRefused(() -> Rectification.of(PersonalDetail.PHONE, "0600000000", "0600000000"),
                "A rectification whose new value is the old one changes nothing.",
                "Une rectification dont la nouvelle valeur est l’ancienne ne change rien.");
    }

    @Test
    void aRestrictionWithoutItsGroundIsRefused() {
        assertRefused(() -> Letters.request(request(Right.RESTRICTION, Language.ENGLISH)),
                "A restriction request rests on one of the four grounds of Article 18(1): choose the one that"
                                + " applies.",
                "Une demande de limitation repose sur l’un des quatre cas de l’article 18, paragraphe 1\u00a0:"
                                + " choisissez celui qui s’applique.");
    }

    @Test
    void portabilityAddedToAnotherRightThanAccessIsRefused() {
        assertRefused(() -> Letters.request(request(Right.ERASURE, Language.ENGLISH).withPortability()),
                "Portability is asked together with access, or alone as its own right; it cannot be added to another"
                                + " right.",
                "La portabilité se demande avec l’accès, ou seule comme un droit à part entière\u00a0; elle ne"
                                + " s’ajoute pas à un autre droit.");
    }

    @Test
    void anElementTheOrganizationAsksForWithoutAValueIsNamedInTheOrganizationsWords() {
        Organization asks = organization(List.of(NAME, BIRTH_DATE), Optional.empty());

        assertRefused(() -> Letters.request(LetterRequest.of(Right.ACCESS, asks, camille(), "SD-7K3Q", DAY,
                        Language.ENGLISH, Organization.Channel.EMAIL)),
                "The organization asks for “Date of birth” to identify the person: give it, or correct the"
                                + " organization’s record.",
                "L’organisme demande «\u00a0Date of birth\u00a0» pour identifier la personne\u00a0: indiquez-le, ou"
                                + " corrigez la fiche de l’organisme.");
    }

    @Test
    void aReferenceThatIsNotAShortTokenIsRefused() {
        assertRefused(() -> LetterRequest.of(Right.ACCESS, organization(), camille(), "my request", DAY,
                        Language.ENGLISH, Organization.Channel.EMAIL),
                "The reference of a request is 3 to 20 capital letters, digits and hyphens, such as SD-7K3Q.",
                "La référence d’une demande compte de 3 à 20 capitales, chiffres et traits d’union, comme SD-7K3Q.");
    }

    static void assertRefused(Runnable action, String english, String french) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SelfdataException.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.getMessage()).isEqualTo(english);
            assertThat(error.message(Language.FRENCH)).isEqualTo(french);
        });
    }

    private static LetterRequest request(Right right, Language language) {
        return LetterRequest.of(right, organization(), camille(), "SD-7K3Q", DAY, language,
                Organization.Channel.EMAIL);
    }

    /** A request with what its right needs. */
    private static LetterRequest complete(Right right, Language language) {
        LetterRequest request = request(right, language);
        return switch (right) {
            case RECTIFICATION -> request.rectifying(List.of(Rectification.of(PersonalDetail.NAME, "Camile Martin",
                    "Camille Martin")));
            case OBJECTION -> request.withGrounds("My address is exposed by the public listing.");
            case RESTRICTION -> request.restrictedBecause(RestrictionGround.OBJECTION_PENDING);
            case ACCESS, PORTABILITY, ERASURE, DIRECT_MARKETING_OBJECTION, CONSENT_WITHDRAWAL, AUTOMATED_DECISION,
                    RECIPIENT_NOTIFICATION -> request;
        };
    }
}
