package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void theLongestBarIsTheLargestValueAndASmallOneStaysVisible() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("Đang sử dụng", 1000L);
        values.put("Bị khóa", 1L);
        values.put("Bị mất", 0L);
        BarChart chart = BarChart.of(values);
        assertThat(chart.bars()).extracting(BarChart.Bar::length).containsExactly(BarChart.SCALE, 2, 0);
        assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(0, BarChart.ROW, 2 * BarChart.ROW);
        assertThat(chart.summary()).isEqualTo("Đang sử dụng: 1000; Bị khóa: 1; Bị mất: 0");
    }

    @Test
    void allZeroesDrawNoBars() {
        BarChart chart = BarChart.of(Map.of("11/2026", 0L));
        assertThat(chart.bars()).extracting(BarChart.Bar::length).containsExactly(0);
        assertThat(chart.height()).isPositive();
    }
}
