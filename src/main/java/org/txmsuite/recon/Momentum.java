package org.txmsuite.recon;

/**
 * Nesterov extrapolation between blocks of updates, the momentum of accelerated ordered-subset methods
 * (Kim, Ramani and Fessler 2015, IEEE Trans. Med. Imaging 34:167): before block k,
 * {@code x += (k-1)/(k+2) (x - x_prev)} with {@code x_prev} the image before block k-1; the caller then
 * applies the constraints. Allocates only at construction.
 */
final class Momentum {
	private final float[] last;
	private int k;

	Momentum(int length) {
		last = new float[length];
	}

	/** Forgets the history: the next block is block 0 (after a new start image). */
	void restart() {
		k = 0;
	}

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
}
