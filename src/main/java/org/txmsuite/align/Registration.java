package org.txmsuite.align;

/**
 * Sub-pixel translation registration by upsampled-DFT cross-correlation (Guizar-Sicairos, Thurman and
 * Fienup, Opt. Lett. 33, 156, 2008): the integer peak of the FFT cross-correlation, then the
 * correlation evaluated by a matrix-multiply DFT on a grid {@code 1/upsample} pixel fine in a 1.5 pixel
 * box around it, then a parabolic fit through the best grid point and its neighbours. Images are
 * mean-subtracted and multiplied by a separable window that fades the edges to zero (so the borders do
 * not correlate), then zero-padded to powers of two. Optional phase correlation (whitened spectrum).
 * <p>
 * One instance holds its FFT plans and work arrays, allocated once: it is not thread-safe; use one per
 * thread. {@link #register} returns the displacement of the moving image relative to the reference
 * (+x right, +y down): moving(x, y) = reference(x - dx, y - dy).
 */
public final class Registration {
	private final int w, h, nx, ny, up, m;
	private final boolean phase;
	private final Fft fx, fy;
	private final double[] win;
	private final double[] fr, fi, xr, xi, gr, gi, scr, sci;
	private final double[] tr, ti, kxr, kxi, kyr, kyi, fine;
	private double refNorm;
	private SubpixelShift shifter;
	private float[] moved;

	/**
	 * @param width image width
	 * @param height image height
	 * @param upsample sub-pixel grid factor (10 to 100; the parabolic fit refines further)
	 * @param fade fraction of the width and height over which each edge fades to zero (0 to 0.5)
	 * @param phaseCorrelation whiten the cross-power spectrum (sharper peak, more noise-sensitive)
	 */
	public Registration(int width, int height, int upsample, double fade, boolean phaseCorrelation) {
		w = width;
		h = height;
		up = Math.max(1, upsample);
		phase = phaseCorrelation;
		nx = Fft.size(w);
		ny = Fft.size(h);
		fx = new Fft(nx);
		fy = new Fft(ny);
		win = window(w, h, fade);
		int n = nx * ny;
		fr = new double[n];
		fi = new double[n];
		xr = new double[n];
		xi = new double[n];
		gr = new double[n];
		gi = new double[n];
		scr = new double[n];
		sci = new double[n];
		m = (int) Math.ceil(1.5 * up) + 1;
		tr = new double[ny * m];
		ti = new double[ny * m];
		kxr = new double[m * nx];
		kxi = new double[m * nx];
		kyr = new double[m * ny];
		kyi = new double[m * ny];
		fine = new double[m * m];
	}

	/** A separable Hann-tapered (Tukey) window: 1 inside, fading to 0 over {@code fade} of each side. */
	static double[] window(int w, int h, double fade) {
		double[] ax = taper(w, fade), ay = taper(h, fade), out = new double[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) out[y * w + x] = ax[x] * ay[y];
		return out;
	}

