package vn.kyso.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyScope;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencySql;
import vn.kyso.agency.AgencyService;
import vn.kyso.ca.Pki;
import vn.kyso.common.KysoProperties;
import vn.kyso.common.PageResult;
import vn.kyso.common.Text;
import vn.kyso.common.db.Db;

/**
 * Reads certificates the way people ask for them. "Expired" and "expiring soon" are computed
 * from the clock at query time, never stored, so they cannot go stale.
 */
@Service
public class CertificateQueries {

    private final CertificateRepository certificates;
    private final AgencyRepository agencies;
    private final AgencyService agencyService;
    private final AgencyScopes scopes;
    private final JdbcClient jdbc;
    private final Db db;
    private final Clock clock;
    private final int expiringSoonDays;

    public CertificateQueries(CertificateRepository certificates,
            AgencyRepository agencies, AgencyService agencyService, AgencyScopes scopes,
            JdbcClient jdbc, Db db, Clock clock, KysoProperties properties) {
        this.certificates = certificates;
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
        this.expiringSoonDays = properties.certificates().expiringSoonDays();
    }

    boolean visible(Certificate certificate) {
        AgencyScope scope = scopes.current();
        if (scope.all()) {
            return true;
        }
        return certificate.agencyId != null && agencies.findById(certificate.agencyId).filter(scope::contains).isPresent();
    }

    private record Related(String caName, String caDn, String agencyCode, String tokenSerial, String replaces,
            String replacedBy) {
    }

    /** Everything a view names besides the certificate row, in one statement (a page shows twenty). */
    private static final String RELATED = """
            SELECT (SELECT name FROM ca WHERE id = :ca) AS ca_name,
              (SELECT subject_dn FROM ca WHERE id = :ca) AS ca_dn,
              (SELECT code FROM agency WHERE id = :agency) AS agency_code,
              (SELECT serial FROM token WHERE id = :token) AS token_serial,
              (SELECT serial FROM certificate WHERE id = :replaces) AS replaces,
              (SELECT MIN(serial) FROM certificate WHERE replaces_id = :id) AS replaced_by""";

    public CertificateView view(Certificate c) {
        Instant now = clock.instant();
        Map<String, Object> args = new HashMap<>();
        args.put("ca", c.caId);
        args.put("agency", c.agencyId);
        args.put("token", c.tokenId);
        args.put("replaces", c.replacesId);
        args.put("id", c.id);
        Related related = jdbc.sql(RELATED).params(args).query((rs, n) -> new Related(rs.getString("ca_name"),
                rs.getString("ca_dn"), rs.getString("agency_code"), rs.getString("token_serial"),
                rs.getString("replaces"), rs.getString("replaced_by"))).single();
        Validity validity = c.validityAt(now);
        boolean soon = validity == Validity.VALID && c.notAfter.isBefore(now.plus(Duration.ofDays(expiringSoonDays)));
        var revocation = c.status == CertificateStatus.GOOD ? null : new CertificateView.Revocation(c.revokedAt,
                c.revocationReason, c.revocationCase, c.invalidityDate, c.revocationComment);
        return new CertificateView(c.serial, related.caName(), related.caDn(), c.subjectDn, c.commonName,
                c.subscriberId, related.agencyCode(), c.profile, c.source, c.storage, related.tokenSerial(),
                c.notBefore, c.notAfter, validity, soon, c.keyAlgorithm, c.keySize, Pki.sha256Hex(c.der), revocation,
                related.replaces(), related.replacedBy(), c.renewalCount, c.version == null ? 0 : c.version);
    }

    public record CrlEntry(Instant revokedAt, RevocationReason reason) {
    }

    Optional<CrlEntry> crlEntry(long caId, String serial) {
        return jdbc.sql("SELECT revoked_at, reason FROM crl_entry WHERE ca_id = :ca AND serial = :serial")
                .param("ca", caId).param("serial", serial)
                .query((rs, n) -> new CrlEntry(db.instant(rs, "revoked_at"),
                        rs.getString("reason") == null ? null : RevocationReason.valueOf(rs.getString("reason"))))
                .optional();
    }

