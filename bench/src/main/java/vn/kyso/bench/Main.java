package vn.kyso.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * bench/run [verify] [data] [http] [JMH flags…]: the in-process figures (JMH), the national data
 * set on each database (generated once, then reused), and Kyso over HTTP on that data; one table
 * at the end. No part named means all three. BENCH_DBS=sqlite or postgres keeps to one database.
 * bench/run compare …: builds of Kyso in turns on one figure ({@link Compare}).
 */
public final class Main {

    private static final Set<String> PARTS = Set.of("verify", "data", "http");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("compare")) {
            Compare.run(List.of(args).subList(1, args.length));
            return;
        }
        Set<String> parts = new LinkedHashSet<>();
        List<String> jmhArgs = new ArrayList<>();
        for (String a : args) {
            if (PARTS.contains(a)) {
                parts.add(a);
            } else {
                jmhArgs.add(a);
            }
        }
        if (parts.isEmpty()) {
            parts.addAll(List.of("verify", "data", "http"));
        }
        Results results = new Results();
        List<Database> databases = Database.selected();
        if (parts.contains("verify")) {
            System.out.println("== verify: in-process figures (JMH)");
            Jmh.run(jmhArgs.toArray(String[]::new), results);
        }
        if (parts.contains("data") || parts.contains("http")) {
            for (Database db : databases) {
                System.out.println("== data: national data set on " + db.name());
                db.prepare(results);
            }
        }
        if (parts.contains("http")) {
            for (Database db : databases) {
                System.out.println("== http: Kyso on " + db.name() + " with the national data set");
                new HttpFigures(db, results).run();
            }
        }
        String header = "Kyso benchmark, " + Instant.now() + ", parts " + parts + ", " + Runtime.getRuntime()
                .availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", load average "
                + Files.readString(Path.of("/proc/loadavg")).trim();
        results.print(Path.of("bench/target/results.md"), header);
    }
}
