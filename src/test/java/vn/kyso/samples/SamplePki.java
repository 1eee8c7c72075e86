package vn.kyso.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import vn.kyso.KysoApplication;
import vn.kyso.agency.AgencyRequest;
import vn.kyso.agency.AgencyService;
import vn.kyso.ca.BuiltInCa;
import vn.kyso.ca.CrlPublisher;
import vn.kyso.ca.Pki;
import vn.kyso.certificate.Certificate;
import vn.kyso.certificate.CertificateService;
import vn.kyso.certificate.Profile;
import vn.kyso.certificate.Requests;
import vn.kyso.certificate.RevocationReason;
import vn.kyso.certificate.Storage;
import vn.kyso.certificate.Validity;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberRequest;
import vn.kyso.subscriber.SubscriberService;
import vn.kyso.subscriber.SubscriberType;
import vn.kyso.support.TestPki;

/**
 * Regenerates {@code pki-samples/}: a small province registered in a throw-away Kyso, certificates
 * issued by its built-in CA from keys made here, and everything a relying party needs to check
 * them, then documents signed with the sample keys (SampleDocuments). Run it with {@code ./mvnw -q -Psamples -DskipTests process-test-classes}; SamplePkiTest
 * checks what it wrote.
 */
public final class SamplePki {

    static final String PROVINCE = "Lâm Đồng";
    static final String MAIL = "@lamdong.gov.vn";
    static final String ID_ISSUER = "Cục Cảnh sát quản lý hành chính về trật tự xã hội";
    static final int VALID_DAYS = 1095;
    /**
     * The CA and the province are set up this long ago, so that the expired sample was issued while
     * its CA already existed; a certificate older than its issuer would be a broken chain, not an
     * expired one.
     */
    static final Duration HISTORY = Duration.ofDays(730);
    static final List<String> FOLDERS = List.of("ca", "crl", "certs", "keys", "documents");
    static final List<String> STATUSES = List.of("VALID", "REVOKED", "EXPIRED");

    /** One sample: a stable file name, what Kyso made of it, and what a relying party should conclude. */
    record Sample(String name, String status, String note, KeyPair keys, Certificate certificate) {
    }

    private final ConfigurableApplicationContext kyso;
    private final MovableClock clock;
    private final List<Sample> samples = new ArrayList<>();
    private Instant revokedAt;

