package vn.kyso.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one table every part adds its rows to: figure, value, baseline from the same run, ratio, target. */
final class Results {

    record Row(String figure, String db, String value, String baseline, String ratio, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    /** Figures one part measures and another compares with (e.g. in-process baselines). */
    final Map<String, Double> numbers = new HashMap<>();

    synchronized void add(String figure, String db, String value, String baseline, String ratio, String target,
            Boolean met) {
        rows.add(new Row(figure, db, value, baseline, ratio, target, met == null ? "-" : met ? "yes" : "**no**"));
        System.out.println("  " + figure + " [" + db + "]: " + value + (baseline.equals("-") ? "" : " (baseline "
                + baseline + ", ratio " + ratio + ")") + (target.equals("-") ? "" : ", target " + target));
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        row(out, "figure", "db", "value", "baseline (same run)", "ratio", "target", "met?");
        row(out, "---", "---", "---", "---", "---", "---", "---");
        for (Row r : rows) {
            row(out, r.figure(), r.db(), r.value(), r.baseline(), r.ratio(), r.target(), r.met());
        }
        return out.toString();
    }

    void print(Path file, String header) throws IOException {
        String table = table();
        System.out.println();
        System.out.print(table);
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + "\n\n" + table, StandardCharsets.UTF_8);
        System.out.println("\n(also in " + file + ")");
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
