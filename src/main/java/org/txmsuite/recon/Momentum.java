package org.txmsuite.recon;

/**
 * Nesterov extrapolation between blocks of updates, the momentum of accelerated ordered-subset methods
 * (Kim, Ramani and Fessler 2015, IEEE Trans. Med. Imaging 34:167): before block k,
 * {@code x += (k-1)/(k+2) (x - x_prev)} with {@code x_prev} the image before block k-1; the caller then
 * applies the constraints. Restart on a rising residual (after the function scheme of O'Donoghue and
 * Candes 2015, Found. Comput. Math. 15:715): when a sweep meets a data residual more than
 * {@link #RESTART_RISE} times the sweep before's, k starts again from 0. Without a restart, ordered subsets
 * with momentum diverge once converged (TV 0.1 on limited-angle Shepp-Logan from about sweep 35 on);
 * restarting on any rise loses part of the gain under photon noise, where the residual sits at the noise
 * floor after two sweeps and wobbles by 1-4 %; 1.10 lets one noisy case drift (docs/stages/recon.md).
 * Allocates only at construction.
 */
final class Momentum {
	/** A sweep residual (sum of squares) this many times the previous one restarts the momentum. */
	static final double RESTART_RISE = 1.05;
	private final float[] last;
	private int k, restarts;
	private double lastResidual = Double.POSITIVE_INFINITY;

	Momentum(int length) {
		last = new float[length];
	}

	/** Forgets the history: the next block is block 0 (after a new start image). */
	void restart() {
		k = 0;
		lastResidual = Double.POSITIVE_INFINITY;
	}

	/** Restarts on a rising residual since construction. */
	int restarts() { return restarts; }

	/** Extrapolates {@code x} in place and remembers it as it was. */
	void extrapolate(float[] x) {
		float beta = (float) ((k - 1.0) / (k + 2.0));
		if (k == 0) System.arraycopy(x, 0, last, 0, x.length);
		else
			for (int i = 0; i < x.length; i++) {
				float v = x[i];
				x[i] = v + beta * (v - last[i]);
				last[i] = v;
			}
		k++;
	}

	/** After a sweep: restarts when its data residual (sum of squares) rose by more than {@link #RESTART_RISE}. */
	void sweepDone(double residual2) {
		if (residual2 > RESTART_RISE * lastResidual) {
			k = 0;
			restarts++;
		}
		lastResidual = residual2;
	}
}
