package vn.kyso.bench.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import vn.kyso.bench.data.Rows.Cert;
import vn.kyso.bench.data.Rows.Person;
import vn.kyso.bench.data.Rows.Tok;

/**
 * The national data set, written straight into a database Kyso has created (schema, CA, admin):
 * the agency tree of {@link Tree}, subscribers spread over it by size, 2,000,000 real certificates
 * signed by Kyso's issuing CA (for 17% of subscribers the current one renewed an expired one;
 * 5% of all are revoked, for the reasons the decree lists), and 1,000,000 tokens with their history, at scale 1. What Kyso's own
 * services would also have written — an audit entry per change, the handover record PDFs — is
 * left out: the benchmarks read the registry, and appending to an empty audit chain costs the
 * same as to a long one.
 */
public final class NationalData {

    public record Counts(int agencies, long subscribers, long certificates, long revoked, long tokens,
            long tokenEvents, Duration took) {
    }

    static final long CERTIFICATES = 2_000_000;
    static final long TOKENS = 1_000_000;
    static final double RENEWED = 0.17;
    static final double REVOKED = 0.05;
    private static final int CHUNK = 10_000;
    private static final List<String> BULK_TABLES = List.of("subscriber", "subscriber_placement", "certificate",
            "token", "token_event");

    private NationalData() {
    }

