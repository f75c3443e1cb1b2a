package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayRegionTest {
    @Test
    void moselleAndBothRhinDepartmentsCountWithAlsaceMosellesDays() {
        assertThat(HolidayRegion.ofDepartment("57")).isEqualTo(HolidayRegion.ALSACE_MOSELLE);
        assertThat(HolidayRegion.ofDepartment("67")).isEqualTo(HolidayRegion.ALSACE_MOSELLE);
        assertThat(HolidayRegion.ofDepartment(" 68 ")).isEqualTo(HolidayRegion.ALSACE_MOSELLE);
    }

    @Test
    void everyOtherDepartmentCountsWithMetropolitanFrancesDays() {
        assertThat(HolidayRegion.ofDepartment("75")).isEqualTo(HolidayRegion.METROPOLITAN_FRANCE);
        assertThat(HolidayRegion.ofDepartment("54")).isEqualTo(HolidayRegion.METROPOLITAN_FRANCE);
        assertThat(HolidayRegion.ofDepartment("2a")).isEqualTo(HolidayRegion.METROPOLITAN_FRANCE);
        assertThat(HolidayRegion.ofDepartment("974")).isEqualTo(HolidayRegion.METROPOLITAN_FRANCE);
    }

    @Test
    void aCodeThatIsNoDepartmentIsRefusedWithTheCodesExpected() {
        for (String code : new String[] {"", "00", "96", "20", "977", "Moselle"}) {
            assertThatThrownBy(() -> HolidayRegion.ofDepartment(code)).as(code)
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("expected a French département code, such as 75, 2A or 974")
                    .satisfies(e -> {
                        SelfdataException refusal = (SelfdataException) e;
                        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(refusal.message(Language.FRENCH))
                                .isEqualTo("un code de département français est attendu, tel que 75, 2A ou 974");
                    });
        }
    }
}
