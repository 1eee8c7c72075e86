package vn.kyso.request;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How requests are counted. The rules behind the defaults: 3 working days for Mẫu 01–05 (none is
 * set for a token restore), the fixed-date public holidays of the Labour Code 2019 (Art. 112),
 * and a holiday on a weekend giving the next working day off (Art. 111).
 */
@ConfigurationProperties("kyso.requests")
public record RequestSettings(
        /* Working days to finish each kind; a kind not named uses its own default. */
        Map<RequestKind, Integer> processingDays,
        /* "MM-DD Name"; the lunar holidays (Tết, Hùng Kings' day) and the day next to 2 September are entered per year. */
        @DefaultValue({"01-01 Tết Dương lịch", "04-30 Ngày Chiến thắng", "05-01 Ngày Quốc tế Lao động",
                "09-02 Quốc khánh"}) List<String> fixedHolidays,
        @DefaultValue("true") boolean substituteWeekendHolidays,
        /* A request received at or after this local time counts as received the next working day; none by default. */
        LocalTime officeCloses,
        /* Rows one request may hold. */
        @DefaultValue("500") int maxItems,
        /* Largest signed letter accepted. */
        @DefaultValue("20MB") org.springframework.util.unit.DataSize maxLetterSize) {

    public Integer daysFor(RequestKind kind) {
        if (processingDays != null && processingDays.containsKey(kind)) {
            Integer days = processingDays.get(kind);
            return days == null || days <= 0 ? null : days;
        }
        return kind.defaultDays();
    }

    public List<Holidays.Fixed> fixed() {
        return fixedHolidays.stream().filter(s -> !s.isBlank()).map(Holidays.Fixed::parse).toList();
    }
}
