package vn.kyso.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.kyso.common.ApiException;

/** How the bytes of a text file become Vietnamese text, or are refused. */
class LegacyTextTest {

    private static final String TEXT = "Mã đơn vị,Tên đơn vị\nLDG-SYT,Sở Y tế tỉnh Lâm Đồng – “Phòng Nghiệp vụ Dược”\n"
            + "LDG-KBNN,Kho bạc Nhà nước khu vực XV, Ủy ban nhân dân\n";

    @Test
    void utf8WithAndWithoutItsMark() {
        assertThat(LegacyText.decode(TEXT.getBytes(StandardCharsets.UTF_8)).encoding()).isEqualTo(LegacyText.UTF8);
        byte[] bom = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);
        var decoded = LegacyText.decode(bom);
        assertThat(decoded.encoding()).isEqualTo(LegacyText.UTF8_BOM);
        assertThat(decoded.text()).isEqualTo(TEXT);
    }

    @Test
    void windows1258WithItsCombiningTonesBecomesNfc() {
        byte[] bytes = LegacyText.encode(TEXT, LegacyText.WINDOWS_1258);
        // the tone of "ễ" is its own byte after "ê": not the precomposed letter
        assertThat(new String(bytes, java.nio.charset.Charset.forName("windows-1258"))).isNotEqualTo(TEXT);
        var decoded = LegacyText.decode(bytes);
        assertThat(decoded.encoding()).isEqualTo(LegacyText.WINDOWS_1258);
        assertThat(decoded.text()).isEqualTo(TEXT);
    }

    @Test
    void tcvn3IsReadByItsTable() {
        String text = TEXT.replace("–", "-").replace("“", "\"").replace("”", "\"");
        var decoded = LegacyText.decode(LegacyText.encode(text, LegacyText.TCVN3));
        assertThat(decoded.encoding()).isEqualTo(LegacyText.TCVN3);
        assertThat(decoded.text()).isEqualTo(text);
    }

    @Test
    void bytesThatAreVietnameseInNeitherReadingAreRefusedWithTheirLine() {
        byte[] head = "Ma,Ten\nA1,ok\nA2,".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0x80;
        bytes[head.length + 1] = (byte) 0x81;
        bytes[head.length + 2] = (byte) 0x82;
        assertThatThrownBy(() -> LegacyText.decode(bytes)).isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).key()).isEqualTo("imports.error.encodingUnknown");
                    assertThat(((ApiException) e).args()[0]).isEqualTo(3);
                });
    }

    @Test
    void aBrokenUtf8FileAfterItsMarkNamesTheLine() {
        byte[] good = "\uFEFFMã,Tên\nA1,".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 1);
        bytes[good.length] = (byte) 0xC3;
        assertThatThrownBy(() -> LegacyText.decode(bytes)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).args()[0]).isEqualTo(2));
    }
}
