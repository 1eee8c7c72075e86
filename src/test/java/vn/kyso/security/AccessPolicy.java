package vn.kyso.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may call what, written down once as data: one row per route (method, path pattern, and the
 * media type when one path answers in several), one column per caller. {@link AccessMatrixTest}
 * checks every row against the running service and fails on a route that has no row here.
 *
 * <p>Callers: an administrator, a registrar, a clerk, an agency officer of agency A (OFFICER, who
 * owns the records the path names), an agency officer of agency B (OUTSIDER), an auditor, and
 * someone not signed in. Cells:
 * <ul>
 * <li>{@code ok}  — served: 2xx, or a redirect that is not to the sign-in page;
 * <li>{@code in}  — let in: anything but 401, 403, the sign-in page or a 5xx (writes are sent a
 *     body the service refuses, so the walk changes nothing);
 * <li>{@code no}  — refused: 401 from the API, the sign-in page from the pages, 403 once signed in;
 * <li>{@code 404} — hidden: answered exactly like a record that does not exist.
 * </ul>
 */
final class AccessPolicy {

    static final List<String> CALLERS = List.of("ADMIN", "REGISTRAR", "CLERK", "OFFICER", "OUTSIDER", "AUDITOR",
            "ANONYMOUS");

    enum Cell { OK, IN, NO, HIDDEN }

