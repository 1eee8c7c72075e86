package vn.kyso.imports;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.audit.AuditLog;
import vn.kyso.ca.CaRecord;
import vn.kyso.ca.CertificateAuthorities;
import vn.kyso.ca.Pki;
import vn.kyso.certificate.CertificateNames;
import vn.kyso.common.ApiException;
import vn.kyso.common.Text;
import vn.kyso.common.db.Db;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberRepository;
import vn.kyso.token.TokenLinks;

/**
 * Certificates issued by an outside CA, in bulk. Each end-entity certificate must chain to a trust
 * anchor ({@link IssuerTrust}), must not be Kyso's own, and is linked to one subscriber: by the
 * personal ID number in the subject (UID or serialNumber, "CCCD:" prefix allowed), else by an
 * e-mail address in the subject or SAN, else by the common name, narrowed by the agency names in
 * O and OU. Whatever matched, the certificate must name the subscriber by name or e-mail, the rule
 * of the single import. The token is the one the side CSV names (checked by {@link TokenLinks}), or
 * else the one token the subscriber holds, if exactly one. CA certificates in the upload are used
 * to build paths and reported as skipped.
 */
@Component
class CertificateImport implements Importer {

    private static final int BATCH = 500;
    private static final Pattern NATIONAL_ID = Pattern.compile("^(?:CCCD|CMND|CMT|SĐDCN|SDDCN)?[:\\s-]*(\\d{12})$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> HELD = Set.of("IN_USE", "LOCKED", "RESTORE_REQUESTED");

    private final CertificateAuthorities authorities;
    private final TokenLinks tokenLinks;
    private final SubscriberRepository subscriberRepository;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditLog audit;
    private final Db db;
    private final Clock clock;
    private final ImportProperties limits;
    private final CertificateNames names;

    CertificateImport(CertificateAuthorities authorities, TokenLinks tokenLinks,
            SubscriberRepository subscriberRepository, JdbcClient jdbc, JdbcTemplate batch, AuditLog audit, Db db,
            Clock clock, ImportProperties limits, CertificateNames names) {
        this.authorities = authorities;
        this.tokenLinks = tokenLinks;
        this.subscriberRepository = subscriberRepository;
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
        this.limits = limits;
        this.names = names;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CERTIFICATES;
    }

    @Override
    public Prepared prepare(byte[] content, String fileName) {
        CertificateFiles.Upload upload = CertificateFiles.read(content, fileName, limits);
        return new Prepared("certificates", upload.items().size(), fileName, upload);
    }

    record SubscriberRow(long id, String fullName, String searchKey, String email, String nationalId, long agencyId) {
    }

    record Known(long id, long subscriberId, Long tokenId) {
    }

    record Ca(long id, String kind, String keyHash, String subjectDn) {
    }

    /** A certificate the real run will record, or a known one whose token changes. */
    private record Change(X509Certificate certificate, String serial, SubscriberRow subscriber, Long tokenId,
            String tokenSerial, CertificateAuthorities.IssuerPath path, Known known) {
    }

    @Override
    public List<PlanRow> run(Prepared file, boolean write, IntConsumer progress) {
        CertificateFiles.Upload upload = (CertificateFiles.Upload) file.content();
        Snapshot s = new Snapshot();
        IssuerTrust trust = new IssuerTrust(authorities, upload.issuers());
        List<PlanRow> rows = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CertificateFiles.Item item : upload.items()) {
            if (item.certificate() == null) {
                rows.add(PlanRow.reject(item.row(), item.label(), item.problem(), item.detail()));
            } else if (item.certificate().getBasicConstraints() >= 0) {
                rows.add(PlanRow.of(item.row(), item.label(), Outcome.SKIP).saying("imports.note.caCertificate",
                        item.certificate().getSubjectX500Principal().getName()));
            } else {
                String serial = Pki.hex(item.certificate().getSerialNumber());
                Integer earlier = seen.putIfAbsent(serial, item.row());
                if (earlier != null) {
                    rows.add(PlanRow.of(item.row(), serial, Outcome.SKIP).saying("imports.note.sameCertificate", earlier));
                } else {
                    try {
                        rows.add(one(item, serial, upload, s, trust, changes));
                    } catch (Rows.BadValue e) {
                        rows.add(Rows.refusal(item.row(), serial, e));
                    } catch (ApiException e) {
                        rows.add(Rows.refusal(item.row(), serial, e));
                    }
                }
            }
            progress.accept(rows.size());
        }
        for (var tokenRow : upload.tokenRowBySerial().entrySet()) {
            if (!seen.containsKey(tokenRow.getKey())) {
                rows.add(PlanRow.reject(upload.items().size() + tokenRow.getValue(), tokenRow.getKey(),
                        "imports.error.tokenFileUnknownCertificate", tokenRow.getValue(), tokenRow.getKey()));
            }
        }
        if (write && rows.stream().noneMatch(r -> r.outcome() == Outcome.REJECT)) {
            write(changes);
        }
        return rows;
    }