    private SamplePki(ConfigurableApplicationContext kyso, MovableClock clock) {
        this.kyso = kyso;
        this.clock = clock;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "pki-samples").toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("kyso-samples-");
        MovableClock clock = new MovableClock();
        clock.setOffset(HISTORY.negated());
        try (ConfigurableApplicationContext kyso = start(dataDir, clock)) {
            SamplePki run = new SamplePki(kyso, clock);
            run.build();
            run.write(out);
        } finally {
            deleteTree(dataDir);
        }
        System.out.println("Wrote the sample PKI to " + out);
        SampleImports.write(out);
    }

    /** A fresh Kyso on SQLite in {@code dataDir}; command-line properties outrank any KYSO_* in the environment. */
    private static ConfigurableApplicationContext start(Path dataDir, MovableClock clock) {
        SpringApplication app = new SpringApplication(KysoApplication.class);
        // registered here rather than in a @Configuration class, which the application's scan would find in every test
        app.addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean("samplesClock", Clock.class, () -> clock, bean -> bean.setPrimary(true)));
        byte[] password = new byte[18];
        new SecureRandom().nextBytes(password);
        return app.run(
                "--kyso.data-dir=" + dataDir,
                "--kyso.db.url=",
                "--kyso.db.sqlite-synchronous=NORMAL",
                "--kyso.demo=false",
                "--kyso.ca.public-url=http://localhost:8080",
                "--kyso.admin.username=admin",
                "--kyso.admin.password=" + Base64.getUrlEncoder().encodeToString(password),
                // the security configuration needs a servlet context; nobody calls it
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false",
                "--logging.level.root=WARN");
    }

    private void build() {
        AgencyService agencies = kyso.getBean(AgencyService.class);
        SubscriberService subscribers = kyso.getBean(SubscriberService.class);
        CertificateService certificates = kyso.getBean(CertificateService.class);

        agencies.create(new AgencyRequest("LDG", "Ủy ban nhân dân tỉnh Lâm Đồng", null, null, null, PROVINCE,
                "ubnd" + MAIL, "Số 36 Trần Phú, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng", null));
        agencies.create(new AgencyRequest("LDG-SYT", "Sở Y tế", "LDG", null, null, PROVINCE, "syt" + MAIL, null, null));
        agencies.create(new AgencyRequest("LDG-SYT-BVDK", "Bệnh viện Đa khoa tỉnh Lâm Đồng", "LDG-SYT", null,
                "1012345", PROVINCE, "bvdk.syt" + MAIL, null, null));

        Subscriber an = subscribers.create(person("LDG-SYT", "Nguyễn Văn An", "an.nv", "068085000001",
                LocalDate.of(1985, 3, 12), "Phó Giám đốc Sở"));
        Subscriber binh = subscribers.create(person("LDG-SYT-BVDK", "Trần Thị Bình", "binh.tt", "068190000002",
                LocalDate.of(1990, 7, 25), "Bác sĩ"));
        Subscriber cuong = subscribers.create(person("LDG-SYT", "Lê Văn Cường", "cuong.lv", "068088000003",
                LocalDate.of(1988, 11, 2), "Chuyên viên"));
        Subscriber dung = subscribers.create(person("LDG-SYT-BVDK", "Phạm Thị Dung", "dung.pt", "068192000004",
                LocalDate.of(1992, 1, 18), "Kế toán"));
        Subscriber hospital = subscribers.create(new SubscriberRequest(SubscriberType.ORGANIZATION, "LDG-SYT-BVDK",
                "Bệnh viện Đa khoa tỉnh Lâm Đồng", "bvdk.syt" + MAIL, null, null, null, null, null, null, null,
                "1012345", null, PROVINCE, null));
        Subscriber system = subscribers.create(new SubscriberRequest(SubscriberType.DEVICE, "LDG-SYT",
                "Hệ thống quản lý văn bản và điều hành Sở Y tế", "qlvb.syt" + MAIL, null, null, null, null, null,
                null, null, null, null, PROVINCE, null));
        Subscriber timestamps = subscribers.create(new SubscriberRequest(SubscriberType.DEVICE, "LDG",
                "Dịch vụ cấp dấu thời gian tỉnh Lâm Đồng", "tsa.ubnd" + MAIL, null, null, null, null, null,
                null, null, null, null, PROVINCE, null));

        // two days after the CA was set up; 30 days later it ran out
        clock.setOffset(HISTORY.negated().plusDays(2));
        issue(certificates, "expired", "EXPIRED", "Individual (Mẫu 01), ECDSA P-256, 30 days, issued about two years"
                + " ago", dung, TestPki.ec("secp256r1"), 30);

        clock.setOffset(Duration.ZERO);
        issue(certificates, "individual-rsa", "VALID", "Individual (Mẫu 01), RSA-2048", an, TestPki.rsa(2048),
                VALID_DAYS);
        issue(certificates, "individual-ecdsa", "VALID", "Individual (Mẫu 01), ECDSA P-256", binh,
                TestPki.ec("secp256r1"), VALID_DAYS);
        issue(certificates, "organization-seal", "VALID", "Organisation seal (Mẫu 02), RSA-2048", hospital,
                TestPki.rsa(2048), VALID_DAYS);
        issue(certificates, "device", "VALID", "Device or service (Mẫu 03), ECDSA P-384", system,
                TestPki.ec("secp384r1"), VALID_DAYS);
        issue(certificates, SampleDocuments.TSA, "VALID", "Time-stamping authority (Mẫu 03 device, profile TIMESTAMPING:"
                + " only id-kp-timeStamping, critical), ECDSA P-256; stamps the sample documents", timestamps,
                TestPki.ec("secp256r1"), VALID_DAYS, Profile.TIMESTAMPING);
        Sample revoked = issue(certificates, "revoked", "REVOKED",
                "Individual (Mẫu 01), ECDSA P-256, revoked: keyCompromise", cuong, TestPki.ec("secp256r1"), VALID_DAYS);
        certificates.revoke(revoked.certificate().serial(), new Requests.Revoke(RevocationReason.KEY_COMPROMISE, null,
                null, "Sample: its private key is published in pki-samples"));
        revokedAt = certificates.get(revoked.certificate().serial()).revokedAt();

        samples.sort(Comparator.comparing(s -> STATUSES.indexOf(s.status())));
        // Kyso's own verdict must agree with the manifest, or the samples would teach the wrong thing
        Instant now = clock.instant();
        for (Sample s : samples) {
            Validity validity = certificates.get(s.certificate().serial()).validityAt(now);
            if (!validity.name().equals(s.status())) {
                throw new IllegalStateException(s.name() + " is " + validity + " in Kyso, not " + s.status());
            }
        }
    }

    private static SubscriberRequest person(String agency, String name, String mailbox, String nationalId,
            LocalDate born, String position) {
        return new SubscriberRequest(SubscriberType.INDIVIDUAL, agency, name, mailbox + MAIL, nationalId,
                LocalDate.of(2021, 6, 15), ID_ISSUER, born, position, null, null, null, null, PROVINCE, null);
    }

    private Sample issue(CertificateService certificates, String name, String status, String note,
            Subscriber subscriber, KeyPair keys, int days) {
        return issue(certificates, name, status, note, subscriber, keys, days, null);
    }

    private Sample issue(CertificateService certificates, String name, String status, String note,
            Subscriber subscriber, KeyPair keys, int days, Profile profile) {
        Certificate issued = certificates.issue(new Requests.Issue(subscriber.id(), TestPki.csr(keys), profile, days,
                Storage.SOFTWARE, null));
        Sample sample = new Sample(name, status, note, keys, issued);
        samples.add(sample);
        return sample;
    }

    /** Everything is built before anything is deleted, so a failed run leaves the old samples whole. */
    private void write(Path out) throws IOException {
        BuiltInCa ca = kyso.getBean(BuiltInCa.class);
        byte[] crl = kyso.getBean(CrlPublisher.class).current(ca.issuingRecord()).der();
        // The root's own CRL covers the issuing CA: a relying party checks every certificate on the path.
        byte[] rootCrl = kyso.getBean(CrlPublisher.class).current(ca.rootRecord()).der();
        X509Certificate ocsp = ca.ocspSigner().certificate();
        Map<String, byte[]> documents = SampleDocuments.make(samples, ca.issuingCertificate(), clock, revokedAt);

        for (String folder : FOLDERS) {
            deleteTree(out.resolve(folder));
            Files.createDirectories(out.resolve(folder));
        }
        writePem(out.resolve("ca/" + BuiltInCa.ROOT + ".pem"), "CERTIFICATE", Pki.encoded(ca.rootCertificate()));
        writePem(out.resolve("ca/" + BuiltInCa.ISSUING + ".pem"), "CERTIFICATE", Pki.encoded(ca.issuingCertificate()));
        writePem(out.resolve("ca/kyso-ocsp.pem"), "CERTIFICATE", Pki.encoded(ocsp));
        Files.write(out.resolve("crl/kyso.crl"), crl);
        writePem(out.resolve("crl/kyso.crl.pem"), "X509 CRL", crl);
        Files.write(out.resolve("crl/" + BuiltInCa.ROOT + ".crl"), rootCrl);

        StringBuilder manifest = new StringBuilder("file\tsubject\tserial\tkey\texpected_status\tnote\n");
        for (Sample s : samples) {
            String certFile = "certs/" + s.name() + ".pem";
            String keyFile = "keys/" + s.name() + ".key.pem";
            writePem(out.resolve(certFile), "CERTIFICATE", s.certificate().der());
            writePem(out.resolve(keyFile), "PRIVATE KEY", s.keys().getPrivate().getEncoded());
            X509Certificate x509 = Pki.certificate(s.certificate().der());
            String subject = X500Name.getInstance(x509.getSubjectX500Principal().getEncoded()).toString();
            manifest.append(String.join("\t", certFile, subject, Pki.hex(x509.getSerialNumber()), keyFile,
                    s.status(), s.note())).append('\n');
        }
        Files.writeString(out.resolve("manifest.tsv"), manifest, StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> document : documents.entrySet()) {
            Files.write(out.resolve("documents").resolve(document.getKey()), document.getValue());
        }
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        Files.writeString(file, Pki.pem(type, der), StandardCharsets.US_ASCII);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The wall clock plus an offset that can be changed while Kyso runs; ticks in milliseconds, as Kyso's does. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Duration> offset;
        private final ZoneId zone;

        MovableClock() {
            this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
        }

        private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
            this.offset = offset;
            this.zone = zone;
        }

        void setOffset(Duration value) {
            offset.set(value);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        /** Shares the offset, so a zoned view taken once (as services do) still moves. */
        @Override
        public Clock withZone(ZoneId other) {
            return new MovableClock(offset, other);
        }
    }
}
