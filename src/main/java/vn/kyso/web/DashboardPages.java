package vn.kyso.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The registrar's morning view of the whole province. */
@Controller
class DashboardPages {

    private final DashboardRows rows;
    private final vn.kyso.request.RequestQueries requests;
    private final vn.kyso.approval.Approvals approvals;

    DashboardPages(DashboardRows rows, vn.kyso.request.RequestQueries requests, vn.kyso.approval.Approvals approvals) {
        this.rows = rows;
        this.requests = requests;
        this.approvals = approvals;
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    String dashboard(Model model) {
        model.addAttribute("figures", rows.figures());
        model.addAttribute("cap", DashboardRows.ROWS);
        model.addAttribute("due", requests.due());
        model.addAttribute("pendingApprovals", approvals.list(vn.kyso.approval.ApprovalStatus.PENDING, null,
                new vn.kyso.common.PageResult.PageRequest(0, 1)).totalItems());
        return "dashboard/page";
    }
}
