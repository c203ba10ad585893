package org.txmsuite.service;

import java.util.function.BooleanSupplier;

import org.scijava.app.StatusService;
import org.txmsuite.core.Progress;

/** {@link Progress} on SciJava's {@link StatusService}, throttled to about ten updates a second. */
final class StatusProgress implements Progress {
	private final StatusService status;
	private final String task;
	private final BooleanSupplier cancelled;
	private long lastNanos;

	StatusProgress(StatusService status, String task, BooleanSupplier cancelled) {
		this.status = status;
		this.task = task;
		this.cancelled = cancelled == null ? () -> false : cancelled;
	}

	@Override
	public synchronized void report(long done, long total, String message) {
		if (status == null) return;
		long now = System.nanoTime();
		if (done < total && now - lastNanos < 100_000_000L) return;
		lastNanos = now;
		int max = (int) Math.min(Integer.MAX_VALUE, Math.max(1, total));
		int val = (int) Math.min(max, Math.max(0, done * (long) max / Math.max(1, total)));
		status.showStatus(val, max, task + (message == null || message.isEmpty() ? "" : ": " + message));
	}

	@Override
	public boolean isCancelled() {
		return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
	}
}