    // @formatter:off
    private static final String TABLE = """
        # method path [media type]                               ADMIN REGISTRAR CLERK OFFICER OUTSIDER AUDITOR ANONYMOUS

        # agencies and their inventory (officers: own subtree only)
        GET    /api/v1/agencies                                     ok    ok        ok    ok      ok       ok      no
        POST   /api/v1/agencies                                     in    in        no    no      no       no      no
        GET    /api/v1/agencies/{code}                              ok    ok        ok    ok      404      ok      no
        PUT    /api/v1/agencies/{code}                              in    in        no    no      no       no      no
        GET    /api/v1/agencies/{code}/inventory application/json   ok    ok        no    ok      404      ok      no
        GET    /api/v1/agencies/{code}/inventory text/csv           ok    ok        no    ok      404      ok      no

        # subscribers: personal data, no clerks
        GET    /api/v1/subscribers                                  ok    ok        no    ok      ok       ok      no
        POST   /api/v1/subscribers                                  in    in        no    no      no       no      no
        GET    /api/v1/subscribers/{id}                             ok    ok        no    ok      404      ok      no
        PUT    /api/v1/subscribers/{id}                             in    in        no    no      no       no      no
        POST   /api/v1/subscribers/{id}/leave                       in    in        no    no      no       no      no

        # tokens: an officer may report what happened to its own agency's token
        GET    /api/v1/tokens application/json                      ok    ok        no    ok      ok       ok      no
        GET    /api/v1/tokens text/csv                              ok    ok        no    ok      ok       ok      no
        POST   /api/v1/tokens                                       in    in        no    no      no       no      no
        GET    /api/v1/tokens/lifecycle                             ok    ok        ok    ok      ok       ok      no
        GET    /api/v1/tokens/{serial}                              ok    ok        no    ok      404      ok      no
        POST   /api/v1/tokens/{serial}/{action}                     in    in        no    in      404      no      no
        GET    /api/v1/handover-records/{year}/{number} application/pdf ok ok       no    ok      404      ok      no
        GET    /api/v1/token-models                                 ok    ok        ok    ok      ok       ok      no
        POST   /api/v1/token-models                                 in    no        no    no      no       no      no

        # certificates: clerks read them to check a signer
        GET    /api/v1/certificates                                 ok    ok        ok    ok      ok       ok      no
        POST   /api/v1/certificates                                 in    in        no    no      no       no      no
        POST   /api/v1/certificates/import                          in    in        no    no      no       no      no
        POST   /api/v1/certificates/bulk-revoke                     in    in        no    no      no       no      no
        GET    /api/v1/certificates/revocation-reasons              ok    ok        ok    ok      ok       ok      no
        GET    /api/v1/certificates/{serial} application/json       ok    ok        ok    ok      404      ok      no
        GET    /api/v1/certificates/{serial} application/pkix-cert  ok    ok        ok    ok      404      ok      no
        GET    /api/v1/certificates/{serial} application/x-pem-file ok    ok        ok    ok      404      ok      no
        POST   /api/v1/certificates/{serial}/revoke                 in    in        no    no      no       no      no
        POST   /api/v1/certificates/{serial}/release                in    in        no    no      no       no      no
        POST   /api/v1/certificates/{serial}/renew                  in    in        no    no      no       no      no
        POST   /api/v1/certificates/{serial}/reissue                in    in        no    no      no       no      no

        # outside trust
        GET    /api/v1/trust-anchors                                ok    ok        ok    ok      ok       ok      no
        POST   /api/v1/trust-anchors                                in    no        no    no      no       no      no
        POST   /api/v1/crls                                         in    in        no    no      no       no      no

        # verification: a receipt belongs to whoever asked, and to the overseers
        POST   /api/v1/verifications                                in    in        in    in      in       no      no
        GET    /api/v1/verifications                                ok    ok        ok    ok      ok       ok      no
        GET    /api/v1/verifications/{id}                           ok    ok        404   ok      404      ok      no
        GET    /api/v1/verifications/{id}/receipt.pdf application/pdf ok  ok        404   ok      404      ok      no
        GET    /api/v1/validation-policy                            ok    ok        no    no      no       ok      no
        PUT    /api/v1/validation-policy                            in    no        no    no      no       no      no

        # periodic reports (a period is needed: asked for without one, the caller is let in and refused the input)
        GET    /api/v1/reports application/json                     in    in        no    in      in       in      no
        GET    /api/v1/reports text/csv                             in    in        no    in      in       in      no
        GET    /api/v1/reports application/pdf                      in    in        no    in      in       in      no

        # certification requests, working days, four eyes, expiry notices
        GET    /api/v1/requests                                     ok    ok        no    ok      ok       ok      no
        POST   /api/v1/requests                                     in    in        no    in      in       no      no
        GET    /api/v1/requests/{id}                                in    in        no    in      in       in      no
        POST   /api/v1/requests/{id}/letter                         in    in        no    in      in       no      no
        GET    /api/v1/requests/{id}/letter                         in    in        no    in      in       in      no
        POST   /api/v1/requests/{id}/links                          in    in        no    no      no       no      no
        POST   /api/v1/requests/{id}/{transition}                   in    in        no    no      no       no      no
        GET    /api/v1/holidays/{year}                              ok    ok        ok    ok      ok       ok      no
        PUT    /api/v1/holidays/{year}                              in    no        no    no      no       no      no
        GET    /api/v1/approvals                                    ok    ok        no    no      no       ok      no
        GET    /api/v1/approvals/{id}                               in    in        no    no      no       in      no
        POST   /api/v1/approvals/{id}/approve                       in    in        no    no      no       no      no
        POST   /api/v1/approvals/{id}/reject                        in    in        no    no      no       no      no
        GET    /api/v1/approval-rules                               ok    ok        ok    ok      ok       ok      no
        PUT    /api/v1/approval-rules/{action}                      in    no        no    no      no       no      no
        GET    /api/v1/expiry-notices                               ok    ok        no    ok      ok       ok      no
        POST   /api/v1/expiry-notices/run                           in    no        no    no      no       no      no

        # mergers and dissolutions (an unknown job: let in, then not found)
        POST   /api/v1/reorganisations                              in    in        no    no      no       no      no
        GET    /api/v1/reorganisations/{id}                         in    in        no    no      no       no      no
        POST   /api/v1/reorganisations/{id}/start                   in    in        no    no      no       no      no

        # bulk imports (an unknown job: let in, then not found)
        POST   /api/v1/imports                                      in    in        no    no      no       no      no
        GET    /api/v1/imports                                      ok    ok        no    no      no       no      no
        GET    /api/v1/imports/{id}                                 in    in        no    no      no       no      no
        POST   /api/v1/imports/{id}/apply                           in    in        no    no      no       no      no
        GET    /api/v1/imports/{id}/result.csv text/csv             in    in        no    no      no       no      no

        # users and the audit log
        GET    /api/v1/users                                        ok    no        no    no      no       no      no
        POST   /api/v1/users                                        in    no        no    no      no       no      no
        GET    /api/v1/users/me                                     ok    ok        ok    ok      ok       ok      no
        GET    /api/v1/users/{username}                             ok    no        no    no      no       no      no
        PATCH  /api/v1/users/{username}                             in    no        no    no      no       no      no
        GET    /api/v1/audit                                        ok    no        no    no      no       ok      no
        GET    /api/v1/audit/verify                                 ok    no        no    no      no       ok      no

        # operations
        GET    /actuator                                            ok    no        no    no      no       no      no
        GET    /actuator/health                                     ok    ok        ok    ok      ok       ok      ok
        GET    /actuator/health/**                                  in    in        in    in      in       in      in
        GET    /actuator/info                                       ok    ok        ok    ok      ok       ok      ok
        GET    /actuator/metrics                                    ok    no        no    no      no       no      no
        GET    /actuator/metrics/{requiredMetricName}               ok    no        no    no      no       no      no
        GET    /actuator/prometheus                                 ok    no        no    no      no       no      no

        # what relying parties fetch without signing in, and the API's description
        GET    /ca/{file}                                           ok    ok        ok    ok      ok       ok      ok
        GET    /crl/{file}                                          ok    ok        ok    ok      ok       ok      ok
        GET    /ocsp/**                                             ok    ok        ok    ok      ok       ok      ok
        POST   /ocsp                                                ok    ok        ok    ok      ok       ok      ok
        POST   /ocsp/                                               ok    ok        ok    ok      ok       ok      ok
        GET    /v3/api-docs application/json                        ok    ok        ok    ok      ok       ok      ok
        GET    /v3/api-docs.yaml application/vnd.oai.openapi        ok    ok        ok    ok      ok       ok      ok
        GET    /v3/api-docs/swagger-config application/json         ok    ok        ok    ok      ok       ok      ok
        GET    /swagger-ui.html                                     ok    ok        ok    ok      ok       ok      ok
        GET    /login                                               ok    ok        ok    ok      ok       ok      ok
        GET    /error                                               404   404       404   404     404      404     404
        GET    /error text/html                                     404   404       404   404     404      404     404

        # pages
        GET    /                                                    ok    ok        ok    ok      ok       ok      no
        GET    /upload-too-large                                    in    in        in    in      in       in      no
        GET    /dashboard                                           ok    ok        no    no      no       no      no
        GET    /tokens                                              ok    ok        no    no      no       ok      no
        GET    /tokens/{serial}                                     ok    ok        no    no      no       ok      no
        POST   /tokens/{serial}/{action}                            in    in        no    no      no       no      no
        GET    /tokens/records/{year}/{number}                      ok    ok        no    no      no       ok      no
        GET    /certificates                                        ok    ok        no    no      no       ok      no
        GET    /certificates/{serial}                               ok    ok        no    no      no       ok      no
        POST   /certificates/{serial}/revoke                        in    in        no    no      no       no      no
        GET    /certificates/bulk-revocation                        ok    ok        no    no      no       no      no
        POST   /certificates/bulk-revocation                        in    in        no    no      no       no      no
        GET    /inventory                                           ok    ok        no    ok      ok       ok      no
        GET    /inventory/{code}                                    ok    ok        no    ok      404      ok      no
        GET    /inventory/{code}.csv                                ok    ok        no    ok      404      ok      no
        GET    /verify                                              ok    ok        ok    ok      ok       no      no
        POST   /verify                                              in    in        in    in      in       no      no
        GET    /verify/history                                      ok    ok        ok    ok      ok       ok      no
        GET    /verify/{id}                                         ok    ok        404   ok      404      ok      no
        GET    /verify/{id}/receipt.pdf                             ok    ok        404   ok      404      ok      no
        GET    /audit                                               ok    no        no    no      no       ok      no
        GET    /admin/users                                         ok    no        no    no      no       no      no
        POST   /admin/users                                         in    no        no    no      no       no      no
        POST   /admin/users/{username}/unlock                       in    no        no    no      no       no      no
        GET    /admin/trust-anchors                                 ok    no        no    no      no       no      no
        POST   /admin/trust-anchors                                 in    no        no    no      no       no      no
        GET    /admin/policy                                        ok    no        no    no      no       no      no
        GET    /agencies                                            ok    ok        no    ok      ok       ok      no
        POST   /agencies                                            in    in        no    no      no       no      no
        GET    /agencies/{code}                                     ok    ok        no    ok      404      ok      no
        GET    /subscribers/new                                     ok    ok        no    no      no       no      no
        POST   /subscribers                                         in    in        no    no      no       no      no
        GET    /subscribers/{id}                                    ok    ok        no    ok      404      ok      no
        POST   /subscribers/{id}/certificates                       in    in        no    no      no       no      no
        POST   /subscribers/{id}/certificates/import                in    in        no    no      no       no      no
        POST   /certificates/{serial}/renew                         in    in        no    no      no       no      no
        GET    /reports                                             ok    ok        no    ok      ok       ok      no
        GET    /reports/report.csv                                  in    in        no    in      in       in      no
        GET    /reports/report.pdf                                  in    in        no    in      in       in      no
        GET    /reorganisations                                     ok    ok        no    no      no       no      no
        POST   /reorganisations                                     in    in        no    no      no       no      no
        GET    /reorganisations/{id}                                in    in        no    no      no       no      no
        POST   /reorganisations/{id}/start                          in    in        no    no      no       no      no
        GET    /reorganisations/{id}/items.csv                      in    in        no    no      no       no      no
        GET    /session/alive                                       ok    ok        ok    ok      ok       ok      no
        GET    /requests                                            ok    ok        no    ok      ok       ok      no
        GET    /requests/{id}                                       in    in        no    in      in       in      no
        GET    /requests/{id}/letter                                in    in        no    in      in       in      no
        POST   /requests/{id}/{transition}                          in    in        no    no      no       no      no
        GET    /approvals                                           ok    ok        no    no      no       ok      no
        GET    /imports                                             ok    ok        no    no      no       no      no
        POST   /imports                                             in    in        no    no      no       no      no
        GET    /imports/{id}                                        in    in        no    no      no       no      no
        POST   /imports/{id}/apply                                  in    in        no    no      no       no      no
        GET    /imports/{id}/result.csv                             in    in        no    no      no       no      no
        POST   /approvals/{id}/{decision}                           in    in        no    no      no       no      no
        POST   /admin/policy                                        in    no        no    no      no       no      no
        """;
    // @formatter:on

