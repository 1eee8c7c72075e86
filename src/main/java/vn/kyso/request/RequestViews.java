package vn.kyso.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.approval.ApprovalAction;
import vn.kyso.approval.Approvals;
import vn.kyso.common.db.Db;
import vn.kyso.security.Role;

/** A request as the API shows it: its rows, letter, links, history and deadline. */
@Component
public class RequestViews {

    private final AgencyRepository agencies;
    private final RequestItems items;
    private final RequestLetters letters;
    private final RequestLinks links;
    private final WorkingCalendar calendar;
    private final Approvals approvals;
    private final JdbcClient jdbc;
    private final Db db;

    RequestViews(AgencyRepository agencies, RequestItems items, RequestLetters letters, RequestLinks links,
            WorkingCalendar calendar, Approvals approvals, JdbcClient jdbc, Db db) {
        this.agencies = agencies;
        this.items = items;
        this.letters = letters;
        this.links = links;
        this.calendar = calendar;
        this.approvals = approvals;
        this.jdbc = jdbc;
        this.db = db;
    }

    public record AgencyRef(String code, String name) {
    }

    public record Person(String name, String position) {
    }

    public record Contact(String name, String phone, String email) {
    }

    public record Event(String action, RequestStatus fromStatus, RequestStatus toStatus, String actor,
            Instant occurredAt, String note) {
    }

    public record Deadline(LocalDate dueOn, boolean overdue, Boolean onTime) {
    }

    public record RequestView(long id, String number, RequestKind kind, String form, AgencyRef agency,
            RequestKind.FiledBy filedBy, String reference, Person signer, Contact contact, String note,
            RequestStatus status, Instant receivedAt, LocalDate dueOn, boolean overdue, Boolean onTime,
            Instant closedAt, String checkNote, String rejectionReason, RequestLetters.Letter letter,
            List<RequestItem> items, List<RequestLinks.Link> links, List<Event> history,
            List<String> allowedTransitions, Long pendingApprovalId, String createdBy, long version) {
    }

    public RequestView view(CertificationRequest r, Set<Role> roles) {
        Agency agency = agencies.findById(r.agencyId).orElseThrow();
        List<RequestItem> rows = items.of(r.id);
        Deadline deadline = deadline(r.status, r.dueOn, r.closedAt, calendar.today());
        boolean registrar = roles.contains(Role.ADMIN) || roles.contains(Role.REGISTRAR);
        List<String> allowed = registrar
                ? RequestTransition.allowedNow(r.kind, r.status).stream().map(RequestTransition::slug).toList()
                : List.of();
        Long pending = approvals.pendingFor(ApprovalAction.REQUEST_APPROVAL, r.id.toString()).orElse(null);
        return new RequestView(r.id, r.number(), r.kind, r.kind.form(), new AgencyRef(agency.code(), agency.name()),
                r.filedBy, r.reference, new Person(r.signerName, r.signerPosition),
                new Contact(r.contactName, r.contactPhone, r.contactEmail), r.note, r.status, r.receivedAt, r.dueOn,
                deadline.overdue(), deadline.onTime(), r.closedAt, r.checkNote, r.rejectionReason,
                letters.of(r.id).orElse(null), rows, links.of(r.id, rows), history(r.id), allowed, pending,
                r.createdBy, r.version);
    }

    /** Overdue: still open after its last day. On time: done by its last day (null while open, rejected, or without one). */
    static Deadline deadline(RequestStatus status, LocalDate dueOn, Instant closedAt, LocalDate today) {
        boolean overdue = status.open() && dueOn != null && today.isAfter(dueOn);
        Boolean onTime = status != RequestStatus.DONE || dueOn == null || closedAt == null ? null
                : !LocalDate.ofInstant(closedAt, WorkingCalendar.VIETNAM).isAfter(dueOn);
        return new Deadline(dueOn, overdue, onTime);
    }

    private List<Event> history(long id) {
        return jdbc.sql("SELECT action, from_status, to_status, actor, occurred_at, note FROM request_event"
                + " WHERE request_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> new Event(rs.getString("action"),
                        rs.getString("from_status") == null ? null : RequestStatus.valueOf(rs.getString("from_status")),
                        RequestStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                        db.instant(rs, "occurred_at"), rs.getString("note")))
                .list();
    }
}