    private PlanRow one(CertificateFiles.Item item, String serial, CertificateFiles.Upload upload, Snapshot s,
            IssuerTrust trust, List<Change> changes) {
        X509Certificate leaf = item.certificate();
        String requestedToken = upload.tokenBySerial().get(serial);
        Known known = s.certificates.get(serial);
        if (known != null) {
            if (requestedToken == null) {
                return PlanRow.of(item.row(), serial, Outcome.UNCHANGED);
            }
            Subscriber holder = subscriberRepository.findById(known.subscriberId()).orElseThrow();
            Long tokenId = tokenLinks.forCertificate(requestedToken, holder);
            if (Objects.equals(tokenId, known.tokenId())) {
                return PlanRow.of(item.row(), serial, Outcome.UNCHANGED);
            }
            changes.add(new Change(leaf, serial, null, tokenId, requestedToken, null, known));
            return PlanRow.of(item.row(), serial, Outcome.UPDATE).changing(List.of("tokenSerial"));
        }
        CertificateAuthorities.IssuerPath path;
        try {
            path = trust.check(leaf);
        } catch (IllegalArgumentException e) {
            throw new Rows.BadValue("error.import.untrusted", String.valueOf(e.getMessage()));
        }
        Ca issuer = s.ca(path.issuer());
        if (issuer != null && "BUILT_IN".equals(issuer.kind())) {
            throw new Rows.BadValue("error.import.ownCertificate");
        }
        Subject subject = new Subject(leaf);
        Match match = s.match(subject);
        SubscriberRow subscriber = match.subscriber();
        if (!subject.names(subscriber)) {
            throw new Rows.BadValue("error.import.subscriberMismatch", subject.dn, subscriber.fullName());
        }
        Long tokenId = null;
        String tokenSerial = null;
        if (requestedToken != null) {
            tokenId = tokenLinks.forCertificate(requestedToken, s.entity(subscriber.id()));
            tokenSerial = requestedToken;
        } else {
            List<String> held = s.heldTokens.getOrDefault(subscriber.id(), List.of());
            if (held.size() == 1) {
                tokenSerial = held.get(0);
                tokenId = s.tokenIds.get(tokenSerial);
            }
        }
        changes.add(new Change(leaf, serial, subscriber, tokenId, tokenSerial, path, null));
        return PlanRow.of(item.row(), serial, Outcome.CREATE).saying("imports.match." + match.by(),
                subscriber.fullName(), subscriber.id(), tokenSerial == null ? "—" : tokenSerial);
    }

    private void write(List<Change> changes) {
        Instant now = clock.instant();
        Map<String, CaRecord> issuers = new HashMap<>();
        List<Object[]> inserts = new ArrayList<>();
        List<AuditLog.Change> entries = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (Change c : changes) {
            if (c.known() != null) {
                links.add(new Object[] {c.tokenId(), db.instant(now), c.known().id()});
                entries.add(new AuditLog.Change("certificate.import", "certificate", c.serial(), null,
                        Map.of("tokenId", String.valueOf(c.known().tokenId())),
                        Map.of("tokenSerial", c.tokenSerial())));
                continue;
            }
            X509Certificate x = c.certificate();
            String issuerKey = Pki.keyHash(c.path().issuer().getPublicKey()) + "|"
                    + c.path().issuer().getSubjectX500Principal().getName();
            CaRecord issuer = issuers.computeIfAbsent(issuerKey,
                    k -> authorities.recordFor(c.path().issuer(), c.path().above()));
            Revocation revoked = revocation(issuer.id(), c.serial());
            String cn = new Subject(x).commonName();
            inserts.add(new Object[] {c.serial(), issuer.id(), c.subscriber().id(), c.subscriber().agencyId(), "IMPORTED", "TOKEN",
                x.getSubjectX500Principal().getName(), cn, Text.fold(cn == null ? c.subscriber().fullName() : cn),
                db.instant(x.getNotBefore().toInstant()), db.instant(x.getNotAfter().toInstant()),
                Pki.keyAlgorithm(x.getPublicKey()), Pki.keySize(x.getPublicKey()), Pki.spkiSha256(x.getPublicKey()),
                Pki.encoded(x), revoked == null ? "GOOD" : "REVOKED",
                revoked == null ? null : db.instant(revoked.at()), revoked == null ? null : revoked.reason(),
                c.tokenId(), db.instant(now), db.instant(now)});
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("serialNumber", c.serial());
            after.put("subjectDn", x.getSubjectX500Principal().getName());
            after.put("issuer", issuer.name());
            after.put("subscriberId", c.subscriber().id());
            after.put("tokenSerial", c.tokenSerial());
            after.put("notBefore", x.getNotBefore().toInstant().toString());
            after.put("notAfter", x.getNotAfter().toInstant().toString());
            after.put("status", revoked == null ? "GOOD" : "REVOKED");
            after.put("source", "IMPORTED");
            entries.add(new AuditLog.Change("certificate.import", "certificate", c.serial(),
                    c.subscriber().agencyId(), null, after));
        }
        for (int from = 0; from < inserts.size(); from += BATCH) {
            batch.batchUpdate("""
                    INSERT INTO certificate (serial, ca_id, subscriber_id, agency_id, source, storage, subject_dn, common_name,
                        search_key, not_before, not_after, key_algorithm, key_size, spki_sha256, der, status,
                        revoked_at, revocation_reason, token_id, renewal_count, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)""",
                    inserts.subList(from, Math.min(inserts.size(), from + BATCH)));
        }
        names.indexBySerial(inserts.stream().map(row -> new Object[] {row[0], row[8]}).toList());
        if (!links.isEmpty()) {
            batch.batchUpdate("UPDATE certificate SET token_id = ?, version = version + 1, updated_at = ? WHERE id = ?",
                    links);
        }
        for (int from = 0; from < entries.size(); from += BATCH) {
            audit.recordAll(entries.subList(from, Math.min(entries.size(), from + BATCH)));
        }
    }

