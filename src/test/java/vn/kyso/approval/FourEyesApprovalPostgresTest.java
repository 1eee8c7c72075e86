package vn.kyso.approval;

import vn.kyso.support.PostgresContext;

class FourEyesApprovalPostgresTest extends PostgresContext implements FourEyesApproval {
}
