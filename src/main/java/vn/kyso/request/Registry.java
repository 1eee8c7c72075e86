package vn.kyso.request;

import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.ca.Pki;

/**
 * What the request rows and links point at, read with the agency path each one belongs to, so a
 * row can be checked against the requesting agency's subtree without a second query.
 */
@Component
class Registry {

    private final JdbcClient jdbc;

    Registry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SubscriberRow(long id, String type, String status, String fullName, String agencyPath) {
    }

    record CertificateRow(long id, String serial, String status, String storage, Long tokenId, String tokenSerial,
            String commonName, String agencyPath) {
    }

    record TokenRow(long id, String serial, String state, String agencyPath) {
    }

    Optional<SubscriberRow> subscriber(long id) {
        return jdbc.sql("SELECT s.id, s.type, s.status, s.full_name, a.path FROM subscriber s"
                + " JOIN agency a ON a.id = s.agency_id WHERE s.id = :id").param("id", id)
                .query((rs, n) -> new SubscriberRow(rs.getLong("id"), rs.getString("type"), rs.getString("status"),
                        rs.getString("full_name"), rs.getString("path")))
                .optional();
    }

    Optional<CertificateRow> certificate(String serial) {
        return jdbc.sql("SELECT c.id, c.serial, c.status, c.storage, c.token_id, t.serial AS token_serial,"
                + " c.common_name, a.path FROM certificate c JOIN subscriber s ON s.id = c.subscriber_id"
                + " JOIN agency a ON a.id = s.agency_id LEFT JOIN token t ON t.id = c.token_id WHERE c.serial = :serial")
                .param("serial", serial)
                .query((rs, n) -> new CertificateRow(rs.getLong("id"), rs.getString("serial"), rs.getString("status"),
                        rs.getString("storage"), longOrNull(rs, "token_id"),
                        rs.getString("token_serial"), rs.getString("common_name"), rs.getString("path")))
                .optional();
    }

    /** A token and the path of the agency that has it; null path while it is in stock or with the provider. */
    Optional<TokenRow> token(String serial) {
        return jdbc.sql("SELECT t.id, t.serial, t.state, a.path FROM token t"
                + " LEFT JOIN agency a ON a.id = t.custodian_agency_id WHERE t.serial = :serial")
                .param("serial", serial)
                .query((rs, n) -> new TokenRow(rs.getLong("id"), rs.getString("serial"), rs.getString("state"),
                        rs.getString("path")))
                .optional();
    }

    static Long longOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Certificate serials as Kyso stores them (lower-case hex), or null when not hex. */
    static String certificateSerial(String text) {
        return text == null || text.isBlank() ? null : Pki.normalizeSerial(text);
    }

    /** Token serials as Kyso stores them: printed on the device, typed with spaces, dashes and lower case. */
    static String tokenSerial(String text) {
        return text == null ? null : text.strip().replaceAll("[\\s:-]", "").toUpperCase(Locale.ROOT);
    }
}
