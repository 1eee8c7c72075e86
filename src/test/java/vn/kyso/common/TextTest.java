package vn.kyso.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void cleanNormalisesToNfcAndCollapsesSpace() {
        String nfd = Normalizer.normalize("Nguyễn  Thị\tĐào ", Normalizer.Form.NFD);
        assertThat(Text.clean(nfd)).isEqualTo("Nguyễn Thị Đào");
        assertThat(Text.clean("   ")).isNull();
        assertThat(Text.clean(null)).isNull();
    }

    @Test
    void foldDropsDiacriticsIncludingDStroke() {
        assertThat(Text.fold("Đặng Thị Ưng Hoàng")).isEqualTo("dang thi ung hoang");
        assertThat(Text.fold(Normalizer.normalize("Phường Xuân Hương - Đà Lạt", Normalizer.Form.NFD)))
                .isEqualTo("phuong xuan huong - da lat");
    }

    @Test
    void containsPatternEscapesLikeWildcards() {
        assertThat(Text.containsPattern("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
    }
}
