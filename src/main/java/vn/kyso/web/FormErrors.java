package vn.kyso.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.kyso.common.ApiException;
import vn.kyso.common.Messages;
import vn.kyso.common.Violations;

/**
 * Turns the services' refusals into one message per form field, in the page's language, so the
 * admin pages show the same wording the API gives and put it next to the field at fault.
 */
@Component
class FormErrors {

    private final Messages messages;

    FormErrors(Messages messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.get(key, LocaleContextHolder.getLocale(), args);
    }

    /** Adds the service's refusal to {@code errors}; a refusal without a field goes under {@code fallback}. */
    void add(Map<String, String> errors, RuntimeException refusal, String fallback) {
        if (refusal instanceof Violations.Invalid invalid) {
            invalid.violations().forEach(v -> errors.putIfAbsent(v.field(), text(v.key(), v.args())));
        } else if (refusal instanceof ApiException api) {
            errors.putIfAbsent(api.field() == null ? fallback : api.field(), text(api.key(), api.args()));
        } else {
            throw refusal;
        }
    }

    static Map<String, String> none() {
        return new LinkedHashMap<>();
    }
}
