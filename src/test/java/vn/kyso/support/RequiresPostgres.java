package vn.kyso.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs the test class on PostgreSQL from KYSO_TEST_POSTGRES_URL; skipped, with the reason, without it. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (OptionalPieces.postgresUrl() != null) {
                return ConditionEvaluationResult.enabled("PostgreSQL at " + OptionalPieces.postgresUrl());
            }
            if (OptionalPieces.required()) {
                return ConditionEvaluationResult.enabled("KYSO_REQUIRE_OPTIONAL is set: the test fails without PostgreSQL");
            }
            return ConditionEvaluationResult.disabled(
                    "SKIPPED: needs PostgreSQL; set KYSO_TEST_POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test)");
        }
    }
}
