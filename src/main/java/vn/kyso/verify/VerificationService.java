package vn.kyso.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.audit.AuditLog;
import vn.kyso.ca.Pki;
import vn.kyso.common.db.Db;
import vn.kyso.common.db.GroupCommit;
import vn.kyso.security.KysoPrincipal;
import vn.kyso.security.Role;

/**
 * Verifies an upload, names the signer's agency and token when Kyso registered the certificate,
 * and keeps the report as a receipt. The verification itself runs outside any transaction: it
 * reads a consistent enough view and must not hold the database's write lock while it parses.
 */
@Service
public class VerificationService {

    private final Verifier verifier;
    private final KysoTrust trust;
    private final PolicyStore policies;
    private final JdbcClient jdbc;
    private final Db db;
    private final JsonMapper json;
    private final AuditLog audit;
    private final GroupCommit groupCommit;

    public VerificationService(Verifier verifier, KysoTrust trust, PolicyStore policies, JdbcClient jdbc, Db db,
            JsonMapper json, AuditLog audit, GroupCommit groupCommit) {
        this.verifier = verifier;
        this.trust = trust;
        this.policies = policies;
        this.jdbc = jdbc;
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.groupCommit = groupCommit;
    }

    public VerificationReport verify(byte[] document, byte[] signature, String fileName, Instant validationTime) {
        VerificationReport report = verifier.verify(document, signature, validationTime, trust.current(),
                policies.current());
        List<SignatureReport> signatures = new ArrayList<>();
        for (SignatureReport s : report.signatures()) {
            signatures.add(s.signer() == null ? s : s.withSigner(known(s.signer())));
        }
        VerificationReport stored = report.with(UUID.randomUUID().toString(), signatures);
        String actor = AuditLog.currentActor();
        // written here, not in the write queue, where every verification waits for the one writer
        String reportJson = json.writeValueAsString(stored);
        // many verifications share one durable commit on SQLite
        groupCommit.run(() -> {
            jdbc.sql("""
                    INSERT INTO verification (id, created_at, actor, file_name, format, document_sha256, document_size,
                        indication, sub_indication, report)
                    VALUES (:id, :at, :actor, :file, :format, :sha, :size, :ind, :sub, :report)""")
                    .param("id", stored.id()).param("at", db.instant(stored.receivedAt())).param("actor", actor)
                    .param("file", fileName == null ? null : fileName.substring(0, Math.min(255, fileName.length())))
                    .param("format", stored.format()).param("sha", stored.documentSha256())
                    .param("size", stored.documentSize()).param("ind", stored.indication().name())
                    .param("sub", stored.subIndication() == null ? null : stored.subIndication().name())
                    .param("report", reportJson).update();
            audit.record(actor, new AuditLog.Change("verification.create", "verification", stored.id(), null, null,
                    Map.of("documentSha256", stored.documentSha256(), "indication", stored.indication().name(),
                            "signatures", stored.signatures().size())));
        });
        return stored;
    }

    /** A stored report, for whoever made it and for the roles that oversee verifications. */
    public Optional<VerificationReport> get(String id, KysoPrincipal user) {
        return jdbc.sql("SELECT actor, report FROM verification WHERE id = :id").param("id", id)
                .query((rs, n) -> new String[] {rs.getString("actor"), rs.getString("report")}).optional()
                .filter(row -> row[0].equals(user.getUsername()) || user.has(Role.ADMIN) || user.has(Role.AUDITOR)
                        || user.has(Role.REGISTRAR))
                .map(row -> json.readValue(row[1], VerificationReport.class));
    }

    public record Summary(String id, Instant createdAt, String actor, String fileName, String format,
            String indication, String subIndication) {
    }

    /** The latest verifications: a user's own, or everyone's for the overseeing roles. */
    public List<Summary> recent(KysoPrincipal user, int limit) {
        boolean all = user.has(Role.ADMIN) || user.has(Role.AUDITOR) || user.has(Role.REGISTRAR);
        return jdbc.sql("SELECT id, created_at, actor, file_name, format, indication, sub_indication FROM verification"
                + (all ? "" : " WHERE actor = :actor") + " ORDER BY created_at DESC LIMIT :limit")
                .paramSource(all ? Map.of("limit", limit) : Map.of("actor", user.getUsername(), "limit", limit))
                .query((rs, n) -> new Summary(rs.getString("id"), db.instant(rs, "created_at"), rs.getString("actor"),
                        rs.getString("file_name"), rs.getString("format"), rs.getString("indication"),
                        rs.getString("sub_indication")))
                .list();
    }

    private SignatureReport.Signer known(SignatureReport.Signer signer) {
        return jdbc.sql("""
                SELECT c.der, a.code, a.name, s.type, t.serial AS token
                FROM certificate c JOIN subscriber s ON s.id = c.subscriber_id JOIN agency a ON a.id = s.agency_id
                LEFT JOIN token t ON t.id = c.token_id
                WHERE c.serial = :serial""")
                .param("serial", signer.serialNumber())
                .query((rs, n) -> Pki.sha256Hex(rs.getBytes("der")).equals(signer.certificateSha256())
                        ? signer.known(rs.getString("code"), rs.getString("name"), rs.getString("type"),
                                rs.getString("token"))
                        : signer)
                .optional().orElse(signer);
    }
}