    public static Counts generate(String url, String user, Path dataDir, double scale) throws Exception {
        long t0 = System.nanoTime();
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        props.setProperty("reWriteBatchedInserts", "true");
        try (Connection c = DriverManager.getConnection(url, props)) {
            Sql sql = new Sql(c);
            if (!sql.postgres()) {
                try (Statement s = c.createStatement()) {
                    // a throw-away load: if it is cut off, the data set is made again from scratch
                    s.execute("PRAGMA synchronous = OFF");
                    s.execute("PRAGMA cache_size = -262144");
                }
            }
            c.setAutoCommit(false);
            Random random = new Random(2026);
            Instant now = Instant.now();
            Plan plan = new Plan(sql, random, now, scale);
            Issuer issuer;
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT certificate FROM ca WHERE name = 'kyso'")) {
                rs.next();
                var issuing = vn.kyso.ca.Pki.certificate(rs.getBytes(1));
                issuer = new Issuer(dataDir, Issuer.publicUrl(issuing));
            }
            System.out.printf("  subject key pool ready after %.0f s%n", (System.nanoTime() - t0) / 1e9);
            plan.start(issuer);
            System.out.printf("  %d agencies written; loading people, certificates and tokens%n", plan.agencies());
            sql.setAsideIndexes(BULK_TABLES);
            Rows rows = new Rows(c, sql, issuer);
            ExecutorService signers = Executors.newSingleThreadExecutor();
            try {
                Future<Rows.Batch> next = null;
                long lastReport = System.nanoTime();
                while (next != null || !plan.done()) {
                    Future<Rows.Batch> current = next;
                    next = plan.done() ? null : plan.nextBatch(CHUNK, signers, issuer);
                    if (current != null) {
                        rows.write(current.get());
                        c.commit();
                        if (System.nanoTime() - lastReport > 30e9) {
                            lastReport = System.nanoTime();
                            System.out.printf("  %,d certificates, %,d tokens after %.0f s%n", rows.certificates,
                                    rows.tokens, (System.nanoTime() - t0) / 1e9);
                        }
                    }
                }
                rows.write(plan.spareTokens());
                c.commit();
            } finally {
                signers.shutdownNow();
            }
            rows.close();
            System.out.printf("  loaded in %.0f s; remaking indexes%n", (System.nanoTime() - t0) / 1e9);
            sql.restoreIndexes();
            sql.continueIds(List.of("agency", "agency_placement", "subscriber", "subscriber_placement", "certificate",
                    "token", "token_event"));
            try (Statement s = c.createStatement()) {
                // a CRL Kyso made before the load is out of date now
                s.executeUpdate("UPDATE ca SET revocation_version = revocation_version + 1 WHERE name = 'kyso'");
            }
            c.commit();
            sql.analyze();
            return new Counts(plan.agencies(), rows.subscribers, rows.certificates, rows.revoked, rows.tokens,
                    rows.events, Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** Which rows to make, decided on one thread from one seeded random source; certificates signed on all cores. */
    private static final class Plan {

        private final Sql sql;
        private final Random random;
        private final Instant now;
        private final long people;
        private final long tokensWanted;
        private final double renewShare;
        private final double revokeShare;
        private final double tokenShare;
        private final double scale;
        private List<Tree.Unit> units;
        private long[] agencyIds;
        private double[] cumulative;
        private long nextPerson;
        private long personId;
        private long certId;
        private long tokenId;
        private long tokensMade;
        private long modelSafenet;
        private long modelBit4id;
        private long caId;

        Plan(Sql sql, Random random, Instant now, double scale) {
            this.sql = sql;
            this.scale = scale;
            this.random = random;
            this.now = now;
            long certificates = Math.round(CERTIFICATES * scale);
            this.people = Math.round(certificates / (1 + RENEWED));
            this.tokensWanted = Math.round(TOKENS * scale);
            this.renewShare = (double) (certificates - people) / people;
            // revocations fall on current certificates; renewed ones are expired, not revoked
            this.revokeShare = REVOKED * certificates / people;
            // 90% of tokens are in someone's hands; the rest in stock, allocated, or retired
            this.tokenShare = 0.9 * tokensWanted / people;
        }

        int agencies() {
            return units.size();
        }

        boolean done() {
            return nextPerson >= people;
        }

        void start(Issuer issuer) throws Exception {
            units = Tree.build(Math.min(1, Math.max(0.01, scale)), random);
            caId = sql.id("SELECT id FROM ca WHERE name = 'kyso'");
            modelSafenet = sql.id("SELECT id FROM token_model WHERE code = 'SAFENET-5110'");
            modelBit4id = sql.id("SELECT id FROM token_model WHERE code = 'BIT4ID-TOKENME'");
            agencyIds = Rows.writeAgencies(sql, units, now.minus(Duration.ofDays(3 * 365 + 60)));
            cumulative = new double[units.size()];
            double total = 0;
            for (Tree.Unit u : units) {
                double w = switch (u.kind()) {
                    case PROVINCE -> 6;
                    case DEPARTMENT -> 4;
                    case COMMUNE -> 1;
                };
                total += w;
                cumulative[u.index()] = total;
            }
            personId = sql.max("subscriber");
            certId = sql.max("certificate");
            tokenId = sql.max("token");
        }

        private Tree.Unit pickUnit() {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return units.get(lo);
        }

        Future<Rows.Batch> nextBatch(int size, ExecutorService signers, Issuer issuer) {
            Rows.Batch batch = new Rows.Batch();
            long end = Math.min(people, nextPerson + size);
            for (; nextPerson < end; nextPerson++) {
                // the first subscribers are each agency's own seal, then people spread by the agencies' size
                Tree.Unit unit = nextPerson < units.size() ? units.get((int) nextPerson) : pickUnit();
                Person p = Rows.person(++personId, nextPerson, unit, agencyIds[unit.index()], nextPerson < units.size(),
                        random, now);
                batch.people.add(p);
                Instant start = now.minus(Duration.ofMinutes(60 + (long) (random.nextDouble() * (3 * 365 - 31) * 24 * 60)));
                // a renewal: the expired certificate first, then the one that replaced it on the same key
                Cert old = random.nextDouble() < renewShare
                        ? Rows.cert(++certId, caId, p, start.minus(Duration.ofDays(Rows.VALIDITY_DAYS)), random, issuer)
                        : null;
                Cert current = Rows.cert(++certId, caId, p, start, random, issuer);
                if (old != null) {
                    current.replacesId = old.id;
                    current.renewalCount = 1;
                    current.keyIndex = old.keyIndex;
                    batch.certs.add(old);
                }
                batch.certs.add(current);
                List<Cert> held = old == null ? List.of(current) : List.of(old, current);
                boolean onToken = (p.type.equals("ORGANIZATION")
                        || p.type.equals("INDIVIDUAL") && random.nextDouble() < tokenShare) && tokensMade < tokensWanted;
                if (random.nextDouble() < revokeShare) {
                    Rows.revoke(current, p, onToken, random, now);
                }
                if (onToken) {
                    Tok t = Rows.tokenFor(++tokenId, p, current, held.get(0).notBefore, random, modelFor(), now);
                    tokensMade++;
                    batch.tokens.add(t);
                    for (Cert cert : held) {
                        cert.storage = "TOKEN";
                        cert.tokenId = t.id;
                    }
                } else {
                    String storage = p.type.equals("DEVICE") ? "HSM" : random.nextInt(3) == 0 ? "HSM" : "SIM";
                    for (Cert cert : held) {
                        cert.storage = storage;
                    }
                }
            }
            // the common pool and the submitting thread: one signer per core
            return signers.submit(() -> {
                batch.certs.parallelStream().forEach(cert -> cert.sign(issuer));
                return batch;
            });
        }

        private long modelFor() {
            return random.nextInt(5) < 3 ? modelSafenet : modelBit4id;
        }

        /** Tokens no one holds: in stock, allocated to an agency, or worn out and retired. */
        Rows.Batch spareTokens() {
            Rows.Batch batch = new Rows.Batch();
            while (tokensMade < tokensWanted) {
                Tree.Unit unit = pickUnit();
                batch.tokens.add(Rows.spareToken(++tokenId, agencyIds[unit.index()], random, modelFor(), now));
                tokensMade++;
            }
            return batch;
        }
    }
}
