package vn.kyso.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Reads the third-party conformance corpora in place from KYSO_CONFORMANCE_DIR; skipped, with the reason, without it. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresConformance.Condition.class)
public @interface RequiresConformance {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (OptionalPieces.conformanceDir() != null) {
                return ConditionEvaluationResult.enabled("conformance corpora at " + OptionalPieces.conformanceDir());
            }
            if (OptionalPieces.required()) {
                return ConditionEvaluationResult.enabled("KYSO_REQUIRE_OPTIONAL is set: the test fails without the corpora");
            }
            return ConditionEvaluationResult.disabled(
                    "SKIPPED: needs the conformance corpora; set KYSO_CONFORMANCE_DIR (e.g. ../shared/conformance)");
        }
    }
}
