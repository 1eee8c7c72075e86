package vn.kyso.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs in a real headless Chromium; skipped, with the reason, where Chromium or its driver is missing. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresBrowser.Condition.class)
public @interface RequiresBrowser {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (OptionalPieces.browser() || OptionalPieces.required()) {
                return ConditionEvaluationResult.enabled("chromium found, or required");
            }
            return ConditionEvaluationResult.disabled("SKIPPED: needs " + OptionalPieces.CHROMIUM + " and "
                    + OptionalPieces.CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        }
    }
}
