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
	private final int half;
	private final double[] re, im, hr, hi, tmp, cre, cim;

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
		half = (w + 1) / 2;
		cre = new double[my * half];
		cim = new double[my * half];
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
		columns(iy);
		for (int k = 0; k < w * h; k++) dst[k] = (float) tmp[k];
	}

	/**
	 * The vertical pass on all columns at once: column x in the real part and column x + half in the
	 * imaginary part of a row-major {@code my x half} array, transformed column-wise with contiguous inner
	 * loops (the ramp is Hermitian, so the two real columns stay apart).
	 */
	private void columns(int is) {
		int pad = (my - h) / 2, e = my - h;
		for (int k = 0; k < my; k++) {
			int p = Math.floorMod(k - pad - is, my), o = k * half;
			if (p < h) rowPair(p, 1, p, 0, o);
			else {
				double t = (p - h + 0.5) / e;
				rowPair(Math.max(0, 2 * h - 1 - p), 1 - t, Math.min(h - 1, my - 1 - p), t, o);
			}
		}
		fy.columns(cre, cim, half, false);
		for (int f = 0; f < my; f++) {
			double a = hr[f], b = hi[f];
			for (int x = 0, o = f * half; x < half; x++) {
				double r = cre[o + x], i = cim[o + x];
				cre[o + x] = r * a - i * b;
				cim[o + x] = r * b + i * a;
			}
		}
		fy.columns(cre, cim, half, true);
		double inv = 1.0 / my;
		for (int y = 0; y < h; y++) {
			int o = (y + pad) * half, d = y * w;
			for (int x = 0; x < half; x++) {
				tmp[d + x] = cre[o + x] * inv;
				if (x + half < w) tmp[d + x + half] = cim[o + x] * inv;
			}
		}
	}

	/** Row o of the packed column array = ta * row a + tb * row b of the image (halves split into re and im). */
	private void rowPair(int a, double ta, int b, double tb, int o) {
		int ra = a * w, rb = b * w;
		for (int x = 0; x < half; x++) {
			cre[o + x] = ta * tmp[ra + x] + tb * tmp[rb + x];
			cim[o + x] = x + half < w ? ta * tmp[ra + x + half] + tb * tmp[rb + x + half] : 0;
		}
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
