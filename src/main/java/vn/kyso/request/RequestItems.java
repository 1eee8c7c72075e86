package vn.kyso.request;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.agency.Agency;
import vn.kyso.certificate.RevocationCase;
import vn.kyso.common.Text;
import vn.kyso.common.Violations;

/**
 * Checks the rows of a request against its kind and against the registry: each names what its
 * form asks for, nothing else, and everything it names belongs to the requesting agency or the
 * units below it. Every bad field is reported at once, as items[i].field.
 */
@Component
class RequestItems {

    private static final Set<String> LOCKABLE = Set.of("IN_USE", "LOCKED", "RESTORE_REQUESTED");

    private final Registry registry;
    private final JdbcClient jdbc;

    RequestItems(Registry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    List<RequestItem> check(RequestKind kind, Agency agency, List<RequestBodies.Item> rows, Violations violations) {
        List<RequestItem> items = new ArrayList<>(rows.size());
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            RequestBodies.Item row = rows.get(i);
            Row r = new Row("items[" + i + "].", row, violations);
            RequestItem item = switch (kind.row()) {
                case SUBSCRIBER -> subscriberRow(kind, agency, r, i + 1);
                case CERTIFICATE_CHANGE -> changeRow(agency, r, i + 1);
                case REVOCATION -> revocationRow(agency, r, i + 1);
                case TOKEN -> tokenRow(agency, r, i + 1);
            };
            if (item != null) {
                Object key = item.subscriberId() != null ? item.subscriberId()
                        : item.certificateSerial() != null ? item.certificateSerial() : item.tokenSerial();
                if (key != null && !seen.add(key)) {
                    violations.reject(r.prefix + "row", "error.request.duplicateRow", i + 1);
                }
                items.add(item);
            }
        }
        return items;
    }

    /** Reads one row's fields, noting the ones that must not be there. */
    private record Row(String prefix, RequestBodies.Item item, Violations violations) {
        void forbid(String field, Object value) {
            if (value != null) {
                violations.reject(prefix + field, "error.request.fieldNotForKind");
            }
        }

        void require(String field, Object value) {
            if (value == null || value instanceof String s && s.isBlank()) {
                violations.reject(prefix + field, "error.required");
            }
        }
    }

    private RequestItem subscriberRow(RequestKind kind, Agency agency, Row r, int position) {
        RequestBodies.Item item = r.item();
        r.forbid("certificateSerial", item.certificateSerial());
        r.forbid("tokenSerial", item.tokenSerial());
        r.forbid("change", item.change());
        r.forbid("field", item.field());
        r.forbid("newValue", item.newValue());
        r.forbid("case", item.revocationCase());
        r.forbid("identityNumber", item.identityNumber());
        r.forbid("collectionContact", item.collectionContact());
        r.require("subscriberId", item.subscriberId());
        String old = null;
        if (item.oldCertificateSerial() != null && !item.oldCertificateSerial().isBlank()) {
            old = Registry.certificateSerial(item.oldCertificateSerial());
            if (old == null) {
                r.violations().reject(r.prefix() + "oldCertificateSerial", "error.certificate.serialFormat");
            }
        }
        if (item.subscriberId() == null) {
            return null;
        }
        var subscriber = registry.subscriber(item.subscriberId()).filter(s -> s.agencyPath().startsWith(agency.path()));
        if (subscriber.isEmpty()) {
            r.violations().reject(r.prefix() + "subscriberId", "error.request.subscriberNotInAgency",
                    item.subscriberId(), agency.code());
        } else if (!subscriber.get().type().equals(kind.subscriberType().name())) {
            r.violations().reject(r.prefix() + "subscriberId", "error.request.subscriberType",
                    subscriber.get().fullName(), subscriber.get().type(), kind.form(), kind.subscriberType());
        } else if (!"ACTIVE".equals(subscriber.get().status())) {
            r.violations().reject(r.prefix() + "subscriberId", "error.certificate.subscriberInactive",
                    item.subscriberId(), subscriber.get().status());
        }
        return new RequestItem(position, item.subscriberId(), old, null, null, null, null, null, null, null, null);
    }

    private RequestItem changeRow(Agency agency, Row r, int position) {
        RequestBodies.Item item = r.item();
        r.forbid("subscriberId", item.subscriberId());
        r.forbid("oldCertificateSerial", item.oldCertificateSerial());
        r.forbid("tokenSerial", item.tokenSerial());
        r.forbid("case", item.revocationCase());
        r.forbid("identityNumber", item.identityNumber());
        r.forbid("collectionContact", item.collectionContact());
        r.require("change", item.change());
        if (item.change() != null && item.change() != RequestKind.Change.RENEWAL) {
            r.require("field", item.field());
            r.require("newValue", item.newValue());
        } else {
            r.forbid("field", item.field());
            r.forbid("newValue", item.newValue());
        }
        var certificate = certificate(agency, r);
        return new RequestItem(position, null, null, certificate == null ? null : certificate.serial(), null,
                item.change(), Text.clean(item.field()), Text.clean(item.newValue()), null, null, null);
    }

