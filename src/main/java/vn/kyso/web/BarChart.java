package vn.kyso.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart laid out on the server, so the page needs no script: the template only
 * draws the rectangles. Labels arrive already translated.
 */
record BarChart(List<Bar> bars, int width, int height, String summary) {

    record Bar(String label, long value, int y, int length) {
    }

    static final int LABEL_WIDTH = 200;
    static final int SCALE = 400;
    static final int ROW = 30;

    static BarChart of(Map<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        int y = 0;
        for (var entry : values.entrySet()) {
            // a non-zero value keeps a sliver so it is not mistaken for zero
            int length = max == 0 ? 0 : (int) Math.max(entry.getValue() > 0 ? 2 : 0, entry.getValue() * SCALE / max);
            bars.add(new Bar(entry.getKey(), entry.getValue(), y, length));
            summary.append(summary.isEmpty() ? "" : "; ").append(entry.getKey()).append(": ").append(entry.getValue());
            y += ROW;
        }
        return new BarChart(bars, LABEL_WIDTH + SCALE + 70, Math.max(y, ROW), summary.toString());
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }
}
