package vn.kyso.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
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
    private final MessageSource source;
    private final SpringValidatorAdapter validator;

    FormErrors(Messages messages, MessageSource source, jakarta.validation.Validator validator) {
        this.messages = messages;
        this.source = source;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /**
     * The shape checks the API makes with bean validation on the same request record, worded as the
     * API words them, so a form and a script are refused for the same reasons in the same words.
     */
    Map<String, String> validate(Object request) {
        Map<String, String> errors = none();
        var result = new BeanPropertyBindingResult(request, "form");
        validator.validate(request, result);
        result.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
                source.getMessage(e, LocaleContextHolder.getLocale())));
        return errors;
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

    /**
     * Errors on fields this form does not show (the service speaks of {@code subscriberId}, the form
     * of its own inputs) are moved to {@code fallback}, or renamed where the form names them differently.
     */
    static Map<String, String> onto(Map<String, String> errors, Map<String, String> renames, String fallback) {
        Map<String, String> placed = none();
        errors.forEach((field, text) -> placed.putIfAbsent(renames.getOrDefault(field, fallback), text));
        return placed;
    }

    static Map<String, String> none() {
        return new LinkedHashMap<>();
    }
}
