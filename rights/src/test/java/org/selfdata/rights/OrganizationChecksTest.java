package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization.Origin;
import org.selfdata.rights.Organization.RequiredElement;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a person's own organization must be before it is kept: each fault is named by its field. */
class OrganizationChecksTest {
    private static final Organization WELL_FORMED = new Organization("mutuelle-des-lilas", "Mutuelle des Lilas",
            Optional.of("12 rue des Lilas\n93260 Les Lilas\nFrance"), Optional.of("dpo@mutuelle-des-lilas.example"),
            Optional.of("+33 1 23 45 67 89"), Optional.empty(), Optional.of("https://mutuelle-des-lilas.example/"),
            Optional.of("https://mutuelle-des-lilas.example/rgpd"), List.of("insurance"), List.of("fr"),
            List.of(new RequiredElement("Numéro d’adhérent", "customer_number")), false, Optional.of("fr"),
            Optional.of(Organization.Channel.EMAIL), false, Origin.PERSON, List.of("Lilas Santé"));

    private static final String SIREN_FAULT =
            "siren: expected a SIREN number, nine digits with a valid check digit, such as 732 829 320";

    @Test
    void aWellFormedOrganizationPasses() {
        assertThat(PersonOrganizations.check(WELL_FORMED)).isSameAs(WELL_FORMED);
    }

    @Test
    void aSirenNumberWithItsCheckDigitRightPasses() {
        Organization withSiren = WELL_FORMED.withSiren(Optional.of("732829320"));

        assertThat(PersonOrganizations.check(withSiren)).isSameAs(withSiren);
    }

    @Test
    void anyOneWayToReachTheOrganizationIsEnough() {
        assertThat(PersonOrganizations.check(with(WELL_FORMED, null, Optional.empty(), Optional.empty(),
                Optional.of("https://mutuelle-des-lilas.example/rgpd")))).isNotNull();
        assertThat(PersonOrganizations.check(with(WELL_FORMED, null, Optional.of("12 rue des Lilas"), Optional.empty(),
                Optional.empty()))).isNotNull();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("a slug with capitals", change(o -> rebuilt(o, "Mutuelle", o.name())),
                        "slug: expected at most 100 lower-case letters and digits, in words joined by single hyphens, "
                                + "such as free-mobile"),
                Arguments.of("a blank name", change(o -> rebuilt(o, o.slug(), "  ")),
                        "name: expected the organization's name, of 1 to 200 characters on one line"),
                Arguments.of("a name on two lines", change(o -> rebuilt(o, o.slug(), "Mutuelle\ndes Lilas")),
                        "name: expected the organization's name, of 1 to 200 characters on one line"),
                Arguments.of("no way to reach it", change(o -> with(o, null, Optional.empty(), Optional.empty(),
                        Optional.empty())),
                        "an organization needs a way to reach it: an e-mail address, a postal address or a web form"),
                Arguments.of("an e-mail address without a domain", change(o -> with(o, null, o.postalAddress(),
                        Optional.of("dpo@mutuelle"), o.webForm())),
                        "email: expected an e-mail address such as dpo@example.org, of at most 254 characters"),
                Arguments.of("a web form over http", change(o -> with(o, null, o.postalAddress(), o.email(),
                        Optional.of("http://mutuelle-des-lilas.example/rgpd"))),
                        "webForm: expected an https address such as https://example.org/privacy, of at most 2,000 "
                                + "characters"),
                Arguments.of("a web address that is no address", change(o -> with(o, "mutuelle-des-lilas.example",
                        o.postalAddress(), o.email(), o.webForm())),
                        "web: expected an https address such as https://example.org/privacy, of at most 2,000 "
                                + "characters"),
                Arguments.of("an address of eleven lines", change(o -> with(o, null,
                        Optional.of("ligne\n".repeat(11)), o.email(), o.webForm())),
                        "address: expected at most 10 lines, of at most 500 characters in all"),
                Arguments.of("a SIREN number with a wrong check digit", change(o -> o.withSiren(Optional.of("732829321"))),
                        SIREN_FAULT),
                Arguments.of("a SIREN number of eight digits", change(o -> o.withSiren(Optional.of("73282932"))),
                        SIREN_FAULT),
                Arguments.of("a SIREN number with letters", change(o -> o.withSiren(Optional.of("73282932A"))),
                        SIREN_FAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultIsRefusedNamingItsField(String fault, UnaryOperator<Organization> change, String message) {
        Organization faulty = change.apply(WELL_FORMED);

        assertThatThrownBy(() -> PersonOrganizations.check(faulty))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage(message);
    }

    @Test
    void theMessagesNeverQuoteWhatThePersonWrote() {
        Organization faulty = with(WELL_FORMED, null, WELL_FORMED.postalAddress(), Optional.of("camille.martin@"),
                WELL_FORMED.webForm());

        assertThatThrownBy(() -> PersonOrganizations.check(faulty)).hasMessageNotContaining("camille");
    }

    private static UnaryOperator<Organization> change(UnaryOperator<Organization> change) {
        return change;
    }

    private static Organization rebuilt(Organization o, String slug, String name) {
        return new Organization(slug, name, o.postalAddress(), o.email(), o.phone(), o.fax(), o.web(), o.webForm(),
                o.categories(), o.countries(), o.requiredElements(), o.needsIdentityDocument(), o.requestLanguage(),
                o.suggestedChannel(), o.authority(), o.origin(), o.runs());
    }

    /** The organization with other contacts; a null web address keeps its own. */
    private static Organization with(Organization o, String web, Optional<String> postalAddress, Optional<String> email,
            Optional<String> webForm) {
        return new Organization(o.slug(), o.name(), postalAddress, email, o.phone(), o.fax(),
                web == null ? o.web() : Optional.of(web), webForm, o.categories(), o.countries(),
                o.requiredElements(), o.needsIdentityDocument(), o.requestLanguage(), o.suggestedChannel(),
                o.authority(), o.origin(), o.runs());
    }
}
