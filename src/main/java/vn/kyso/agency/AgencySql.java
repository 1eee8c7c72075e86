package vn.kyso.agency;

import java.util.Map;

/**
 * The SQL conditions every listing of agency-owned rows needs: keep what the user may see, and
 * narrow to one agency or its subtree. {@code a} is the alias of the joined agency table.
 */
public final class AgencySql {

    private AgencySql() {
    }

    public static void withinScope(StringBuilder where, Map<String, Object> args, AgencyScope scope) {
        if (!scope.all()) {
            where.append(" AND a.path >= :scopeLo AND a.path < :scopeHi");
            args.put("scopeLo", scope.pathPrefix());
            args.put("scopeHi", AgencyScope.end(scope.pathPrefix()));
        }
    }

    public static void ofAgency(StringBuilder where, Map<String, Object> args, Agency agency, boolean subtree) {
        if (subtree) {
            where.append(" AND a.path >= :lo AND a.path < :hi");
            args.put("lo", agency.path());
            args.put("hi", AgencyScope.end(agency.path()));
        } else {
            where.append(" AND a.id = :agencyId");
            args.put("agencyId", agency.id());
        }
    }
}
