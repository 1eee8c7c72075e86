package vn.kyso.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.kyso.common.ApiException;
import vn.kyso.common.Messages;

/**
 * A service's refusal on a registrar page. The API's advice answers only REST controllers with
 * JSON; here the same refusal becomes a page, in the person's language, that keeps the navigation.
 */
@ControllerAdvice(assignableTypes = {TokenPages.class, CertificatePages.class, AgencyPages.class,
        SubscriberPages.class, ReportPages.class, ReorganisationPages.class,
        RequestPages.class, ApprovalPages.class, ImportPages.class})
class PageRefusals {

    private final Messages messages;
    private final PageModel pageModel;

    PageRefusals(Messages messages, PageModel pageModel) {
        this.messages = messages;
        this.pageModel = pageModel;
    }

    /** The service's own message, with its details, in the language of this request. */
    String say(ApiException e) {
        return messages.get(e.key(), LocaleContextHolder.getLocale(), e.args());
    }

    String text(String key, Object... args) {
        return messages.get(key, LocaleContextHolder.getLocale(), args);
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        // Exception handlers get a fresh model: the layout's part is added again by hand
        pageModel.common(model, request);
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", say(e));
        return "tokens/refused";
    }
}
