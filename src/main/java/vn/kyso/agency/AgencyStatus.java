package vn.kyso.agency;

public enum AgencyStatus {
    ACTIVE,
    /** Dissolved with no successor. */
    DISSOLVED,
    /** Merged into the agency named by successorId. */
    MERGED
}
