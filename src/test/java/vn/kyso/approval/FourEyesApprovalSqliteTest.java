package vn.kyso.approval;

import vn.kyso.support.SqliteContext;

class FourEyesApprovalSqliteTest extends SqliteContext implements FourEyesApproval {
}
