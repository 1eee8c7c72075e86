package vn.kyso.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NationalIdTest {

    @Test
    void shapeAndProvinceAreChecked() {
        assertThat(NationalId.problem("068190001234")).isNull();
        assertThat(NationalId.problem("001095000001")).isNull();
        assertThat(NationalId.problem("06819000123")).isEqualTo("error.nationalId.shape");
        assertThat(NationalId.problem("06819000123a")).isEqualTo("error.nationalId.shape");
        // 003 and 097 are not province codes
        assertThat(NationalId.problem("003190001234")).isEqualTo("error.nationalId.province");
        assertThat(NationalId.problem("097190001234")).isEqualTo("error.nationalId.province");
    }

    @Test
    void sexAndCenturyDigitGivesTheBirthYear() {
        assertThat(NationalId.birthYear("068085000001")).isEqualTo(1985); // man, 20th century
        assertThat(NationalId.birthYear("068185000001")).isEqualTo(1985); // woman, 20th century
        assertThat(NationalId.birthYear("068205000001")).isEqualTo(2005); // man, 21st century
        assertThat(NationalId.birthYear("068305000001")).isEqualTo(2005); // woman, 21st century
        assertThat(NationalId.agreesWith("068190001234", LocalDate.of(1990, 12, 31))).isTrue();
        assertThat(NationalId.agreesWith("068190001234", LocalDate.of(1991, 1, 1))).isFalse();
    }

    @Test
    void phoneNumbersAreNormalised() {
        assertThat(SubscriberService.normalizePhone("+84 912 345 678")).isEqualTo("0912345678");
        assertThat(SubscriberService.normalizePhone("84912345678")).isEqualTo("0912345678");
        assertThat(SubscriberService.normalizePhone("(0263) 3822.123")).isEqualTo("02633822123");
        assertThat(SubscriberService.normalizePhone(" ")).isNull();
    }
}
