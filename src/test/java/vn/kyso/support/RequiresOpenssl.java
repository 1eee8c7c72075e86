package vn.kyso.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs with the real openssl binary; skipped, with the reason, where there is none. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresOpenssl.Condition.class)
public @interface RequiresOpenssl {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (OptionalPieces.openssl().isPresent() || OptionalPieces.required()) {
                return ConditionEvaluationResult.enabled("openssl found, or required");
            }
            return ConditionEvaluationResult.disabled("SKIPPED: needs the openssl command on the PATH");
        }
    }
}
