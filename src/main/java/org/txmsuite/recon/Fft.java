package org.txmsuite.recon;

/** In-place iterative radix-2 complex FFT on separate real and imaginary arrays (power-of-two length). */
final class Fft {
	private Fft() {}

	/** Forward ({@code inverse=false}, e^{-i}) or inverse (e^{+i}, scaled by 1/n) transform. */
	static void transform(double[] re, double[] im, boolean inverse) {
		int n = re.length;
		if (Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
		for (int i = 1, j = 0; i < n; i++) {
			int bit = n >> 1;
			for (; (j & bit) != 0; bit >>= 1) j ^= bit;
			j ^= bit;
			if (i < j) {
				double t = re[i]; re[i] = re[j]; re[j] = t;
				t = im[i]; im[i] = im[j]; im[j] = t;
			}
		}
		for (int size = 2; size <= n; size <<= 1) {
			double ang = (inverse ? 2 : -2) * Math.PI / size;
			double wr = Math.cos(ang), wi = Math.sin(ang);
			int half = size >> 1;
			for (int start = 0; start < n; start += size) {
				double cr = 1, ci = 0;
				for (int k = 0; k < half; k++) {
					int p = start + k, q = p + half;
					double xr = re[q] * cr - im[q] * ci, xi = re[q] * ci + im[q] * cr;
					re[q] = re[p] - xr;
					im[q] = im[p] - xi;
					re[p] += xr;
					im[p] += xi;
					double t = cr * wr - ci * wi;
					ci = cr * wi + ci * wr;
					cr = t;
				}
			}
		}
		if (inverse) for (int i = 0; i < n; i++) {
			re[i] /= n;
			im[i] /= n;
		}
	}
}
