package org.txmsuite.stage;

import org.txmsuite.core.CancelledException;

/** Pause, resume and abort for a running scan; the run checks it between instructions. */
public final class ScanControl {
	private volatile boolean paused, aborted;

	public void pause() {
		paused = true;
	}

	public void resume() {
		paused = false;
	}

	public void abort() {
		aborted = true;
	}

	public boolean isPaused() {
		return paused;
	}

	/** Blocks while paused; throws {@link CancelledException} once aborted. */
	void checkpoint() {
		while (paused && !aborted) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new CancelledException();
			}
		}
		if (aborted) throw new CancelledException();
	}
}