    private record Revocation(Instant at, String reason) {
    }

    /** What the CA's CRLs already said about this serial, as the single import applies it. */
    private Revocation revocation(long caId, String serial) {
        return jdbc.sql("SELECT revoked_at, reason FROM crl_entry WHERE ca_id = :ca AND serial = :serial")
                .param("ca", caId).param("serial", serial)
                .query((rs, n) -> new Revocation(db.instant(rs, "revoked_at"), rs.getString("reason"))).optional()
                .orElse(null);
    }

    private record Match(SubscriberRow subscriber, String by) {
    }

    /** What a certificate's subject says about its holder. */
    private static final class Subject {
        final String dn;
        final X500Name name;
        final Set<String> emails = new LinkedHashSet<>();
        final Set<String> organisations = new HashSet<>();
        String nationalId;

        Subject(X509Certificate certificate) {
            dn = certificate.getSubjectX500Principal().getName();
            name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            values(BCStyle.EmailAddress).forEach(e -> emails.add(e.strip().toLowerCase(Locale.ROOT)));
            try {
                var names = certificate.getSubjectAlternativeNames();
                if (names != null) {
                    for (List<?> n : names) {
                        if (Integer.valueOf(1).equals(n.get(0))) {
                            emails.add(n.get(1).toString().strip().toLowerCase(Locale.ROOT));
                        }
                    }
                }
            } catch (CertificateParsingException ignored) {
                // no usable SAN: the subject decides
            }
            for (ASN1ObjectIdentifier oid : List.of(BCStyle.UID, BCStyle.SERIALNUMBER)) {
                for (String value : values(oid)) {
                    Matcher m = NATIONAL_ID.matcher(value.strip());
                    if (m.matches() && nationalId == null) {
                        nationalId = m.group(1);
                    }
                }
            }
            values(BCStyle.O).forEach(o -> organisations.add(Text.fold(o)));
            values(BCStyle.OU).forEach(o -> organisations.add(Text.fold(o)));
        }

        String commonName() {
            List<String> cns = values(BCStyle.CN);
            return cns.isEmpty() ? null : Text.clean(cns.get(cns.size() - 1));
        }

        List<String> values(ASN1ObjectIdentifier type) {
            List<String> values = new ArrayList<>();
            for (RDN rdn : name.getRDNs(type)) {
                for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                    if (atv.getType().equals(type)) {
                        values.add(atv.getValue() instanceof ASN1String s ? s.getString() : atv.getValue().toString());
                    }
                }
            }
            return values;
        }