    private RequestItem revocationRow(Agency agency, Row r, int position) {
        RequestBodies.Item item = r.item();
        r.forbid("subscriberId", item.subscriberId());
        r.forbid("oldCertificateSerial", item.oldCertificateSerial());
        r.forbid("change", item.change());
        r.forbid("field", item.field());
        r.forbid("newValue", item.newValue());
        r.require("case", item.revocationCase());
        String identity = Text.clean(item.identityNumber());
        if (identity != null && !identity.matches("[0-9]{9}|[0-9]{12}|[0-9]{10}(-?[0-9]{3})?")) {
            r.violations().reject(r.prefix() + "identityNumber", "error.request.identityNumber");
        }
        var certificate = certificate(agency, r);
        String token = Registry.tokenSerial(item.tokenSerial());
        token = token == null || token.isEmpty() ? null : token;
        if (certificate != null) {
            if ("REVOKED".equals(certificate.status())) {
                r.violations().reject(r.prefix() + "certificateSerial", "error.request.certificateRevoked",
                        certificate.serial());
            }
            if (certificate.tokenSerial() != null) {
                // the form asks for the token; Kyso knows which one it is
                if (token != null && !token.equals(certificate.tokenSerial())) {
                    r.violations().reject(r.prefix() + "tokenSerial", "error.request.tokenMismatch", token,
                            certificate.serial(), certificate.tokenSerial());
                }
                token = certificate.tokenSerial();
            } else if ("TOKEN".equals(certificate.storage()) && token == null) {
                r.violations().reject(r.prefix() + "tokenSerial", "error.required");
            }
        }
        RevocationCase revocationCase = item.revocationCase();
        return new RequestItem(position, null, null, certificate == null ? null : certificate.serial(), token, null,
                null, null, revocationCase, identity, Text.clean(item.collectionContact()));
    }

    private RequestItem tokenRow(Agency agency, Row r, int position) {
        RequestBodies.Item item = r.item();
        r.forbid("subscriberId", item.subscriberId());
        r.forbid("oldCertificateSerial", item.oldCertificateSerial());
        r.forbid("certificateSerial", item.certificateSerial());
        r.forbid("change", item.change());
        r.forbid("field", item.field());
        r.forbid("newValue", item.newValue());
        r.forbid("case", item.revocationCase());
        r.forbid("identityNumber", item.identityNumber());
        r.forbid("collectionContact", item.collectionContact());
        String serial = Registry.tokenSerial(item.tokenSerial());
        if (serial == null || serial.isEmpty()) {
            r.violations().reject(r.prefix() + "tokenSerial", "error.required");
            return null;
        }
        var token = registry.token(serial)
                .filter(t -> t.agencyPath() != null && t.agencyPath().startsWith(agency.path()));
        if (token.isEmpty()) {
            r.violations().reject(r.prefix() + "tokenSerial", "error.request.tokenNotInAgency", serial, agency.code());
        } else if (!LOCKABLE.contains(token.get().state())) {
            r.violations().reject(r.prefix() + "tokenSerial", "error.request.tokenState", serial, token.get().state());
        }
        return new RequestItem(position, null, null, null, serial, null, null, null, null, null, null);
    }

    private Registry.CertificateRow certificate(Agency agency, Row r) {
        String text = r.item().certificateSerial();
        if (text == null || text.isBlank()) {
            r.violations().reject(r.prefix() + "certificateSerial", "error.required");
            return null;
        }
        String serial = Registry.certificateSerial(text);
        if (serial == null) {
            r.violations().reject(r.prefix() + "certificateSerial", "error.certificate.serialFormat");
            return null;
        }
        var certificate = registry.certificate(serial).filter(c -> c.agencyPath().startsWith(agency.path()));
        if (certificate.isEmpty()) {
            r.violations().reject(r.prefix() + "certificateSerial", "error.request.certificateNotInAgency", serial,
                    agency.code());
            return null;
        }
        return certificate.get();
    }

    void save(long requestId, List<RequestItem> items) {
        for (RequestItem i : items) {
            jdbc.sql("""
                    INSERT INTO request_item (request_id, position, subscriber_id, old_certificate_serial,
                        certificate_serial, token_serial, change_kind, changed_field, new_value, revocation_case,
                        identity_number, collection_contact)
                    VALUES (:request, :position, :subscriber, :old, :certificate, :token, :change, :field, :value,
                        :case, :identity, :contact)""")
                    .param("request", requestId).param("position", i.position()).param("subscriber", i.subscriberId())
                    .param("old", i.oldCertificateSerial()).param("certificate", i.certificateSerial())
                    .param("token", i.tokenSerial()).param("change", i.change() == null ? null : i.change().name())
                    .param("field", i.field()).param("value", i.newValue())
                    .param("case", i.revocationCase() == null ? null : i.revocationCase().name())
                    .param("identity", i.identityNumber()).param("contact", i.collectionContact()).update();
        }
    }

    List<RequestItem> of(long requestId) {
        return jdbc.sql("SELECT * FROM request_item WHERE request_id = :id ORDER BY position").param("id", requestId)
                .query((rs, n) -> new RequestItem(rs.getInt("position"), Registry.longOrNull(rs, "subscriber_id"),
                        rs.getString("old_certificate_serial"), rs.getString("certificate_serial"),
                        rs.getString("token_serial"),
                        rs.getString("change_kind") == null ? null : RequestKind.Change.valueOf(rs.getString("change_kind")),
                        rs.getString("changed_field"), rs.getString("new_value"),
                        rs.getString("revocation_case") == null ? null
                                : RevocationCase.valueOf(rs.getString("revocation_case")),
                        rs.getString("identity_number"), rs.getString("collection_contact")))
                .list();
    }
}
