package org.txmsuite.align;

/**
 * Sub-pixel image translation by Fourier phase ramps, separably along x then y. The integer part of a
 * shift is an index move; the fractional part (at most half a pixel) a phase ramp on a line padded to
 * a power of two with a smooth periodic extension (mirror images of both ends cross-faded), so that the
 * borders neither wrap nor ring. Two real lines go through one complex FFT. Callers shift the
 * ORIGINAL image by the total displacement each time: a shifted image is never shifted again.
 * <p>
 * One instance holds its plans and work arrays: not thread-safe, use one per thread.
 */
public final class SubpixelShift {
	private final int w, h, mx, my;
	private final Fft fx, fy;
	private final double[] re, im, hr, hi, tmp;

	public SubpixelShift(int width, int height) {
		w = width;
		h = height;
		mx = Fft.size(w + 32);
		my = Fft.size(h + 32);
		fx = new Fft(mx);
		fy = new Fft(my);
		int m = Math.max(mx, my);
		re = new double[m];
		im = new double[m];
		hr = new double[m];
		hi = new double[m];
		tmp = new double[w * h];
	}

	/** dst(x, y) = src(x - sx, y - sy): the content moves by (+sx right, +sy down). {@code dst} may be {@code src}. */
	public void shift(float[] src, float[] dst, double sx, double sy) {
		for (int y = 0; y < h; y++) tmpRow(src, y);
		int ix = (int) Math.round(sx);
		ramp(mx, sx - ix);
		for (int y = 0; y < h; y += 2) {
			boolean two = y + 1 < h;
			line(tmp, y * w, 1, w, mx, ix, two ? (y + 1) * w : -1, fx);
		}
		int iy = (int) Math.round(sy);
		ramp(my, sy - iy);
		for (int x = 0; x < w; x += 2) {
			boolean two = x + 1 < w;
			line(tmp, x, w, h, my, iy, two ? x + 1 : -1, fy);
		}
		for (int k = 0; k < w * h; k++) dst[k] = (float) tmp[k];
	}

	private void tmpRow(float[] src, int y) {
		for (int x = 0, o = y * w; x < w; x++) tmp[o + x] = src[o + x];
	}

	/** Phase ramp e^{-i 2 pi f s / m} for signed frequencies f, Hermitian (real at Nyquist). */
	private void ramp(int m, double s) {
		double p = -2 * Math.PI * s / m, c = Math.cos(p), sn = Math.sin(p), r = 1, i = 0;
		for (int f = 0; f <= m / 2; f++) {
			hr[f] = r;
			hi[f] = i;
			if (f > 0 && f < m - f) {
				hr[m - f] = r;
				hi[m - f] = -i;
			}
			double t = r * c - i * sn;
			i = r * sn + i * c;
			r = t;
		}
		hr[m / 2] = Math.cos(Math.PI * s);
		hi[m / 2] = 0;
	}

	/** Shifts one line (offset a) and optionally a second (offset b, or -1) of length n by is + the ramp. */
	private void line(double[] d, int a, int stride, int n, int m, int is, int b, Fft plan) {
		int pad = (m - n) / 2;
		for (int k = 0; k < m; k++) {
			int p = Math.floorMod(k - pad - is, m);
			re[k] = extended(d, a, stride, n, m, p);
			im[k] = b < 0 ? 0 : extended(d, b, stride, n, m, p);
		}
		plan.transform(re, im, 0, 1, false);
		for (int k = 0; k < m; k++) {
			double x = re[k] * hr[k] - im[k] * hi[k];
			im[k] = re[k] * hi[k] + im[k] * hr[k];
			re[k] = x;
		}
		plan.transform(re, im, 0, 1, true);
		double inv = 1.0 / m;
		for (int x = 0; x < n; x++) {
			d[a + x * stride] = re[x + pad] * inv;
			if (b >= 0) d[b + x * stride] = im[x + pad] * inv;
		}
	}

	/** The line extended to period m: itself on [0, n), mirror images of both ends cross-faded beyond. */
	private static double extended(double[] d, int o, int stride, int n, int m, int p) {
		if (p < n) return d[o + p * stride];
		int e = m - n;
		double t = (p - n + 0.5) / e;
		int right = Math.max(0, 2 * n - 1 - p), left = Math.min(n - 1, m - 1 - p);
		return (1 - t) * d[o + right * stride] + t * d[o + left * stride];
	}
}
