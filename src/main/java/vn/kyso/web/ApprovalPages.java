package vn.kyso.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.approval.ApprovalStatus;
import vn.kyso.approval.Approvals;
import vn.kyso.common.ApiException;
import vn.kyso.common.PageResult;

/** What waits for a second registrar: read it, approve it (carried out at once) or decline it. */
@Controller
@RequestMapping("/approvals")
class ApprovalPages {

    private final Approvals approvals;
    private final PageRefusals refusals;

    ApprovalPages(Approvals approvals, PageRefusals refusals) {
        this.approvals = approvals;
        this.refusals = refusals;
    }

    @GetMapping
    @PreAuthorize(TokenPages.READERS)
    String list(@RequestParam(defaultValue = "PENDING") String status, Model model) {
        ApprovalStatus chosen = java.util.Arrays.stream(ApprovalStatus.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(ApprovalStatus.PENDING);
        model.addAttribute("rows", approvals.list(chosen, null, new PageResult.PageRequest(0, 100)));
        model.addAttribute("statuses", ApprovalStatus.values());
        model.addAttribute("status", chosen);
        return "approvals/list";
    }

    @PostMapping("/{id}/{decision}")
    @PreAuthorize(TokenPages.WRITERS)
    String decide(@PathVariable long id, @PathVariable String decision, @RequestParam(required = false) String note,
            @RequestParam(required = false) Long version, RedirectAttributes flash, HttpServletResponse response) {
        try {
            if ("approve".equals(decision)) {
                approvals.approve(id, version);
                flash.addFlashAttribute("flash", refusals.text("approvals.approved", id));
            } else if ("reject".equals(decision)) {
                approvals.reject(id, TokenPages.blankToNull(note), version);
                flash.addFlashAttribute("flash", refusals.text("approvals.rejected", id));
            } else {
                throw ApiException.notFound("error.route.notFound");
            }
        } catch (ApiException e) {
            flash.addFlashAttribute("problem", refusals.say(e));
        }
        return "redirect:/approvals";
    }
}
