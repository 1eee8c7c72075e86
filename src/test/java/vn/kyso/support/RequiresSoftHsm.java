package vn.kyso.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs against a SoftHSM2 token; skipped, with the reason, where SoftHSM2 is not installed. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresSoftHsm.Condition.class)
public @interface RequiresSoftHsm {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = SoftHsm.missing();
            if (missing == null || OptionalPieces.required()) {
                return ConditionEvaluationResult.enabled("SoftHSM2 present, or required");
            }
            return ConditionEvaluationResult.disabled("SKIPPED: needs " + missing);
        }
    }
}
