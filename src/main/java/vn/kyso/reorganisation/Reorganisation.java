package vn.kyso.reorganisation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.kyso.common.Bilingual;

/** The shapes of a reorganisation: what is asked, the items it plans, and the job as it runs. */
public final class Reorganisation {

    private Reorganisation() {
    }

    public enum Kind {
        /** The sources close and everything they held goes to the successor. */
        MERGE,
        /** The sources close; they must hold nothing that could go elsewhere. */
        DISSOLVE
    }

    public record Request(
            @NotNull Kind kind,
            @NotEmpty @Size(max = 500) List<@NotNull @Size(max = 40) String> sources,
            @Size(max = 40) String successor,
            /* revoke the organisation certificates of the closing bodies; otherwise only list them */
            Boolean revokeOrganizationCertificates,
            @Size(max = 1000) String comment) {
    }

    /** In the order they run: certificates are revoked while their body still exists, bodies close last. */
    public enum Step {
        REVOKE_CERTIFICATE, KEEP_CERTIFICATE, CLOSE_SUBSCRIBER, MOVE_SUBSCRIBER, MOVE_TOKEN, MOVE_AGENCY, CLOSE_AGENCY
    }

    public enum Outcome {
        /** Planned, to be done by the real run. */
        WILL,
        /** Listed only: the run leaves it as it is. */
        LISTED,
        /** Stands in the way: the run is refused until it is resolved. */
        BLOCKED,
        DONE,
        FAILED
    }

    /** One thing the reorganisation does; {@code ref} names it (serial, subscriber id, agency code). */
    public record Item(Step step, String ref, String label, String from, String to, Outcome outcome,
            Bilingual message) {

        Item with(Outcome outcome, Bilingual message) {
            return new Item(step, ref, label, from, to, outcome, message);
        }

        /** What makes two plans the same plan. */
        String key() {
            return step + "|" + ref + "|" + from + "|" + to + "|" + outcome;
        }
    }

    public enum Status { PLANNED, RUNNING, DONE, INTERRUPTED }

    public record Job(String id, Kind kind, Request request, Status status, int totalItems, int doneItems,
            int failedItems, Map<Outcome, Long> counts, List<Item> items, String createdBy, Instant createdAt,
            String startedBy, Instant startedAt, Instant finishedAt, Long pendingApprovalId) {

        Job withStatus(Status status) {
            return new Job(id, kind, request, status, totalItems, doneItems, failedItems, counts, items, createdBy,
                    createdAt, startedBy, startedAt, finishedAt, pendingApprovalId);
        }

        Job awaiting(long approvalId) {
            return new Job(id, kind, request, status, totalItems, doneItems, failedItems, counts, items, createdBy,
                    createdAt, startedBy, startedAt, finishedAt, approvalId);
        }
    }
}
