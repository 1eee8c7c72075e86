package vn.kyso.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import tools.jackson.databind.JsonNode;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.KysoProcess;
import vn.kyso.support.TestPki;

/**
 * Kyso under load, killed with SIGKILL, started again: several clients revoke certificates and move
 * tokens (hand over, take back, report lost, retire) at once, each remembering what the service
 * acknowledged; at a random moment the JVM is killed. After the restart every acknowledged change
 * is there, nothing only half done is visible (a state without its history row or audit entry, a
 * lost token with a good certificate), the CRL and OCSP say what the database says, and the audit
 * chain verifies. Each iteration adds new records and checks all that came before, on one database.
 */
final class CrashScenario {

    private static final int CLIENTS = 4;
    private static final int TOKENS_PER_CLIENT = 2;
    private static final int CERTIFICATES_PER_CLIENT = 4;

    private final Map<String, String> settings;
    private final Path dir;
    private final long seed;
    private final Random random;
    private final List<String> agencies = new ArrayList<>();
    private final Map<String, Cert> certificates = new LinkedHashMap<>();
    private final Map<String, Tok> tokens = new LinkedHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private KysoProcess kyso;
    private int starts;
    private X509Certificate issuing;

    CrashScenario(Map<String, String> settings, Path dir, long seed) {
        this.settings = settings;
        this.dir = dir;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A certificate and what its client knows of it. */
    private static final class Cert {
        final String serial;
        final String agency;
        final int iteration;
        /** A revocation of it (its own, or its token's report) was acknowledged. */
        volatile boolean revoked;
        /** A request that would revoke it was cut off by the kill: either outcome is right. */
        volatile boolean maybeRevoked;

        Cert(String serial, String agency, int iteration) {
            this.serial = serial;
            this.agency = agency;
            this.iteration = iteration;
        }
    }

    /** A token, the moves its client was told were done, and the move the kill cut off. */
    private static final class Tok {
        final String serial;
        final String agency;
        final long holder;
        final int iteration;
        final List<String> certificates = new ArrayList<>();
        final List<String> acknowledged = new ArrayList<>();
        int setupEvents;
        String state;
        String inFlight;

        Tok(String serial, String agency, long holder, int iteration) {
            this.serial = serial;
            this.agency = agency;
            this.holder = holder;
            this.iteration = iteration;
        }
    }

    void run(int iterations) {
        kyso = start();
        try {
            issuing = Pki.certificates(kyso.anonymous().getBytes("/ca/kyso.crt", null).body()).get(0);
            for (int i = 1; i <= iterations; i++) {
                List<List<Object>> work = prepare(i);
                load(work);
                kyso = start();
                verify(i);
            }
            for (int n = 1; n <= starts; n++) {
                assertThat(java.nio.file.Files.readString(dir.resolve("kyso-" + n + ".log")))
                        .as("Kyso's log of start " + n).doesNotContain("Unexpected failure on");
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + " (-Dkyso.durability.seed=" + seed + "), data in " + dir
                    + ": " + e.getMessage() + "\n--- Kyso's log ---\n" + kyso.logTail(), e);
        } finally {
            kyso.stop();
        }
    }

    private KysoProcess start() {
        return KysoProcess.start(settings, dir.resolve("kyso-" + (++starts) + ".log"));
    }

    // ---- the records each iteration works on --------------------------------------------------

    /** A new agency with, per client, a holder, tokens in use with a certificate each, and loose certificates. */
    private List<List<Object>> prepare(int iteration) {
        Api admin = kyso.admin();
        String agency = "DUR" + seed % 1000 + "X" + iteration;
        ok(admin.post("/api/v1/agencies", Map.of("code", agency, "name", "Sở thử độ bền " + iteration)), 201);
        agencies.add(agency);
        List<List<Object>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int n = sequence.incrementAndGet();
            long holder = ok(admin.post("/api/v1/subscribers", Map.of("type", "INDIVIDUAL", "agencyCode", agency,
                    "fullName", "Người giữ khóa " + n, "email", "giukhoa" + seed % 100_000 + "n" + n + "@lamdong.gov.vn",
                    "nationalId", String.format("0681850%05d", (seed + n * 7919L) % 100_000),
                    "dateOfBirth", "1985-05-05")), 201).json().path("id").asLong();
            List<Object> mine = new ArrayList<>();
            for (int t = 0; t < TOKENS_PER_CLIENT; t++) {
                Tok token = new Tok("TKDUR" + seed % 100_000 + "N" + sequence.incrementAndGet(), agency, holder, iteration);
                ok(admin.post("/api/v1/tokens", Map.of("serial", token.serial, "model", "SAFENET-5110")), 201);
                ok(admin.post("/api/v1/tokens/" + token.serial + "/allocate", Map.of("agencyCode", agency)), 200);
                ok(admin.post("/api/v1/tokens/" + token.serial + "/hand-over", Map.of("subscriberId", holder)), 200);
                Cert cert = issue(admin, holder, token.serial, agency, iteration);
                token.certificates.add(cert.serial);
                token.state = "IN_USE";
                token.setupEvents = ok(admin.get("/api/v1/tokens/" + token.serial), 200).json().path("history").size();
                tokens.put(token.serial, token);
                mine.add(token);
            }
            for (int k = 0; k < CERTIFICATES_PER_CLIENT; k++) {
                mine.add(issue(admin, holder, null, agency, iteration));
            }
            work.add(mine);
        }
        return work;
    }

