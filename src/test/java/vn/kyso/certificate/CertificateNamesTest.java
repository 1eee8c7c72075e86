package vn.kyso.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificateNamesTest {

    @Test
    void everyWordStartsOneEntry() {
        assertThat(CertificateNames.suffixes("nguyen van an")).containsExactly("nguyen van an", "van an", "an");
        assertThat(CertificateNames.suffixes("an an")).containsExactly("an an", "an");
        assertThat(CertificateNames.suffixes("x")).containsExactly("x");
        assertThat(CertificateNames.suffixes("")).isEmpty();
    }

    @Test
    void theRangeEndsAfterEveryWordWithThePrefix() {
        String end = CertificateNames.end("van a");
        assertThat("van a").isLessThan(end);
        assertThat("van anh").isLessThan(end);
        assertThat("van azzzz").isLessThan(end);
        assertThat("van b").isGreaterThanOrEqualTo(end);
        assertThat(CertificateNames.end("a\uD83D\uDE00")).isEqualTo("a\uD83D\uDE01");
    }
}
