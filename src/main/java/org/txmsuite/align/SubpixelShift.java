package org.txmsuite.align;

/**
 * Sub-pixel image translation by Fourier phase ramps, separably along y then x. The integer part of a
 * shift is an index move; the fractional part (at most half a pixel) a phase ramp on lines padded to
 * a power of two with a smooth periodic extension (mirror images of both ends cross-faded), so that the
 * borders neither wrap nor ring. All lines of a pass go through the FFT together, two real lines per
 * complex line (the ramp is Hermitian, so they stay apart); the x pass works on the transpose. Callers
 * shift the ORIGINAL image by the total displacement each time: a shifted image is never shifted again.
 * <p>
 * One instance holds its plans and work arrays: not thread-safe, use one per thread.
 */
public final class SubpixelShift {
	private final int w, h, mx, my;
	private final Fft fx, fy;
	private final double[] hr, hi, img, trans, cre, cim;

	public SubpixelShift(int width, int height) {
		w = width;
		h = height;
		mx = Fft.size(w + 32);
		my = Fft.size(h + 32);
		fx = new Fft(mx);
		fy = new Fft(my);
		int m = Math.max(mx, my);
		hr = new double[m];
		hi = new double[m];
		img = new double[w * h];
		trans = new double[w * h];
		int c = Math.max(my * ((w + 1) / 2), mx * ((h + 1) / 2));
		cre = new double[c];
		cim = new double[c];
	}

	/** dst(x, y) = src(x - sx, y - sy): the content moves by (+sx right, +sy down). {@code dst} may be {@code src}. */
	public void shift(float[] src, float[] dst, double sx, double sy) {
		for (int k = 0; k < w * h; k++) img[k] = src[k];
		int iy = (int) Math.round(sy);
		ramp(my, sy - iy);
		pass(img, h, w, my, fy, iy);
		Fft.transpose(img, trans, h, w);
		int ix = (int) Math.round(sx);
		ramp(mx, sx - ix);
		pass(trans, w, h, mx, fx, ix);
		Fft.transpose(trans, img, w, h);
		for (int k = 0; k < w * h; k++) dst[k] = (float) img[k];
	}

	/**
	 * Shifts every column of the row-major {@code rows x cols} array {@code a} by {@code is} plus the current
	 * ramp: column x in the real part and column x + half in the imaginary part of a row-major
	 * {@code m x half} array, the columns extended to period m, transformed, multiplied, transformed back.
	 */
	private void pass(double[] a, int rows, int cols, int m, Fft plan, int is) {
		int half = (cols + 1) / 2, pad = (m - rows) / 2, e = m - rows;
		for (int k = 0; k < m; k++) {
			int p = Math.floorMod(k - pad - is, m), o = k * half;
			if (p < rows) rowPair(a, cols, half, p, 1, p, 0, o);
			else {
				double t = (p - rows + 0.5) / e;
				rowPair(a, cols, half, Math.max(0, 2 * rows - 1 - p), 1 - t, Math.min(rows - 1, m - 1 - p), t, o);
			}
		}
		plan.columns(cre, cim, half, false);
		for (int f = 0; f < m; f++) {
			double c = hr[f], d = hi[f];
			for (int x = 0, o = f * half; x < half; x++) {
				double r = cre[o + x], i = cim[o + x];
				cre[o + x] = r * c - i * d;
				cim[o + x] = r * d + i * c;
			}
		}
		plan.columns(cre, cim, half, true);
		double inv = 1.0 / m;
		for (int y = 0; y < rows; y++) {
			int o = (y + pad) * half, dst = y * cols;
			for (int x = 0; x < half; x++) {
				a[dst + x] = cre[o + x] * inv;
				if (x + half < cols) a[dst + x + half] = cim[o + x] * inv;
			}
		}
	}

	/** Row o of the packed array = ta * row ra + tb * row rb of {@code a} (its halves split into re and im). */
	private void rowPair(double[] a, int cols, int half, int ra, double ta, int rb, double tb, int o) {
		int oa = ra * cols, ob = rb * cols;
		for (int x = 0; x < half; x++) {
			cre[o + x] = ta * a[oa + x] + tb * a[ob + x];
			cim[o + x] = x + half < cols ? ta * a[oa + x + half] + tb * a[ob + x + half] : 0;
		}
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
}