        /** The single import's rule: the certificate names the subscriber by name or by e-mail. */
        boolean names(SubscriberRow subscriber) {
            String cn = commonName();
            return cn != null && Text.fold(cn).equals(subscriber.searchKey())
                    || subscriber.email() != null && emails.contains(subscriber.email());
        }
    }

    /** The database as the certificates are judged against it, read once per run. */
    private final class Snapshot {
        final Map<String, Known> certificates = new HashMap<>();
        final List<Ca> cas;
        final Map<String, SubscriberRow> byNationalId = new HashMap<>();
        final Map<String, List<SubscriberRow>> byEmail = new HashMap<>();
        final Map<String, List<SubscriberRow>> byName = new HashMap<>();
        final Map<Long, String> agencyNames = new HashMap<>();
        final Map<Long, List<String>> heldTokens = new HashMap<>();
        final Map<String, Long> tokenIds = new HashMap<>();
        final Map<Long, Subscriber> entities = new HashMap<>();

        Snapshot() {
            jdbc.sql("SELECT id, serial, subscriber_id, token_id FROM certificate").query((rs, n) -> {
                certificates.put(rs.getString("serial"), new Known(rs.getLong("id"), rs.getLong("subscriber_id"),
                        TokenImport.nullableLong(rs, "token_id")));
                return null;
            }).list();
            cas = jdbc.sql("SELECT id, kind, key_hash, subject_dn FROM ca").query((rs, n) -> new Ca(rs.getLong("id"),
                    rs.getString("kind"), rs.getString("key_hash"), rs.getString("subject_dn"))).list();
            jdbc.sql("SELECT id, name FROM agency")
                    .query((rs, n) -> agencyNames.put(rs.getLong("id"), Text.fold(rs.getString("name")))).list();
            jdbc.sql("SELECT id, full_name, search_key, email, national_id, agency_id FROM subscriber")
                    .query((rs, n) -> new SubscriberRow(rs.getLong("id"), rs.getString("full_name"),
                            rs.getString("search_key"), rs.getString("email"), rs.getString("national_id"),
                            rs.getLong("agency_id")))
                    .list().forEach(sub -> {
                        if (sub.nationalId() != null) {
                            byNationalId.put(sub.nationalId(), sub);
                        }
                        byEmail.computeIfAbsent(sub.email(), k -> new ArrayList<>()).add(sub);
                        byName.computeIfAbsent(sub.searchKey(), k -> new ArrayList<>()).add(sub);
                    });
            jdbc.sql("SELECT id, serial, holder_subscriber_id, state FROM token WHERE holder_subscriber_id IS NOT NULL")
                    .query((rs, n) -> {
                        if (HELD.contains(rs.getString("state"))) {
                            heldTokens.computeIfAbsent(rs.getLong("holder_subscriber_id"), k -> new ArrayList<>())
                                    .add(rs.getString("serial"));
                            tokenIds.put(rs.getString("serial"), rs.getLong("id"));
                        }
                        return null;
                    }).list();
        }

        Ca ca(X509Certificate issuer) {
            String keyHash = Pki.keyHash(issuer.getPublicKey());
            String dn = issuer.getSubjectX500Principal().getName();
            return cas.stream().filter(c -> c.keyHash().equals(keyHash) && c.subjectDn().equals(dn)).findFirst()
                    .orElse(null);
        }

        Subscriber entity(long id) {
            return entities.computeIfAbsent(id, k -> subscriberRepository.findById(k).orElseThrow());
        }

        Match match(Subject subject) {
            if (subject.nationalId != null) {
                SubscriberRow row = byNationalId.get(subject.nationalId);
                if (row != null) {
                    return new Match(row, "NATIONAL_ID");
                }
            }
            String cn = subject.commonName();
            String folded = cn == null ? null : Text.fold(cn);
            for (String email : subject.emails) {
                List<SubscriberRow> found = byEmail.getOrDefault(email, List.of());
                if (found.size() == 1) {
                    return new Match(found.get(0), "EMAIL");
                }
                if (found.size() > 1) {
                    List<SubscriberRow> named = found.stream().filter(r -> r.searchKey().equals(folded)).toList();
                    if (named.size() == 1) {
                        return new Match(named.get(0), "EMAIL");
                    }
                    throw new Rows.BadValue("imports.error.ambiguousMatch", subject.dn, found.size());
                }
            }
            List<SubscriberRow> byCn = folded == null ? List.of() : byName.getOrDefault(folded, List.of());
            if (byCn.size() == 1) {
                return new Match(byCn.get(0), "NAME");
            }
            if (byCn.isEmpty()) {
                throw new Rows.BadValue("imports.error.noSubscriber", subject.dn);
            }
            List<SubscriberRow> inAgency = byCn.stream()
                    .filter(r -> subject.organisations.contains(agencyNames.get(r.agencyId()))).toList();
            if (inAgency.size() == 1) {
                return new Match(inAgency.get(0), "NAME_AND_AGENCY");
            }
            throw new Rows.BadValue("imports.error.ambiguousMatch", subject.dn, byCn.size());
        }
    }
}
