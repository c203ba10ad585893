package org.txmsuite.align;

import org.txmsuite.core.TxmException;

/**
 * An in-place radix-2 complex FFT plan on split real/imaginary {@code double} arrays. The tables are
 * computed once; {@link #transform} allocates nothing, so one plan can serve many calls (a plan is
 * immutable and may be shared between threads; the arrays passed in must not be).
 */
final class Fft {
	final int n;
	private final double[] cos, sin;
	private final int[] rev;

	Fft(int n) {
		if (n < 1 || Integer.bitCount(n) != 1) throw new TxmException("FFT length must be a power of two, got " + n);
		this.n = n;
		cos = new double[n / 2 + 1];
		sin = new double[n / 2 + 1];
		for (int k = 0; k <= n / 2; k++) {
			cos[k] = Math.cos(2 * Math.PI * k / n);
			sin[k] = Math.sin(2 * Math.PI * k / n);
		}
		rev = new int[n];
		int bits = Integer.numberOfTrailingZeros(n);
		for (int i = 0; i < n; i++) rev[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
	}

	/** Smallest power of two at least {@code m}. */
	static int size(int m) {
		int n = 1;
		while (n < m) n <<= 1;
		return n;
	}

	/**
	 * Transforms {@code n} values at {@code off, off+stride, ...}: forward uses exp(-2 pi i k x / n),
	 * inverse exp(+...), both unnormalized.
	 */
	void transform(double[] re, double[] im, int off, int stride, boolean inverse) {
		for (int i = 0; i < n; i++) {
			int j = rev[i];
			if (j > i) {
				int a = off + i * stride, b = off + j * stride;
				double t = re[a]; re[a] = re[b]; re[b] = t;
				t = im[a]; im[a] = im[b]; im[b] = t;
			}
		}
		double sign = inverse ? 1 : -1;
		for (int len = 2; len <= n; len <<= 1) {
			int half = len >> 1, step = n / len;
			for (int s = 0; s < n; s += len)
				for (int k = 0; k < half; k++) {
					double wr = cos[k * step], wi = sign * sin[k * step];
					int a = off + (s + k) * stride, b = a + half * stride;
					double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
					re[b] = re[a] - xr;
					im[b] = im[a] - xi;
					re[a] += xr;
					im[a] += xi;
				}
		}
	}

	/** 2D transform of a row-major {@code rows x n} array whose columns have a plan {@code colPlan}. */
	void transform2d(Fft colPlan, double[] re, double[] im, boolean inverse) {
		int rows = colPlan.n;
		for (int r = 0; r < rows; r++) transform(re, im, r * n, 1, inverse);
		for (int c = 0; c < n; c++) colPlan.transform(re, im, c, n, inverse);
	}
}
