package org.txmsuite.core;

/**
 * Progress reporting and cancellation for long library operations. Library code calls
 * {@link #report} now and then (not per pixel) and {@link #checkCancelled()} between units of work.
 * Commands hand in one backed by SciJava's status service; the headless runner draws it as a bar.
 */
public interface Progress {
	/** Reports {@code done} of {@code total} units of work with a short message. Must be thread-safe. */
	void report(long done, long total, String message);

	/** True once the user asked to stop. */
	default boolean isCancelled() {
		return false;
	}

	/** Throws {@link CancelledException} if cancelled. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}

	/** A progress that reports nothing and is never cancelled. */
	Progress NONE = (done, total, message) -> {};
}
