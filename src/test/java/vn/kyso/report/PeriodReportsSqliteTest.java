package vn.kyso.report;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.annotation.Import;

import vn.kyso.support.MovableClock;
import vn.kyso.support.SqliteContext;

@Import(MovableClock.Config.class)
class PeriodReportsSqliteTest extends SqliteContext implements PeriodReports {

    /** Before the context starts, so its CA is made at the start of the story, not at its end. */
    @BeforeAll
    static void rewind() {
        PeriodReports.startOfYear();
    }
}