    private Cert issue(Api admin, long holder, String token, String agency, int iteration) {
        Map<String, Object> body = new HashMap<>(Map.of("subscriberId", holder, "csr", TestPki.csr(TestPki.ec("secp256r1")),
                "profile", "INDIVIDUAL_SIGNING"));
        if (token != null) {
            body.put("tokenSerial", token);
        }
        Cert cert = new Cert(ok(admin.post("/api/v1/certificates", body), 201).text("serialNumber"), agency, iteration);
        certificates.put(cert.serial, cert);
        return cert;
    }

    // ---- load, and the kill -------------------------------------------------------------------

    private void load(List<List<Object>> work) {
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < work.size(); c++) {
            List<Object> mine = work.get(c);
            Random own = new Random(random.nextLong());
            Thread client = new Thread(() -> drive(mine, own, acknowledged, killed, unexpected), "durability-client-" + c);
            clients.add(client);
            client.start();
        }
        // kill mid-way: once work is under way, after a random further moment
        long until = System.currentTimeMillis() + 30_000;
        while (acknowledged.get() < CLIENTS && System.currentTimeMillis() < until) {
            KysoProcess.sleep(20);
        }
        KysoProcess.sleep(random.nextInt(1500));
        killed.set(true);
        kyso.kill();
        for (Thread client : clients) {
            try {
                client.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(unexpected).as("answers under load other than success").isEmpty();
        assertThat(acknowledged.get()).as("changes acknowledged before the kill").isPositive();
        long cutOff = certificates.values().stream().filter(c -> c.maybeRevoked).count()
                + tokens.values().stream().filter(t -> t.inFlight != null).count();
        System.out.printf("crash test (seed %d): %d changes acknowledged, %d requests cut off by the kill%n", seed,
                acknowledged.get(), cutOff);
    }

    /** One client: its own tokens and certificates, one request at a time, until the service is gone. */
    private void drive(List<Object> mine, Random own, AtomicInteger acknowledged, AtomicBoolean killed,
            ConcurrentLinkedQueue<String> unexpected) {
        Api api = kyso.admin();
        while (true) {
            List<Object> open = mine.stream().filter(o -> o instanceof Cert c ? !c.revoked
                    : !"RETIRED".equals(((Tok) o).state)).toList();
            if (open.isEmpty()) {
                return;
            }
            Object target = open.get(own.nextInt(open.size()));
            try {
                if (target instanceof Cert cert) {
                    cert.maybeRevoked = true;
                    Api.Response r = api.post("/api/v1/certificates/" + cert.serial + "/revoke",
                            Map.of("reason", "keyCompromise", "comment", "Thử độ bền"));
                    if (r.status() != 200) {
                        unexpected.add("revoke " + cert.serial + ": " + r);
                        return;
                    }
                    cert.revoked = true;
                    cert.maybeRevoked = false;
                } else {
                    Tok token = (Tok) target;
                    String action = switch (token.state) {
                        case "IN_USE" -> own.nextInt(10) == 0 ? "report-lost" : "return";
                        case "RECOVERED" -> "hand-over";
                        default -> "retire"; // LOST
                    };
                    String to = switch (action) {
                        case "report-lost" -> "LOST";
                        case "return" -> "RECOVERED";
                        case "hand-over" -> "IN_USE";
                        default -> "RETIRED";
                    };
                    token.inFlight = action + ">" + to;
                    if (action.equals("report-lost")) {
                        token.certificates.forEach(s -> certificates.get(s).maybeRevoked = true);
                    }
                    Api.Response r = api.post("/api/v1/tokens/" + token.serial + "/" + action,
                            action.equals("hand-over") ? Map.of("subscriberId", token.holder) : Map.of("note", "Thử"));
                    if (r.status() != 200) {
                        unexpected.add(action + " " + token.serial + ": " + r);
                        return;
                    }
                    token.acknowledged.add(token.inFlight);
                    token.inFlight = null;
                    token.state = to;
                    if (action.equals("report-lost")) {
                        token.certificates.forEach(s -> {
                            certificates.get(s).revoked = true;
                            certificates.get(s).maybeRevoked = false;
                        });
                    }
                }
                acknowledged.incrementAndGet();
            } catch (UncheckedIOException e) {
                if (!killed.get()) {
                    unexpected.add("connection failed before the kill: " + e.getMessage());
                }
                return; // the request stays in flight: the kill may or may not have let it commit
            }
        }
    }

    // ---- after the restart --------------------------------------------------------------------

    private void verify(int iteration) {
        Api admin = kyso.admin();
        Map<String, String> status = new HashMap<>();
        Map<String, String> onToken = new HashMap<>();
        for (String agency : agencies) {
            JsonNode page = ok(admin.get("/api/v1/certificates?agency=" + agency + "&size=500"), 200).json();
            page.path("items").forEach(c -> {
                status.put(c.path("serialNumber").asString(), c.path("status").asString());
                onToken.put(c.path("serialNumber").asString(), c.path("tokenSerial").asString(""));
            });
        }
        X509CRL crl = crl(kyso.anonymous());
        Map<String, String> ocsp = ocsp(kyso.anonymous(), certificates.keySet());

        for (Cert cert : certificates.values()) {
            String s = cert.serial;
            String now = status.get(s);
            assertThat(now).as("certificate " + s + " is still there").isNotNull();
            boolean revoked = "REVOKED".equals(now);
            if (cert.revoked) {
                assertThat(revoked).as("acknowledged revocation of " + s + " survived").isTrue();
            } else if (!cert.maybeRevoked) {
                assertThat(revoked).as(s + " was revoked by no request").isFalse();
            }
            assertThat(crl.getRevokedCertificate(new BigInteger(s, 16)) != null).as("the CRL agrees on " + s)
                    .isEqualTo(revoked);
            assertThat(ocsp.get(s)).as("OCSP agrees on " + s).isEqualTo(revoked ? "revoked" : "good");
            if (cert.iteration == iteration) {
                long revocations = audit(admin, "certificate:" + s).stream()
                        .filter(e -> e.path("action").asString().equals("certificate.revoke")).count();
                assertThat(revocations).as("audit entries revoking " + s).isEqualTo(revoked ? 1 : 0);
            }
            cert.revoked = revoked;
            cert.maybeRevoked = false;
        }

        for (Tok token : tokens.values()) {
            if (token.iteration != iteration) {
                String state = ok(admin.get("/api/v1/tokens/" + token.serial), 200).json().path("state").asString();
                assertThat(state).as("token " + token.serial + " of iteration " + token.iteration).isEqualTo(token.state);
                continue;
            }
            JsonNode view = ok(admin.get("/api/v1/tokens/" + token.serial), 200).json();
            List<String> history = new ArrayList<>();
            view.path("history").forEach(e -> history.add(e.path("action").asString() + ">" + e.path("toState").asString()));
            List<String> moves = history.subList(token.setupEvents, history.size());
            List<String> withCutOff = new ArrayList<>(token.acknowledged);
            if (token.inFlight != null) {
                withCutOff.add(token.inFlight);
            }
            assertThat(moves).as("moves of " + token.serial + ": acknowledged, then perhaps the one cut off")
                    .isIn(token.acknowledged, withCutOff);
            String state = view.path("state").asString();
            assertThat(history.get(history.size() - 1)).as("the last history row of " + token.serial + " is its state")
                    .endsWith(">" + state);
            boolean held = !view.path("holder").isNull() && !view.path("holder").isMissingNode();
            if (state.equals("IN_USE") || state.equals("RECOVERED")) {
                assertThat(held).as("whether " + token.serial + " in " + state + " has a holder")
                        .isEqualTo(state.equals("IN_USE"));
            }
            boolean lost = moves.contains("report-lost>LOST");
            for (String s : token.certificates) {
                assertThat(onToken.get(s)).isEqualTo(token.serial);
                assertThat(status.get(s)).as("certificate " + s + " on token " + token.serial + " after " + moves)
                        .isEqualTo(lost ? "REVOKED" : "VALID");
            }
            assertThat((long) audit(admin, "token:" + token.serial).size()).as("audit entries of " + token.serial)
                    .isEqualTo(history.size());
            token.acknowledged.clear();
            token.acknowledged.addAll(moves);
            token.inFlight = null;
            token.state = state;
        }

        JsonNode chain = ok(admin.get("/api/v1/audit/verify"), 200).json();
        assertThat(chain.path("valid").asBoolean()).as("audit chain " + chain).isTrue();
    }

    private List<JsonNode> audit(Api admin, String entity) {
        List<JsonNode> entries = new ArrayList<>();
        ok(admin.get("/api/v1/audit?entity=" + entity + "&size=500"), 200).json().path("items").forEach(entries::add);
        return entries;
    }

    private X509CRL crl(Api anonymous) {
        try {
            Api.Bytes der = anonymous.getBytes("/crl/kyso.crl", null);
            assertThat(der.status()).isEqualTo(200);
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509", Pki.BC)
                    .generateCRL(new ByteArrayInputStream(der.body()));
            crl.verify(issuing.getPublicKey(), Pki.BC);
            return crl;
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError("the CRL cannot be read or does not verify", e);
        }
    }

    /** "good", "revoked" or "unknown" for each serial, asked in batches the responder accepts. */
    private Map<String, String> ocsp(Api anonymous, java.util.Collection<String> serials) {
        Map<String, String> out = new HashMap<>();
        List<String> all = new ArrayList<>(serials);
        try {
            var digests = new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build();
            var issuer = new JcaX509CertificateHolder(issuing);
            for (int from = 0; from < all.size(); from += 30) {
                OCSPReqBuilder builder = new OCSPReqBuilder();
                for (String s : all.subList(from, Math.min(all.size(), from + 30))) {
                    builder.addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer, new BigInteger(s, 16)));
                }
                Api.Bytes answer = anonymous.exchange("/ocsp", "application/ocsp-request", builder.build().getEncoded());
                OCSPResp response = new OCSPResp(answer.body());
                assertThat(response.getStatus()).as("OCSP status").isEqualTo(OCSPResp.SUCCESSFUL);
                for (SingleResp single : ((BasicOCSPResp) response.getResponseObject()).getResponses()) {
                    var certStatus = single.getCertStatus();
                    out.put(Pki.hex(single.getCertID().getSerialNumber()),
                            certStatus == null ? "good" : certStatus instanceof RevokedStatus ? "revoked" : "unknown");
                }
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("OCSP could not be asked", e);
        }
    }

    private static Api.Response ok(Api.Response response, int expected) {
        if (response.status() != expected) {
            throw new AssertionError("expected " + expected + ": " + response);
        }
        return response;
    }
}