    public record Filter(String agency, boolean subtree, Long subscriberId, Validity status,
            Integer expiringWithinDays, String q) {

        /** A name and nothing else to narrow by: the name index alone answers it. */
        boolean onlyByName() {
            return agency == null && subscriberId == null && status == null && expiringWithinDays == null
                    && q != null && !Text.fold(q).isEmpty() && Pki.normalizeSerial(q) == null;
        }
    }

    /**
     * The same answer as {@link #list} gives for a name alone, from the name index, which keeps each
     * name's expiry in its key (V15): only the certificates on the page are read.
     */
    private PageResult<CertificateView> byName(String needle, PageResult.PageRequest page) {
        Map<String, Object> args = Map.of("wordsFrom", needle, "wordsTo", CertificateNames.end(needle),
                "limit", page.size(), "offset", page.offset());
        String range = " FROM certificate_name_entry WHERE words >= :wordsFrom AND words < :wordsTo";
        // one name can hold the needle at two words ("an" in "lê an an"): count certificates, not entries
        long total = jdbc.sql("SELECT COUNT(DISTINCT certificate_id)" + range).params(args).query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT DISTINCT not_after, certificate_id" + range
                + " ORDER BY not_after, certificate_id LIMIT :limit OFFSET :offset")
                .params(args).query((rs, n) -> rs.getLong("certificate_id")).list();
        return page(ids, page, total);
    }

    private PageResult<CertificateView> page(List<Long> ids, PageResult.PageRequest page, long total) {
        Map<Long, Certificate> byId = new HashMap<>();
        certificates.findAllById(ids).forEach(c -> byId.put(c.id, c));
        return PageResult.of(ids.stream().map(byId::get).map(this::view).toList(), page, total);
    }

    public PageResult<CertificateView> list(Filter filter, PageResult.PageRequest page) {
        AgencyScope scope = scopes.current();
        if (scope.all() && filter.onlyByName()) {
            return byName(Text.fold(filter.q()), page);
        }
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(
                " FROM certificate c JOIN agency a ON a.id = c.agency_id"
                        + " WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        AgencySql.withinScope(where, args, scope);
        if (filter.agency() != null) {
            AgencySql.ofAgency(where, args, agencyService.get(filter.agency()), filter.subtree());
        }
        if (filter.subscriberId() != null) {
            where.append(" AND c.subscriber_id = :subscriberId");
            args.put("subscriberId", filter.subscriberId());
        }
        args.put("now", db.instant(now));
        if (filter.status() != null) {
            where.append(switch (filter.status()) {
                case VALID -> " AND c.status = 'GOOD' AND c.not_before <= :now AND c.not_after > :now";
                case NOT_YET_VALID -> " AND c.status = 'GOOD' AND c.not_before > :now";
                case EXPIRED -> " AND c.status = 'GOOD' AND c.not_after <= :now";
                case ON_HOLD -> " AND c.status = 'ON_HOLD'";
                case REVOKED -> " AND c.status = 'REVOKED'";
            });
        }
        if (filter.expiringWithinDays() != null) {
            where.append(" AND c.status = 'GOOD' AND c.not_after > :now AND c.not_after <= :horizon");
            args.put("horizon", db.instant(now.plus(Duration.ofDays(filter.expiringWithinDays()))));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String serial = Pki.normalizeSerial(filter.q());
            String needle = Text.fold(filter.q());
            // the names with a word that starts with the needle, through V14's index
            if (needle.isEmpty()) {
                where.append(" AND (1 = 0");
            } else {
                where.append(" AND (c.id IN (SELECT certificate_id FROM certificate_name_entry"
                        + " WHERE words >= :wordsFrom AND words < :wordsTo)");
                args.put("wordsFrom", needle);
                args.put("wordsTo", CertificateNames.end(needle));
            }
            if (serial != null) {
                where.append(" OR c.serial = :serial");
                args.put("serial", serial);
            }
            where.append(")");
        }
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(args).query(Long.class).single();
        args.put("limit", page.size());
        args.put("offset", page.offset());
        List<Long> ids = jdbc.sql("SELECT c.id" + where + " ORDER BY c.not_after, c.id LIMIT :limit OFFSET :offset")
                .params(args).query(Long.class).list();
        return page(ids, page, total);
    }
}
