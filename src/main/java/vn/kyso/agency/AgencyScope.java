package vn.kyso.agency;

/**
 * What the current user may see: every agency, or one agency's subtree (an agency officer).
 * Everything that lists or fetches agency-owned data filters through one of these.
 */
public record AgencyScope(String pathPrefix) {

    public static final AgencyScope ALL = new AgencyScope(null);
    /** A user bound to no agency and without a province-wide role sees nothing. */
    public static final AgencyScope NONE = new AgencyScope("\u0000");

    public boolean all() {
        return pathPrefix == null;
    }

    public boolean contains(Agency agency) {
        return all() || agency.isWithin(pathPrefix);
    }

    /** The exclusive upper bound of a path range: every path starting with {@code prefix} sorts below it. */
    public static String end(String prefix) {
        // '/' is followed by '0' in byte order, and codes hold no character between them
        return prefix.substring(0, prefix.length() - 1) + "0";
    }
}
