package vn.kyso.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

import vn.kyso.common.Messages;
import vn.kyso.reorganisation.Reorganisation;
import vn.kyso.reorganisation.Reorganisations;

/**
 * Mergers and dissolutions on pages: the form, the dry run item by item, the start, and a page
 * that refreshes itself while the job runs, showing how far it has got.
 */
@Controller
@RequestMapping("/reorganisations")
@PreAuthorize(TokenPages.WRITERS)
class ReorganisationPages {

    /** The page lists this many items; the CSV has all of them. */
    static final int SHOWN = 300;

    private final Reorganisations reorganisations;
    private final FormErrors problems;
    private final PageText text;

    ReorganisationPages(Reorganisations reorganisations, FormErrors problems, PageText text) {
        this.reorganisations = reorganisations;
        this.problems = problems;
        this.text = text;
    }

    record Form(String kind, String sources, String successor, boolean revoke, String comment) {
        static Form empty() {
            return new Form("MERGE", "", "", true, "");
        }

        List<String> codes() {
            return Arrays.stream(sources.split("[\\s,;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", Form.empty());
        model.addAttribute("errors", FormErrors.none());
        return "reorganisations/form";
    }

    @PostMapping
    String plan(@RequestParam(defaultValue = "MERGE") String kind, @RequestParam(defaultValue = "") String sources,
            @RequestParam(defaultValue = "") String successor, @RequestParam(defaultValue = "false") boolean revoke,
            @RequestParam(defaultValue = "") String comment, Model model, HttpServletResponse response) {
        Form form = new Form(kind, sources, successor.strip(), revoke, comment.strip());
        Map<String, String> errors = FormErrors.none();
        Reorganisation.Kind chosen = Arrays.stream(Reorganisation.Kind.values()).filter(k -> k.name().equals(kind))
                .findFirst().orElse(Reorganisation.Kind.MERGE);
        var request = new Reorganisation.Request(chosen, form.codes(), TokenPages.blankToNull(form.successor()),
                revoke, TokenPages.blankToNull(form.comment()));
        errors.putAll(problems.validate(request));
        if (errors.isEmpty()) {
            try {
                return "redirect:/reorganisations/" + reorganisations.plan(request).id();
            } catch (RuntimeException refusal) {
                problems.add(errors, refusal, "sources");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("form", form);
        model.addAttribute("errors", FormErrors.onto(errors, Map.of("sources", "sources", "successor", "successor",
                "comment", "comment"), "sources"));
        return "reorganisations/form";
    }

    @GetMapping("/{id}")
    String job(@PathVariable String id, Model model) {
        Reorganisation.Job job = reorganisations.get(id, true);
        model.addAttribute("job", job);
        model.addAttribute("shown", job.items().subList(0, Math.min(SHOWN, job.items().size())));
        model.addAttribute("blocked", job.counts().getOrDefault(Reorganisation.Outcome.BLOCKED, 0L) > 0);
        if (job.status() == Reorganisation.Status.RUNNING) {
            model.addAttribute("refreshSeconds", 2);
        }
        return "reorganisations/job";
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable String id, RedirectAttributes flash) {
        try {
            reorganisations.start(id);
        } catch (vn.kyso.common.ApiException e) {
            flash.addFlashAttribute("problem", problems.text(e.key(), e.args()));
        }
        return "redirect:/reorganisations/" + id;
    }

    /** Every item with its outcome, for the records of the reorganisation. */
    @GetMapping("/{id}/items.csv")
    void csv(@PathVariable String id, HttpServletResponse response) throws IOException {
        Reorganisation.Job job = reorganisations.get(id, true);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"sap-xep-" + id + ".csv\"");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("step", "ref", "label", "from", "to", "outcome", "message").get());
        for (Reorganisation.Item i : job.items()) {
            csv.printRecord(i.step(), i.ref(), i.label(), i.from(), i.to(), i.outcome(),
                    i.message() == null ? "" : Messages.pick(i.message()));
        }
        csv.flush();
    }
}
