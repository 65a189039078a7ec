package io.leaks.trend;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs the {@link SuspicionAction}s of a new suspicion on an executor of their own, never
 * on the watch's thread: a heap dump or an analysis can take seconds, and the watch keeps
 * judging meanwhile. Each action's note is handed back as it comes.
 */
public final class SuspicionActions {

	private static final Log logger = LogFactory.getLog(SuspicionActions.class);

	private final List<SuspicionAction> actions;

	private final Executor executor;

	public SuspicionActions(List<SuspicionAction> actions, Executor executor) {
		this.actions = List.copyOf(actions);
		this.executor = executor;
	}

	/**
	 * No actions.
	 * @return actions that do nothing
	 */
	public static SuspicionActions none() {
		return new SuspicionActions(List.of(), Runnable::run);
	}

	boolean isEmpty() {
		return this.actions.isEmpty();
	}

	/**
	 * Runs every action for a resource.
	 * @param resource the resource suspected
	 * @param notes receives each action's note, on the action's thread
	 * @param done runs after the last action, on its thread
	 */
	void run(Resource resource, Consumer<String> notes, Runnable done) {
		try {
			this.executor.execute(() -> {
				try {
					for (SuspicionAction action : this.actions) {
						runOne(action, resource, notes);
					}
				}
				finally {
					done.run();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			logger.warn("leaks: suspicion actions for " + resource + " were not run: " + ex.getMessage());
			notes.accept("Suspicion actions were not run: too many already queued or the application is stopping");
			done.run();
		}
	}

	private static void runOne(SuspicionAction action, Resource resource, Consumer<String> notes) {
		try {
			String note = action.onSuspicion(resource.id());
			if (note != null) {
				notes.accept(note);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("leaks: suspicion action " + action.getClass().getName() + " failed", ex);
		}
	}

}
