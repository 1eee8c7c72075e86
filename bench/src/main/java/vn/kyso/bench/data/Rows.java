package vn.kyso.bench.data;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.operator.ContentSigner;

import vn.kyso.ca.Pki;
import vn.kyso.certificate.CertificateNames;
import vn.kyso.certificate.RevocationCase;
import vn.kyso.common.Text;

/** The rows of the national data set, and their writing in batches, in the columns Kyso's migrations define. */
final class Rows {

    static final int VALIDITY_DAYS = 3 * 365;
    private static final String ACTOR = "nhap-lieu";
    private static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(
            new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));
    private static final KeyPurposeId[] SIGNING = {KeyPurposeId.id_kp_emailProtection, DOCUMENT_SIGNING};
    private static final KeyPurposeId[] DEVICE = {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth};
    private static final ThreadLocal<ContentSigner> SIGNER = new ThreadLocal<>();

    static final class Person {
        long id;
        String type;
        long agencyId;
        Tree.Unit unit;
        String fullName;
        String email;
        String nationalId;
        LocalDate born;
        String position;
        String phone;
        String taxCode;
        String budgetCode;
        String status = "ACTIVE";
        Instant createdAt;
    }

    static final class Cert {
        long id;
        BigInteger serial;
        long caId;
        Person person;
        String profile;
        String storage;
        X500Name subject;
        String subjectDn;
        Instant notBefore;
        Instant notAfter;
        int keyIndex;
        byte[] der;
        String status = "GOOD";
        Instant revokedAt;
        RevocationCase revocationCase;
        long replacesId;
        int renewalCount;
        long tokenId;

        void sign(Issuer issuer) {
            try {
                ContentSigner signer = SIGNER.get();
                if (signer == null) {
                    signer = issuer.signer();
                    SIGNER.set(signer);
                }
                boolean device = profile.equals("DEVICE_SERVICE");
                der = issuer.issue(signer, serial, subject, keyIndex, notBefore, notAfter,
                        device ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                        device ? DEVICE : SIGNING, person.email);
                subjectDn = new X500Principal(subject.getEncoded()).getName();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot sign certificate " + id, e);
            }
        }
    }

    record Event(String action, String from, String to, Instant at, long custodian, long holder) {
    }

    static final class Tok {
        long id;
        String serial;
        long modelId;
        LocalDate receivedOn;
        String state;
        long custodian;
        long holder;
        Instant createdAt;
        final List<Event> events = new ArrayList<>();

        void move(String action, String to, Instant at, long custodian, long holder) {
            events.add(new Event(action, events.isEmpty() ? null : state, to, at, custodian, holder));
            this.state = to;
            this.custodian = custodian;
            this.holder = holder;
        }
    }

    static final class Batch {
        final List<Person> people = new ArrayList<>();
        final List<Cert> certs = new ArrayList<>();
        final List<Tok> tokens = new ArrayList<>();
    }

    // --- making rows ---------------------------------------------------------------------------

    static Person person(long id, long n, Tree.Unit unit, long agencyId, boolean seal, Random random, Instant now) {
        Person p = new Person();
        p.id = id;
        p.agencyId = agencyId;
        p.unit = unit;
        String domain = unit.mailbox() + "." + Tree.PROVINCES.get(unit.province()).domain() + ".gov.vn";
        int kind = random.nextInt(100);
        if (seal || kind < 5) {
            p.type = "ORGANIZATION";
            p.fullName = seal ? unit.name() : "Phòng " + (1 + random.nextInt(9)) + " - " + unit.name();
            p.email = "vanthu." + n + "@" + domain;
            p.taxCode = String.format("%010d", (n * 48_271L + 100_000_000L) % 10_000_000_000L);
            p.budgetCode = String.format("%07d", (n * 16_807L + 1_000_000L) % 10_000_000L);
        } else if (kind < 7) {
            p.type = "DEVICE";
            p.fullName = "Hệ thống quản lý văn bản " + n + " - " + unit.name();
            p.email = "qlvb." + n + "@" + domain;
        } else {
            p.type = "INDIVIDUAL";
            p.fullName = People.fullName(random);
            p.email = People.mailbox(Text.fold(p.fullName), n) + "@" + domain;
            // a bijection on twelve digits: unique, as the database demands, and not in order
            p.nationalId = String.format("%012d", (n * 7_919_019L + 1_000_000_000L) % 1_000_000_000_000L);
            p.born = LocalDate.of(1965 + random.nextInt(38), 1 + random.nextInt(12), 1 + random.nextInt(28));
            p.position = People.position(random);
            p.phone = String.format("09%08d", random.nextInt(100_000_000));
        }
        p.createdAt = now.minus(Duration.ofDays(3 * 365 + 30));
        return p;
    }

    static Cert cert(long id, long caId, Person p, Instant start, Random random, Issuer issuer) {
        Cert c = new Cert();
        c.id = id;
        c.serial = Pki.randomSerial();
        c.caId = caId;
        c.person = p;
        c.profile = switch (p.type) {
            case "ORGANIZATION" -> "ORGANIZATION_SEAL";
            case "DEVICE" -> "DEVICE_SERVICE";
            default -> "INDIVIDUAL_SIGNING";
        };
        Tree.Unit unit = p.unit;
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.L, Tree.PROVINCES.get(unit.province()).name());
        String root = unit.depth() == 0 ? unit.name() : null;
        name.addRDN(BCStyle.O, root != null ? root : rootName(unit));
        if (root == null) {
            name.addRDN(BCStyle.OU, unit.name());
        }
        name.addRDN(BCStyle.CN, p.fullName.length() > 64 ? p.fullName.substring(0, 64) : p.fullName);
        name.addRDN(BCStyle.EmailAddress, p.email);
        c.subject = name.build();
        c.notBefore = start;
        c.notAfter = start.plus(Duration.ofDays(VALIDITY_DAYS));
        c.keyIndex = issuer.pickKey(random);
        return c;
    }

    private static String rootName(Tree.Unit unit) {
        Tree.Province p = Tree.PROVINCES.get(unit.province());
        return "Ủy ban nhân dân " + (p.name().equals("Hồ Chí Minh") ? "Thành phố Hồ Chí Minh" : "tỉnh " + p.name());
    }

    static void revoke(Cert c, Person p, boolean onToken, Random random, Instant now) {
        RevocationCase why;
        int pick = random.nextInt(100);
        if (p.type.equals("ORGANIZATION")) {
            why = pick < 50 ? RevocationCase.ORGANIZATION_DISSOLVED : pick < 80 ? RevocationCase.INFORMATION_CHANGED
                    : RevocationCase.MANAGING_BODY_REQUEST;
        } else if (p.type.equals("DEVICE")) {
            why = RevocationCase.DEVICE_RETIRED;
        } else if (onToken && pick < 12) {
            why = pick < 8 ? RevocationCase.TOKEN_LOST : RevocationCase.TOKEN_DAMAGED;
        } else {
            why = pick < 32 ? RevocationCase.RETIRED : pick < 44 ? RevocationCase.RESIGNED
                    : pick < 66 ? RevocationCase.POSITION_CHANGED : pick < 82 ? RevocationCase.INFORMATION_CHANGED
                    : pick < 85 ? RevocationCase.KEY_EXPOSED : pick < 87 ? RevocationCase.DECEASED
                    : RevocationCase.MANAGING_BODY_REQUEST;
        }
        c.status = "REVOKED";
        c.revocationCase = why;
        long span = Duration.between(c.notBefore, now).toMinutes();
        c.revokedAt = c.notBefore.plus(Duration.ofMinutes(1 + (long) (random.nextDouble() * Math.max(1, span - 2))));
        switch (why) {
            case RETIRED -> p.status = "RETIRED";
            case RESIGNED -> p.status = "RESIGNED";
            case DECEASED -> p.status = "DECEASED";
            case ORGANIZATION_DISSOLVED -> p.status = "DISSOLVED";
            default -> { }
        }
    }

    /** A token handed to its holder for this certificate, with the moves that brought it there and any since. */
    static Tok tokenFor(long id, Person p, Cert current, Instant handedOver, Random random, long modelId, Instant now) {
        Tok t = newToken(id, modelId, handedOver.minus(Duration.ofDays(20 + random.nextInt(40))));
        t.move("allocate", "ALLOCATED", handedOver.minus(Duration.ofDays(1 + random.nextInt(10))), p.agencyId, 0);
        t.move("hand-over", "IN_USE", handedOver.minus(Duration.ofHours(2)), p.agencyId, p.id);
        Instant after = handedOver.plus(Duration.ofDays(1 + random.nextInt(300)));
        if (random.nextInt(100) < 8 && after.isBefore(now)) {
            // the commonest trouble: a forgotten PIN, then the provider's reset
            t.move("report-locked", "LOCKED", after, p.agencyId, p.id);
            t.move("unlock", "IN_USE", after.plus(Duration.ofDays(2)), p.agencyId, p.id);
        }
        if (current.revocationCase != null) {
            switch (current.revocationCase) {
                case TOKEN_LOST -> t.move("report-lost", "LOST", current.revokedAt, p.agencyId, p.id);
                case TOKEN_DAMAGED -> t.move("report-damaged", "DAMAGED", current.revokedAt, p.agencyId, p.id);
                case RETIRED, RESIGNED, DECEASED, POSITION_CHANGED, ORGANIZATION_DISSOLVED ->
                        t.move("return", "RECOVERED", current.revokedAt, p.agencyId, 0);
                default -> { }
            }
        } else if (random.nextInt(100) < 2) {
            t.move("report-locked", "LOCKED", now.minus(Duration.ofDays(1 + random.nextInt(20))), p.agencyId, p.id);
        }
        return t;
    }

    static Tok spareToken(long id, long agencyId, Random random, long modelId, Instant now) {
        Instant received = now.minus(Duration.ofDays(10 + random.nextInt(3 * 365)));
        Tok t = newToken(id, modelId, received);
        int kind = random.nextInt(10);
        if (kind >= 4) {
            t.move("allocate", "ALLOCATED", received.plus(Duration.ofDays(3)), agencyId, 0);
        }
        if (kind >= 8) {
            t.move("report-damaged", "DAMAGED", received.plus(Duration.ofDays(5)), agencyId, 0);
            t.move("retire", "RETIRED", received.plus(Duration.ofDays(9)), 0, 0);
        }
        return t;
    }

    private static Tok newToken(long id, long modelId, Instant received) {
        Tok t = new Tok();
        t.id = id;
        // multiplying by an odd number is a bijection on 40 bits: unique serials that do not look sequential
        t.serial = String.format("%010X", (id * 2_654_435_761L) & 0xFF_FFFF_FFFFL);
        t.modelId = modelId;
        t.receivedOn = LocalDate.ofInstant(received, ZoneOffset.UTC);
        t.createdAt = received;
        t.move("receive", "IN_STOCK", received, 0, 0);
        return t;
    }

    // --- writing them --------------------------------------------------------------------------

    private final Sql sql;
    private final Issuer issuer;
    private final PreparedStatement subscriber;
    private final PreparedStatement placement;
    private final PreparedStatement certificate;
    private final PreparedStatement nameWord;
    private final PreparedStatement token;
    private final PreparedStatement event;
    long subscribers;
    long certificates;
    long revoked;
    long tokens;
    long events;

    Rows(Connection c, Sql sql, Issuer issuer) throws SQLException {
        this.sql = sql;
        this.issuer = issuer;
        subscriber = c.prepareStatement("INSERT INTO subscriber (id, type, agency_id, full_name, search_key, email,"
                + " national_id, national_id_issue_date, national_id_issue_place, date_of_birth, position, phone,"
                + " tax_code, budget_code, address, province, status, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
        placement = c.prepareStatement("INSERT INTO subscriber_placement (subscriber_id, agency_id, valid_from)"
                + " VALUES (?, ?, ?)");
        certificate = c.prepareStatement("INSERT INTO certificate (id, serial, ca_id, subscriber_id, profile, source,"
                + " storage, subject_dn, common_name, search_key, not_before, not_after, key_algorithm, key_size,"
                + " spki_sha256, der, status, revoked_at, revocation_reason, revocation_case, invalidity_date,"
                + " revocation_comment, replaces_id, renewal_count, version, created_at, updated_at, token_id, agency_id)"
                + " VALUES (?, ?, ?, ?, ?, 'ISSUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, 0, ?, ?, ?, ?)");
        nameWord = c.prepareStatement("INSERT INTO certificate_name_entry (words, not_after, certificate_id) VALUES (?, ?, ?)");
        token = c.prepareStatement("INSERT INTO token (id, serial, model_id, batch, received_on, state,"
                + " custodian_agency_id, holder_subscriber_id, notes, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?)");
        event = c.prepareStatement("INSERT INTO token_event (token_id, action, from_state, to_state, actor, occurred_at,"
                + " note, custodian_agency_id, holder_subscriber_id, record_number) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL)");
    }

    /** Parents before children, with where each has stood since it was made. */
    static long[] writeAgencies(Sql sql, List<Tree.Unit> units, Instant created) throws SQLException {
        long[] ids = new long[units.size()];
        long next = sql.max("agency");
        Connection c = sql.connection();
        try (PreparedStatement a = c.prepareStatement("INSERT INTO agency (id, code, name, search_key, parent_id, path,"
                + " depth, tax_code, budget_code, province, email, address, status, successor_id, version, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL, 'ACTIVE', NULL, 0, ?, ?)");
                PreparedStatement placed = c.prepareStatement(
                        "INSERT INTO agency_placement (agency_id, path, valid_from) VALUES (?, ?, ?)")) {
            for (Tree.Unit u : units) {
                ids[u.index()] = ++next;
                Tree.Province province = Tree.PROVINCES.get(u.province());
                a.setLong(1, next);
                a.setString(2, u.code());
                a.setString(3, u.name());
                a.setString(4, Text.fold(u.name()));
                Sql.longOrNull(a, 5, u.parent() < 0 ? 0 : ids[u.parent()]);
                a.setString(6, u.path());
                a.setInt(7, u.depth());
                a.setString(8, province.name());
                a.setString(9, u.mailbox() + "@" + province.domain() + ".gov.vn");
                sql.instant(a, 10, created);
                sql.instant(a, 11, created);
                a.addBatch();
                placed.setLong(1, next);
                placed.setString(2, u.path());
                sql.instant(placed, 3, created);
                placed.addBatch();
            }
            a.executeBatch();
            placed.executeBatch();
        }
        c.commit();
        return ids;
    }

    void write(Batch b) throws SQLException {
        for (Person p : b.people) {
            subscriber.setLong(1, p.id);
            subscriber.setString(2, p.type);
            subscriber.setLong(3, p.agencyId);
            subscriber.setString(4, p.fullName);
            subscriber.setString(5, Text.fold(p.fullName));
            subscriber.setString(6, p.email);
            subscriber.setString(7, p.nationalId);
            sql.date(subscriber, 8, p.born == null ? null : p.born.plusYears(18));
            subscriber.setString(9, p.born == null ? null : "Cục Cảnh sát quản lý hành chính về trật tự xã hội");
            sql.date(subscriber, 10, p.born);
            subscriber.setString(11, p.position);
            subscriber.setString(12, p.phone);
            subscriber.setString(13, p.taxCode);
            subscriber.setString(14, p.budgetCode);
            subscriber.setString(15, p.taxCode == null ? null : "Trụ sở " + p.unit.name());
            subscriber.setString(16, Tree.PROVINCES.get(p.unit.province()).name());
            subscriber.setString(17, p.status);
            sql.instant(subscriber, 18, p.createdAt);
            sql.instant(subscriber, 19, p.createdAt);
            subscriber.addBatch();
            placement.setLong(1, p.id);
            placement.setLong(2, p.agencyId);
            sql.instant(placement, 3, p.createdAt);
            placement.addBatch();
            subscribers++;
        }
        subscriber.executeBatch();
        placement.executeBatch();
        for (Tok t : b.tokens) {
            token.setLong(1, t.id);
            token.setString(2, t.serial);
            token.setLong(3, t.modelId);
            token.setString(4, "LO-" + t.receivedOn.getYear() + "-" + t.receivedOn.getMonthValue());
            sql.date(token, 5, t.receivedOn);
            token.setString(6, t.state);
            Sql.longOrNull(token, 7, t.custodian);
            Sql.longOrNull(token, 8, t.holder);
            sql.instant(token, 9, t.createdAt);
            sql.instant(token, 10, t.events.get(t.events.size() - 1).at());
            token.addBatch();
            tokens++;
        }
        token.executeBatch();
        for (Cert x : b.certs) {
            certificate.setLong(1, x.id);
            certificate.setString(2, Pki.hex(x.serial));
            certificate.setLong(3, x.caId);
            certificate.setLong(4, x.person.id);
            certificate.setString(5, x.profile);
            certificate.setString(6, x.storage);
            certificate.setString(7, x.subjectDn);
            String cn = x.person.fullName.length() > 64 ? x.person.fullName.substring(0, 64) : x.person.fullName;
            certificate.setString(8, cn);
            certificate.setString(9, Text.fold(cn));
            sql.instant(certificate, 10, x.notBefore);
            sql.instant(certificate, 11, x.notAfter);
            certificate.setString(12, Pki.keyAlgorithm(issuer.key(x.keyIndex)));
            certificate.setInt(13, Pki.keySize(issuer.key(x.keyIndex)));
            certificate.setString(14, issuer.spkiSha256(x.keyIndex));
            certificate.setBytes(15, x.der);
            certificate.setString(16, x.status);
            sql.instant(certificate, 17, x.revokedAt);
            certificate.setString(18, x.revocationCase == null ? null : x.revocationCase.reason().name());
            certificate.setString(19, x.revocationCase == null ? null : x.revocationCase.name());
            Sql.longOrNull(certificate, 20, x.replacesId);
            certificate.setInt(21, x.renewalCount);
            sql.instant(certificate, 22, x.notBefore);
            sql.instant(certificate, 23, x.revokedAt != null ? x.revokedAt : x.notBefore);
            Sql.longOrNull(certificate, 24, x.tokenId);
            certificate.setLong(25, x.person.agencyId);
            certificate.addBatch();
            for (String words : CertificateNames.suffixes(Text.fold(cn))) {
                nameWord.setString(1, words);
                sql.instant(nameWord, 2, x.notAfter);
                nameWord.setLong(3, x.id);
                nameWord.addBatch();
            }
            certificates++;
            if (x.revokedAt != null) {
                revoked++;
            }
        }
        certificate.executeBatch();
        nameWord.executeBatch();
        for (Tok t : b.tokens) {
            for (Event e : t.events) {
                event.setLong(1, t.id);
                event.setString(2, e.action());
                event.setString(3, e.from());
                event.setString(4, e.to());
                event.setString(5, ACTOR);
                sql.instant(event, 6, e.at());
                Sql.longOrNull(event, 7, e.custodian());
                Sql.longOrNull(event, 8, e.holder());
                event.addBatch();
                events++;
            }
        }
        event.executeBatch();
    }

    void close() throws SQLException {
        for (PreparedStatement ps : List.of(subscriber, placement, certificate, token, event)) {
            ps.close();
        }
    }
}
