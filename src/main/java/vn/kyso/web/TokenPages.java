package vn.kyso.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import vn.kyso.security.CurrentUser;
import vn.kyso.token.HandoverRecord;
import vn.kyso.token.TokenAction;
import vn.kyso.token.TokenQueries;
import vn.kyso.token.TokenRequests;
import vn.kyso.token.TokenService;
import vn.kyso.token.TokenState;
import vn.kyso.token.TokenViews;

/** The registrar's token pages: find a token, read its life, and move it along the lifecycle table. */
@Controller
@RequestMapping("/tokens")
class TokenPages {

    static final String READERS = "hasAnyRole('ADMIN','REGISTRAR','AUDITOR')";
    static final String WRITERS = "hasAnyRole('ADMIN','REGISTRAR')";
    private static final int PAGE_SIZE = 20;

    private final TokenService service;
    private final TokenQueries queries;
    private final TokenViews views;
    private final PageRefusals refusals;

    TokenPages(TokenService service, TokenQueries queries, TokenViews views, PageRefusals refusals) {
        this.service = service;
        this.queries = queries;
        this.views = views;
        this.refusals = refusals;
    }

    @GetMapping
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String agency, @RequestParam(required = false) String state,
            @RequestParam(required = false) String model, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model view) {
        TokenState chosen = Arrays.stream(TokenState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElse(null);
        var filter = new TokenQueries.Filter(blankToNull(agency), true, chosen, blankToNull(model), null,
                blankToNull(q));
        PageResult<TokenViews.TokenView> rows;
        try {
            rows = queries.list(filter, new PageResult.PageRequest(Math.max(page, 0), PAGE_SIZE),
                    CurrentUser.require().roles());
        } catch (ApiException e) {
            // An unknown agency code in the filter: say so above an empty list rather than leave the page
            view.addAttribute("problem", refusals.say(e));
            rows = PageResult.of(List.of(), new PageResult.PageRequest(0, PAGE_SIZE), 0);
        }
        view.addAttribute("rows", rows);
        view.addAttribute("states", TokenState.values());
        view.addAttribute("models", queries.models());
        view.addAttribute("agency", agency);
        view.addAttribute("state", chosen);
        view.addAttribute("model", model);
        view.addAttribute("q", q);
        return "tokens/list";
    }

    @GetMapping("/{serial}")
    @PreAuthorize(READERS)
    String detail(@PathVariable String serial, Model model) {
        var token = views.view(service.get(serial), CurrentUser.require().roles(), true);
        model.addAttribute("token", token);
        // The lifecycle table decides the buttons: nothing is offered that the service would refuse
        model.addAttribute("actions", token.allowedActions().stream()
                .map(slug -> TokenAction.bySlug(slug).orElseThrow()).toList());
        return "tokens/detail";
    }

    @PostMapping("/{serial}/{action}")
    @PreAuthorize(WRITERS)
    String act(@PathVariable String serial, @PathVariable String action,
            @RequestParam(required = false) String agencyCode, @RequestParam(required = false) Long subscriberId,
            @RequestParam(required = false) String note, @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        String normalized = service.get(serial).serial();
        try {
            var outcome = service.act(normalized, action,
                    new TokenRequests.Act(blankToNull(agencyCode), subscriberId, blankToNull(note), version));
            flash.addFlashAttribute("done", action);
            flash.addFlashAttribute("revoked", outcome.revokedCertificates());
            flash.addFlashAttribute("record", outcome.recordNumber());
        } catch (ApiException e) {
            flash.addFlashAttribute("problem", refusals.say(e));
        }
        return "redirect:/tokens/" + normalized;
    }

    /** The stored record as issued, through the page's session (the API wants its own credentials). */
    @GetMapping("/records/{year}/{number}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> record(@PathVariable String year, @PathVariable String number) {
        HandoverRecord record = service.record(year + "/" + number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + year + "-" + number + ".pdf\"")
                .body(record.pdf());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
