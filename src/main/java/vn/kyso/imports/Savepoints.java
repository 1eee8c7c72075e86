package vn.kyso.imports;

import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One row's work inside the file's transaction, behind a savepoint: a row the services refuse is
 * undone alone, so the next rows are still judged, and the file's transaction stays usable (on
 * PostgreSQL a failed statement would otherwise poison it).
 */
@Component
class Savepoints {

    private final TransactionTemplate nested;

    Savepoints(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs {@code work}; it may call the Runnable it is given to undo its own writes and still return. */
    <T> T run(Function<Runnable, T> work) {
        return nested.execute(status -> work.apply(status::setRollbackOnly));
    }
}
