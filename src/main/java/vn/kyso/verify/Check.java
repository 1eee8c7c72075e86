package vn.kyso.verify;

import vn.kyso.common.Bilingual;

/**
 * One step of the verification of one signature, as the report shows it. A FAILED or
 * INDETERMINATE check with a sub-indication decides the signature's indication; one without is
 * a note the reader should see but that does not change the verdict.
 */
public record Check(String name, Result result, SubIndication subIndication, Bilingual detail) {

    public enum Result { PASSED, FAILED, INDETERMINATE, SKIPPED }

    public boolean decisive() {
        return subIndication != null && (result == Result.FAILED || result == Result.INDETERMINATE);
    }
}
