package vn.kyso.request;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.common.db.Db;

/** The certificates and tokens a request produced or changed, with their current state. */
@Component
class RequestLinks {

    /** A certificate or token named on the request's rows was changed by it; any other was produced. */
    public enum Effect { PRODUCED, CHANGED }

    public record Link(Integer item, String certificateSerial, String certificateStatus, String commonName,
            String tokenSerial, String tokenState, Effect effect, String linkedBy, Instant linkedAt) {
    }

    private final JdbcClient jdbc;
    private final Db db;

    RequestLinks(JdbcClient jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    boolean exists(long requestId, Long certificateId, Long tokenId) {
        return jdbc.sql("SELECT COUNT(*) FROM request_link WHERE request_id = :r"
                + (certificateId != null ? " AND certificate_id = :c" : " AND token_id = :t"))
                .param("r", requestId).param(certificateId != null ? "c" : "t",
                        certificateId != null ? certificateId : tokenId)
                .query(Long.class).single() > 0;
    }

    void add(long requestId, Integer item, Long certificateId, Long tokenId, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO request_link (request_id, item_position, certificate_id, token_id, linked_by, linked_at)
                VALUES (:r, :item, :c, :t, :by, :at)""")
                .param("r", requestId).param("item", item).param("c", certificateId).param("t", tokenId)
                .param("by", actor).param("at", db.instant(at)).update();
    }

    long count(long requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM request_link WHERE request_id = :r").param("r", requestId)
                .query(Long.class).single();
    }

    List<Link> of(long requestId, List<RequestItem> items) {
        return jdbc.sql("""
                SELECT l.item_position, c.serial AS certificate_serial, c.status AS certificate_status, c.common_name,
                    t.serial AS token_serial, t.state AS token_state, l.linked_by, l.linked_at
                FROM request_link l LEFT JOIN certificate c ON c.id = l.certificate_id
                    LEFT JOIN token t ON t.id = l.token_id
                WHERE l.request_id = :r ORDER BY l.id""").param("r", requestId)
                .query((rs, n) -> {
                    String certificate = rs.getString("certificate_serial");
                    String token = rs.getString("token_serial");
                    boolean named = items.stream().anyMatch(i -> certificate != null
                            ? certificate.equals(i.certificateSerial()) : token.equals(i.tokenSerial()));
                    Integer item = rs.getObject("item_position") == null ? null : rs.getInt("item_position");
                    return new Link(item, certificate, rs.getString("certificate_status"),
                            rs.getString("common_name"), token, rs.getString("token_state"),
                            named ? Effect.CHANGED : Effect.PRODUCED, rs.getString("linked_by"),
                            db.instant(rs, "linked_at"));
                })
                .list();
    }
}
