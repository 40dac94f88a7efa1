package org.opengrievance.record;

import java.util.HashSet;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tasks created in the current transaction. The engine fires a task's "assignment" event right after its
 * "create" event when the model itself names the assignee; that is the model's assignment, not a person's claim.
 */
final class TasksCreatedNow {

    private static final Object KEY = TasksCreatedNow.class;

    private TasksCreatedNow() {
    }

    static void add(String taskId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        ids(true).add(taskId);
    }

    static boolean contains(String taskId) {
        Set<String> ids = ids(false);
        return ids != null && ids.contains(taskId);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> ids(boolean create) {
        Set<String> ids = (Set<String>) TransactionSynchronizationManager.getResource(KEY);
        if (ids == null && create) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            ids = fresh;
        }
        return ids;
    }
}
