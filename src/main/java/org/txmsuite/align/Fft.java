package org.txmsuite.align;

import org.txmsuite.core.TxmException;

/**
 * An in-place radix-2 complex FFT plan on split real/imaginary {@code double} arrays, applied to many
 * columns at once. The tables are computed once; {@link #columns} allocates nothing, so one plan can
 * serve many calls (a plan is immutable and may be shared between threads; the arrays passed in must
 * not be).
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
	 * 2D transform of a row-major {@code rows x n} array whose columns have a plan {@code colPlan}: the
	 * columns in place, then the rows as columns of the transpose in {@code (sre, sim)} (scratch of the
	 * same size). Forward uses exp(-2 pi i k x / n), inverse exp(+...), both unnormalized.
	 */
	void transform2d(Fft colPlan, double[] re, double[] im, double[] sre, double[] sim, boolean inverse) {
		int rows = colPlan.n;
		colPlan.columns(re, im, n, inverse);
		transpose(re, sre, rows, n);
		transpose(im, sim, rows, n);
		columns(sre, sim, rows, inverse);
		transpose(sre, re, n, rows);
		transpose(sim, im, n, rows);
	}

	/** dst (cols x rows) = transpose of src (rows x cols), both row-major. */
	static void transpose(double[] src, double[] dst, int rows, int cols) {
		for (int r = 0; r < rows; r++)
			for (int c = 0, o = r * cols; c < cols; c++) dst[c * rows + r] = src[o + c];
	}

	/**
	 * Transforms all {@code width} columns (length n) of a row-major {@code n x width} array at once:
	 * rows are swapped and combined whole, so the inner loops run along contiguous memory.
	 */
	void columns(double[] re, double[] im, int width, boolean inverse) {
		for (int i = 0; i < n; i++) {
			int j = rev[i];
			if (j > i) {
				int a = i * width, b = j * width;
				for (int x = 0; x < width; x++) {
					double t = re[a + x]; re[a + x] = re[b + x]; re[b + x] = t;
					t = im[a + x]; im[a + x] = im[b + x]; im[b + x] = t;
				}
			}
		}
		double sign = inverse ? 1 : -1;
		for (int len = 2; len <= n; len <<= 1) {
			int half = len >> 1, step = n / len;
			for (int s = 0; s < n; s += len)
				for (int k = 0; k < half; k++) {
					double wr = cos[k * step], wi = sign * sin[k * step];
					int a = (s + k) * width, b = a + half * width;
					for (int x = 0; x < width; x++) {
						double br = re[b + x], bi = im[b + x];
						double xr = br * wr - bi * wi, xi = br * wi + bi * wr;
						re[b + x] = re[a + x] - xr;
						im[b + x] = im[a + x] - xi;
						re[a + x] += xr;
						im[a + x] += xi;
					}
				}
		}
	}
}
