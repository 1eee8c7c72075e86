package vn.kyso.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The registrar's morning view of the whole province. */
@Controller
class DashboardPages {

    private final DashboardRows rows;

    DashboardPages(DashboardRows rows) {
        this.rows = rows;
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    String dashboard(Model model) {
        model.addAttribute("figures", rows.figures());
        model.addAttribute("cap", DashboardRows.ROWS);
        return "dashboard/page";
    }
}
