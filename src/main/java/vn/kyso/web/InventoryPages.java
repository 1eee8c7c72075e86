package vn.kyso.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyService;
import vn.kyso.common.PageResult;
import vn.kyso.report.Inventory;
import vn.kyso.report.InventoryController;
import vn.kyso.security.CurrentUser;
import vn.kyso.security.KysoPrincipal;

/** An agency's inventory as a page: the same figures and CSV as the API, through the signed-in session. */
@Controller
class InventoryPages {

    static final String READERS = "hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER')";
    /** Beyond this the table stops helping; the CSV has every row. */
    static final int HOLDINGS = 100;
    /** Units listed for drilling down; a province has far fewer at one level. */
    static final int UNITS = 100;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final Inventory inventory;
    private final InventoryRows rows;
    private final InventoryController export;
    private final AgencyService agencies;
    private final AgencyRepository agencyRepository;
    private final MessageSource messages;

    InventoryPages(Inventory inventory, InventoryRows rows, InventoryController export, AgencyService agencies,
            AgencyRepository agencyRepository, MessageSource messages) {
        this.inventory = inventory;
        this.rows = rows;
        this.export = export;
        this.agencies = agencies;
        this.agencyRepository = agencyRepository;
        this.messages = messages;
    }

    /** An officer goes straight to their agency; the province-wide roles name the one they want. */
    @GetMapping("/inventory")
    @PreAuthorize(READERS)
    String start(@RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            return "redirect:/inventory/" + UriUtils.encodePathSegment(code.strip(), StandardCharsets.UTF_8);
        }
        KysoPrincipal me = CurrentUser.require();
        if (!me.provinceWide() && me.agencyId() != null) {
            Optional<Agency> own = agencyRepository.findById(me.agencyId());
            if (own.isPresent()) {
                return "redirect:/inventory/" + UriUtils.encodePathSegment(own.get().code(), StandardCharsets.UTF_8);
            }
        }
        model.addAttribute("units", agencies.list(new AgencyService.ListQuery(null, null, null, null),
                new PageResult.PageRequest(0, UNITS)));
        return "inventory/choose";
    }

    @GetMapping("/inventory/{code}")
    @PreAuthorize(READERS)
    String page(@PathVariable String code, Model model, HttpServletResponse response) {
        Optional<Agency> agency = agencies.find(code);
        if (agency.isEmpty()) {
            // the same 404 for "not yours" and "does not exist", as the API answers
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", 404);
            model.addAttribute("messageKey", "inventory.notFound");
            return "error";
        }
        Inventory.Report report = inventory.of(agency.get().code(), null, null);
        Map<String, Long> states = new LinkedHashMap<>();
        report.tokens().byState().forEach((state, n) -> states.put(text("inventory.state." + state), n));
        Map<String, Long> months = new LinkedHashMap<>();
        rows.expiryByMonth(agency.get()).forEach((month, n) -> months.put(MONTH.format(month), n));
        model.addAttribute("report", report);
        model.addAttribute("tokenChart", BarChart.of(states));
        model.addAttribute("expiryChart", BarChart.of(months));
        model.addAttribute("holdings", rows.holdings(agency.get(), HOLDINGS));
        model.addAttribute("units", agencies.list(new AgencyService.ListQuery(agency.get().code(), null, null, null),
                new PageResult.PageRequest(0, UNITS)));
        return "inventory/page";
    }

    /** The API's CSV export, reached with the session instead of HTTP Basic. */
    @GetMapping("/inventory/{code}.csv")
    @PreAuthorize(READERS)
    void csv(@PathVariable String code, HttpServletResponse response) throws IOException {
        if (agencies.find(code).isEmpty()) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        export.holders(code, response);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
