package vn.kyso.web;

import java.util.List;
import java.util.Map;

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

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRequest;
import vn.kyso.agency.AgencyScope;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencyService;
import vn.kyso.common.PageResult;
import vn.kyso.subscriber.SubscriberService;

/**
 * The agency tree, one level at a time: a province has thousands of units, so a page shows an
 * agency, the way up to the top, the units directly under it and its subscribers. The service
 * keeps an officer inside its own subtree; anything outside answers as if it did not exist.
 */
@Controller
@RequestMapping("/agencies")
class AgencyPages {

    static final String READERS = "hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER')";
    private static final int PAGE_SIZE = 25;

    private final AgencyService agencies;
    private final AgencyScopes scopes;
    private final SubscriberService subscribers;
    private final FormErrors problems;

    AgencyPages(AgencyService agencies, AgencyScopes scopes, SubscriberService subscribers, FormErrors problems) {
        this.agencies = agencies;
        this.scopes = scopes;
        this.subscribers = subscribers;
        this.problems = problems;
    }

    /** What was typed into the new-unit form, sent back with its errors. */
    record Form(String code, String name, String parentCode, String taxCode, String budgetCode, String email,
            String address) {
        static Form under(String parentCode) {
            return new Form("", "", parentCode == null ? "" : parentCode, "", "", "", "");
        }

        AgencyRequest request() {
            return new AgencyRequest(code, name, TokenPages.blankToNull(parentCode), TokenPages.blankToNull(taxCode),
                    TokenPages.blankToNull(budgetCode), null, TokenPages.blankToNull(email),
                    TokenPages.blankToNull(address), null);
        }
    }

    @GetMapping
    @PreAuthorize(READERS)
    String top(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String search = TokenPages.blankToNull(q);
        PageResult<Agency> rows = agencies.list(new AgencyService.ListQuery(null, null, search, null),
                new PageResult.PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("rows", rows.map(agencies::view));
        model.addAttribute("q", search);
        model.addAttribute("form", Form.under(null));
        model.addAttribute("errors", FormErrors.none());
        return "agencies/top";
    }

    @GetMapping("/{code}")
    @PreAuthorize(READERS)
    String one(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        return show(code, page, Form.under(code), FormErrors.none(), model);
    }

    @PostMapping
    @PreAuthorize(TokenPages.WRITERS)
    String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String parentCode, @RequestParam(defaultValue = "") String taxCode,
            @RequestParam(defaultValue = "") String budgetCode, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String address, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        Form form = new Form(code.strip(), name.strip(), parentCode.strip(), taxCode.strip(), budgetCode.strip(),
                email.strip(), address.strip());
        Map<String, String> errors = problems.validate(form.request());
        if (errors.isEmpty()) {
            try {
                Agency created = agencies.create(form.request());
                flash.addFlashAttribute("flash", problems.text("agencies.created", created.code()));
                return "redirect:/agencies/" + created.code();
            } catch (RuntimeException refusal) {
                problems.add(errors, refusal, "code");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        if (form.parentCode().isEmpty()) {
            model.addAttribute("rows", agencies.list(new AgencyService.ListQuery(null, null, null, null),
                    new PageResult.PageRequest(0, PAGE_SIZE)).map(agencies::view));
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            return "agencies/top";
        }
        return show(form.parentCode(), 0, form, errors, model);
    }

    private String show(String code, int page, Form form, Map<String, String> errors, Model model) {
        Agency agency = agencies.get(code);
        // An officer's way up stops at its own agency: the units above are not its business
        AgencyScope scope = scopes.current();
        List<Agency> chain = agencies.chain(agency).stream()
                .filter(c -> !c.code().equals(agency.code()) && scope.contains(c)).toList();
        model.addAttribute("a", agencies.view(agency));
        model.addAttribute("chain", chain.stream().map(agencies::view).toList());
        model.addAttribute("children", agencies.list(new AgencyService.ListQuery(agency.code(), null, null, null),
                new PageResult.PageRequest(0, 200)).map(agencies::view));
        model.addAttribute("people", subscribers.list(new SubscriberService.ListQuery(agency.code(), false, null,
                null, null), new PageResult.PageRequest(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "agencies/one";
    }
}