    /** A route as the table and the application both name it. */
    record Route(String method, String pattern, String mediaType) {
        @Override
        public String toString() {
            return method + " " + pattern + (mediaType == null ? "" : " " + mediaType);
        }

        boolean api() {
            return pattern.startsWith("/api/") || pattern.startsWith("/actuator");
        }
    }

    /** Every row, in the table's order: the route and what each caller should meet. */
    static Map<Route, Map<String, Cell>> rows() {
        Map<Route, Map<String, Cell>> rows = new LinkedHashMap<>();
        for (String line : TABLE.split("\n")) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split("\\s+");
            int cells = CALLERS.size();
            if (parts.length != cells + 2 && parts.length != cells + 3) {
                throw new IllegalStateException("A row needs a method, a path, maybe a media type and "
                        + cells + " cells: " + text);
            }
            Route route = new Route(parts[0], parts[1], parts.length == cells + 3 ? parts[2] : null);
            Map<String, Cell> expected = new LinkedHashMap<>();
            for (int i = 0; i < cells; i++) {
                expected.put(CALLERS.get(i), cell(parts[parts.length - cells + i]));
            }
            if (rows.put(route, expected) != null) {
                throw new IllegalStateException("Two rows for " + route);
            }
        }
        return rows;
    }

    private static Cell cell(String text) {
        return switch (text) {
            case "ok" -> Cell.OK;
            case "in" -> Cell.IN;
            case "no" -> Cell.NO;
            case "404" -> Cell.HIDDEN;
            default -> throw new IllegalStateException("Unknown cell " + text);
        };
    }

    private AccessPolicy() {
    }
}
