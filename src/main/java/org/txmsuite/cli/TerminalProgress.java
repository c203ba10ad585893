package org.txmsuite.cli;

import java.io.PrintStream;

import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;

/**
 * Draws SciJava status events as a one-line progress bar on the terminal (standard error), at most
 * about five times a second.
 */
public final class TerminalProgress {
	private final PrintStream out;
	private long last;
	private boolean drawn;

	public TerminalProgress(PrintStream out) {
		this.out = out;
	}

	@EventHandler
	public synchronized void onEvent(StatusEvent e) {
		int max = e.getProgressMaximum();
		if (max <= 0) return;
		long now = System.nanoTime();
		int val = e.getProgressValue();
		if (val < max && now - last < 200_000_000L) return;
		last = now;
		int width = 30, fill = (int) Math.round(width * Math.min(1.0, val / (double) max));
		String msg = e.getStatusMessage() == null ? "" : e.getStatusMessage();
		if (msg.length() > 60) msg = msg.substring(0, 57) + "...";
		out.print("\r[" + "#".repeat(fill) + " ".repeat(width - fill) + "] "
			+ String.format("%3d%%", Math.round(100.0 * val / max)) + " " + msg + "\u001b[K");
		drawn = true;
		if (val >= max) finish();
	}

	/** Ends the bar's line. */
	public synchronized void finish() {
		if (drawn) out.println();
		drawn = false;
	}
}