	private static double[] taper(int n, double fade) {
		double[] a = new double[n];
		int f = (int) Math.round(Math.max(0, Math.min(0.5, fade)) * n);
		for (int i = 0; i < n; i++) {
			int d = Math.min(i, n - 1 - i);
			a[i] = d >= f ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * (d + 0.5) / f);
		}
		return a;
	}

	/** Sets the reference image (its spectrum is kept for following {@link #register(float[], double[])} calls). */
	public void reference(float[] ref) {
		refNorm = prepare(ref, fr, fi);
	}

	/**
	 * Registers {@code mov} to {@code ref} (which becomes the current reference); see
	 * {@link #register(float[], double[])}. Both real images go through one complex FFT (ref as the real
	 * part, mov as the imaginary part) and are separated by the Hermitian symmetry of real spectra.
	 */
	public double[] register(float[] ref, float[] mov, double[] out) {
		java.util.Arrays.fill(xr, 0);
		java.util.Arrays.fill(xi, 0);
		refNorm = windowed(ref, xr);
		double movNorm = windowed(mov, xi);
		fx.transform2d(fy, xr, xi, scr, sci, false);
		for (int ky = 0; ky < ny; ky++) {
			int row = ky * nx, mirror = ((ny - ky) % ny) * nx;
			for (int kx = 0; kx < nx; kx++) {
				int k = row + kx, k2 = mirror + (nx - kx) % nx;
				double zr = xr[k], zi = xi[k], cr = xr[k2], ci = -xi[k2];
				fr[k] = 0.5 * (zr + cr);
				fi[k] = 0.5 * (zi + ci);
				gr[k] = 0.5 * (zi - ci);
				gi[k] = -0.5 * (zr - cr);
			}
		}
		return correlate(movNorm, out);
	}

	/**
	 * Registers {@code mov} to the current reference. Writes {dx, dy, peak} into {@code out} (length >= 3,
	 * allocated if null): the displacement and the normalized correlation at the peak (1 = identical).
	 */
	public double[] register(float[] mov, double[] out) {
		return correlate(prepare(mov, gr, gi), out);
	}

	/** Cross-correlation of the moving spectrum (gr, gi) with the reference spectrum (fr, fi). */
	private double[] correlate(double movNorm, double[] out) {
		if (out == null) out = new double[3];
		int n = nx * ny;
		for (int k = 0; k < n; k++) {
			double a = gr[k], b = gi[k], c = fr[k], d = -fi[k];
			double re = a * c - b * d, im = a * d + b * c;
			xr[k] = re;
			xi[k] = im;
			gr[k] = re;
			gi[k] = im;
		}
		if (phase) whiten();
		fx.transform2d(fy, gr, gi, scr, sci, true);
		int best = 0;
		for (int k = 1; k < n; k++) if (gr[k] > gr[best]) best = k;
		int iy = best / nx, ix = best % nx;
		if (iy > ny / 2) iy -= ny;
		if (ix > nx / 2) ix -= nx;
		double cx = ix, cy = iy, peak = gr[best];
		if (up > 1) {
			double[] r = refine(ix, iy);
			cx = r[0];
			cy = r[1];
			peak = r[2];
		}
		out[0] = cx;
		out[1] = cy;
		double norm = phase ? n : n * Math.sqrt(refNorm * movNorm);
		out[2] = norm > 0 ? peak / norm : 0;
		return out;
	}

	/** Divides the cross-power spectrum by its magnitude plus 0.1 % of the largest (regularized whitening). */
	private void whiten() {
		int n = nx * ny;
		double max = 0;
		for (int k = 0; k < n; k++) max = Math.max(max, Math.hypot(xr[k], xi[k]));
		double eps = 1e-3 * max;
		for (int k = 0; k < n; k++) {
			double d = Math.hypot(xr[k], xi[k]) + eps;
			xr[k] /= d;
			xi[k] /= d;
			gr[k] = xr[k];
			gi[k] = xi[k];
		}
	}

	/**
	 * Registers {@code mov} to the current reference, then re-registers the moving image shifted back by
	 * the estimate (from the original each time) until the correction is below 0.002 px or after
	 * {@code passes} passes. This removes the pull of the fixed window towards zero shift that a single
	 * pass has when the content reaches the faded edges. Returns {dx, dy, peak}.
	 */
	public double[] registerRefined(float[] mov, int passes, double[] out) {
		out = register(mov, out);
		if (shifter == null) {
			shifter = new SubpixelShift(w, h);
			moved = new float[w * h];
		}
		double dx = out[0], dy = out[1];
		for (int p = 1; p < passes; p++) {
			shifter.shift(mov, moved, -dx, -dy);
			register(moved, out);
			dx += out[0];
			dy += out[1];
			if (Math.abs(out[0]) < 0.002 && Math.abs(out[1]) < 0.002) break;
		}
		out[0] = dx;
		out[1] = dy;
		return out;
	}

	/** Cross-correlation on the fine grid around (ix, iy); returns {x, y, value}. */
	private double[] refine(double ix, double iy) {
		double step = 1.0 / up, x0 = ix - (m - 1) / 2 * step, y0 = iy - (m - 1) / 2 * step;
		kernel(x0, step, nx, kxr, kxi);
		kernel(y0, step, ny, kyr, kyi);
		// t[ky][j] = sum_kx X[ky][kx] e^{+i 2 pi f(kx) x_j / nx}
		for (int ky = 0; ky < ny; ky++) {
			int row = ky * nx;
			for (int j = 0; j < m; j++) {
				int kr = j * nx;
				double sr = 0, si = 0;
				for (int kx = 0; kx < nx; kx++) {
					double a = xr[row + kx], b = xi[row + kx], c = kxr[kr + kx], d = kxi[kr + kx];
					sr += a * c - b * d;
					si += a * d + b * c;
				}
				tr[ky * m + j] = sr;
				ti[ky * m + j] = si;
			}
		}
		// fine[i][j] = Re sum_ky e^{+i 2 pi f(ky) y_i / ny} t[ky][j]
		int bi = 0, bj = 0;
		double bv = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < m; i++) {
			int kr = i * ny;
			for (int j = 0; j < m; j++) {
				double sr = 0;
				for (int ky = 0; ky < ny; ky++) sr += kyr[kr + ky] * tr[ky * m + j] - kyi[kr + ky] * ti[ky * m + j];
				fine[i * m + j] = sr;
				if (sr > bv) {
					bv = sr;
					bi = i;
					bj = j;
				}
			}
		}
		double ox = 0, oy = 0;
		if (bj > 0 && bj < m - 1) ox = vertex(fine[bi * m + bj - 1], bv, fine[bi * m + bj + 1]);
		if (bi > 0 && bi < m - 1) oy = vertex(fine[(bi - 1) * m + bj], bv, fine[(bi + 1) * m + bj]);
		return new double[] { x0 + (bj + ox) * step, y0 + (bi + oy) * step, bv };
	}

	/** Offset (-0.5..0.5) of the vertex of the parabola through three equally spaced values. */
	static double vertex(double a, double b, double c) {
		double d = a - 2 * b + c;
		if (d >= 0) return 0;
		return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / d));
	}

	/** k[j][f] = e^{+i 2 pi freq(f) (start + j step) / n} by complex recurrence over f. */
	private void kernel(double start, double step, int n, double[] kr, double[] ki) {
		for (int j = 0; j < m; j++) {
			double p = 2 * Math.PI * (start + j * step) / n, c = Math.cos(p), s = Math.sin(p);
			int o = j * n;
			double re = 1, im = 0;
			for (int f = 0; f <= n / 2; f++) {
				kr[o + f] = re;
				ki[o + f] = im;
				if (f > 0 && f < n - f) {
					kr[o + n - f] = re;
					ki[o + n - f] = -im;
				}
				double t = re * c - im * s;
				im = re * s + im * c;
				re = t;
			}
			if (n > 1) ki[o + n / 2] = 0;
		}
	}

	/** Windowed, mean-free, zero-padded image into (re, im), transformed; returns its sum of squares. */
	private double prepare(float[] img, double[] re, double[] im) {
		java.util.Arrays.fill(re, 0);
		java.util.Arrays.fill(im, 0);
		double ss = windowed(img, re);
		fx.transform2d(fy, re, im, scr, sci, false);
		return ss;
	}

	/** Writes the windowed, mean-free image into the top-left of the zeroed padded array {@code dst}; returns its sum of squares. */
	private double windowed(float[] img, double[] dst) {
		double sw = 0, s = 0;
		for (int k = 0; k < w * h; k++) {
			sw += win[k];
			s += win[k] * img[k];
		}
		double mean = sw > 0 ? s / sw : 0, ss = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double v = (img[y * w + x] - mean) * win[y * w + x];
				dst[y * nx + x] = v;
				ss += v * v;
			}
		return ss;
	}
}
