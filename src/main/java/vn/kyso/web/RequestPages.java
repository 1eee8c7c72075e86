package vn.kyso.web;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.common.ApiException;
import vn.kyso.common.PageResult;
import vn.kyso.common.Violations;
import vn.kyso.request.RequestApprovals;
import vn.kyso.request.RequestBodies;
import vn.kyso.request.RequestQueries;
import vn.kyso.request.RequestService;
import vn.kyso.request.RequestStatus;
import vn.kyso.request.RequestViews;
import vn.kyso.security.CurrentUser;

/**
 * Certification requests on pages: the list with what is due and overdue, and each request with
 * its letter, rows, history and the moves its state allows, as the API offers them.
 */
@Controller
@RequestMapping("/requests")
class RequestPages {

    private static final int PAGE_SIZE = 25;

    private final RequestService service;
    private final RequestQueries queries;
    private final RequestViews views;
    private final RequestApprovals fourEyes;
    private final PageRefusals refusals;

    RequestPages(RequestService service, RequestQueries queries, RequestViews views, RequestApprovals fourEyes,
            PageRefusals refusals) {
        this.service = service;
        this.queries = queries;
        this.views = views;
        this.fourEyes = fourEyes;
        this.refusals = refusals;
    }

    @GetMapping
    @PreAuthorize(AgencyPages.READERS)
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page, Model model) {
        RequestStatus chosen = Arrays.stream(RequestStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        PageResult<RequestQueries.Summary> rows = queries.list(new RequestQueries.Filter(TokenPages.blankToNull(agency),
                true, chosen, null, overdue ? Boolean.TRUE : null), new PageResult.PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("status", chosen);
        model.addAttribute("overdue", overdue);
        model.addAttribute("agency", agency);
        return "requests/list";
    }

    @GetMapping("/{id}")
    @PreAuthorize(AgencyPages.READERS)
    String one(@PathVariable long id, Model model) {
        model.addAttribute("r", views.view(service.get(id), CurrentUser.require().roles()));
        return "requests/one";
    }

    /** A move of the request; approving under four eyes leaves it waiting for a second registrar. */
    @PostMapping("/{id}/{transition}")
    @PreAuthorize(TokenPages.WRITERS)
    String move(@PathVariable long id, @PathVariable String transition, @RequestParam(required = false) String note,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean acceptUnverifiedLetter,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        var act = new RequestBodies.Act(TokenPages.blankToNull(note), TokenPages.blankToNull(reason),
                acceptUnverifiedLetter ? Boolean.TRUE : null, version);
        try {
            var pending = fourEyes.prepare(id, transition, act);
            if (pending.isPresent()) {
                flash.addFlashAttribute("flash", refusals.text("requests.awaiting", pending.get().id()));
            } else {
                var moved = service.transition(id, transition, act);
                flash.addFlashAttribute("flash", refusals.text("requests.moved",
                        refusals.text("requests.status." + moved.status().name())));
            }
            return "redirect:/requests/" + id;
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", refusals.say(e));
        } catch (Violations.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", String.join(" ", e.violations().stream()
                    .map(v -> refusals.text(v.key(), v.args())).toList()));
        }
        model.addAttribute("r", views.view(service.get(id), CurrentUser.require().roles()));
        return "requests/one";
    }

    /** The letter as filed, through the session. */
    @GetMapping("/{id}/letter")
    @PreAuthorize(AgencyPages.READERS)
    org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable long id) {
        var letter = service.letter(id);
        String name = letter.fileName() == null ? "letter-" + id : letter.fileName();
        return org.springframework.http.ResponseEntity.ok()
                .contentType("PDF".equals(letter.format()) ? org.springframework.http.MediaType.APPLICATION_PDF
                        : org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(letter.bytes());
    }

    static List<String> transitions() {
        return List.of("check", "send", "approve", "complete", "reject");
    }
}
