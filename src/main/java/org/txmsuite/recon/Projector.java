package org.txmsuite.recon;

import java.util.Arrays;

import org.txmsuite.core.TxmException;

/**
 * Parallel-beam Joseph projector and its exact transpose (back-projector) for one {@code n x n} slice
 * and a set of angles.
 *
 * <h2>Geometry (the convention of the whole suite)</h2>
 * Parallel beam, rotation about the vertical (detector y) axis; volume slice z = detector row. In a
 * slice, pixel (i, j) (i = column x, j = row) has centre coordinates {@code x = i - (n-1)/2},
 * {@code y = j - (n-1)/2} in pixels. At angle theta (degrees) a point projects to detector coordinate
 * {@code u = x cos(theta) + y sin(theta) + center + dx[a]}, where detector pixels are unit wide, pixel
 * {@code u} has its centre at {@code u}, {@code center} defaults to {@code (W-1)/2} and {@code dx[a]}
 * is an optional per-projection horizontal shift (the measured projection is displaced by dx).
 *
 * <h2>Model</h2>
 * Joseph's method (Joseph 1982, IEEE TMI 1:192): the ray through the centre of detector pixel u is
 * sampled once per image line along the axis closest to the ray direction, with linear interpolation
 * between the two nearest pixels of that line, and weighted by the step length {@code 1/max(|cos|,|sin|)}.
 * Pixels outside the slice are zero. The back-projector scatters with exactly the same weights, so it
 * is the matrix transpose of the projector ({@code <Ax,y> = <x,A^T y>} to rounding).
 *
 * <p>Sinograms are row-major {@code float[nAngles * W]}: row a is the projection at angle a. Fast
 * kernels work on a padded slice layout ({@code (n+2)^2}, a zero border one pixel wide; see
 * {@link #pad}) so the inner loops need no bounds tests. Instances are immutable and thread-safe;
 * the padded kernels use no shared scratch space.
 */
public final class Projector {
	private final int n, w, np;
	private final double[] anglesDeg;
	private final double center;
	private final double[] dx;
	// per angle: f(u, k) = alpha*u + gam*k + del is the (interpolated, unpadded) position along line k
	private final double[] alpha, gam, del;
	private final float[] weight;
	/** Strides in the padded layout: along the interpolation direction (sF) and across lines (sK). */
	private final int[] strideF, strideK;
	private volatile float[] rayLengths, rayNorms2;
	private volatile int[] artRanges;
	/** Support radius in pixels (infinite: the whole slice) and per line k the padded pixel range inside it. */
	private final double supportRadius;
	private final int[] lineLo, lineHi;

	/**
	 * @param n slice size (n x n pixels)
	 * @param detectorWidth detector width W in pixels
	 * @param anglesDeg projection angles in degrees
	 * @param center rotation centre on the detector in pixels; NaN for the default (W-1)/2
	 * @param dx per-projection horizontal shifts in pixels (added to the detector coordinate), or null
	 */
	public Projector(int n, int detectorWidth, double[] anglesDeg, double center, double[] dx) {
		this(n, detectorWidth, anglesDeg, center, dx, Double.POSITIVE_INFINITY);
	}

	/**
	 * A projector restricted to a centred disc of radius {@code supportRadius} pixels (pixel centres
	 * with {@code x^2 + y^2 <= r^2}): the operator is {@code A M} with M the disc mask, so pixels outside
	 * contribute nothing and receive nothing. Iterations with a cylinder support constraint use it to
	 * skip the corners (about 21 % of a square slice).
	 */
	public Projector(int n, int detectorWidth, double[] anglesDeg, double center, double[] dx, double supportRadius) {
		if (n < 1) throw new TxmException("slice size must be at least 1 pixel, got " + n);
		if (detectorWidth < 1) throw new TxmException("detector width must be at least 1 pixel, got " + detectorWidth);
		if (anglesDeg == null || anglesDeg.length == 0) throw new TxmException("angles: the angle set is empty; expected at least one angle");
		for (int a = 0; a < anglesDeg.length; a++)
			if (!Double.isFinite(anglesDeg[a])) throw new TxmException("angles: angle " + a + " is " + anglesDeg[a] + "; expected a finite number of degrees");
		double c = Double.isNaN(center) ? (detectorWidth - 1) / 2.0 : center;
		if (!(c >= 0 && c <= detectorWidth - 1))
			throw new TxmException("center: " + center + " is outside the detector; expected a value in [0, " + (detectorWidth - 1) + "] pixels");
		if (dx != null && dx.length != anglesDeg.length)
			throw new TxmException("shifts: " + dx.length + " horizontal shifts for " + anglesDeg.length + " projections; expected one per projection");
		this.n = n;
		this.w = detectorWidth;
		this.np = n + 2;
		this.anglesDeg = anglesDeg.clone();
		this.center = c;
		this.dx = dx == null ? new double[anglesDeg.length] : dx.clone();
		int na = anglesDeg.length;
		alpha = new double[na];
		gam = new double[na];
		del = new double[na];
		weight = new float[na];
		strideF = new int[na];
		strideK = new int[na];
		double h = (n - 1) / 2.0;
		for (int a = 0; a < na; a++) {
			double t = Math.toRadians(anglesDeg[a]);
			double cs = Math.cos(t), sn = Math.sin(t);
			double cc = c + this.dx[a];
			if (Math.abs(cs) >= Math.abs(sn)) { // march over rows j, interpolate along x
				alpha[a] = 1 / cs;
				gam[a] = -sn / cs;
				del[a] = -cc / cs + h * sn / cs + h;
				strideF[a] = 1;
				strideK[a] = np;
			} else { // march over columns i, interpolate along y
				alpha[a] = 1 / sn;
				gam[a] = -cs / sn;
				del[a] = -cc / sn + h * cs / sn + h;
				strideF[a] = np;
				strideK[a] = 1;
			}
			weight[a] = (float) Math.abs(alpha[a]);
		}
		this.supportRadius = supportRadius;
		lineLo = new int[n];
		lineHi = new int[n];
		for (int k = 0; k < n; k++) {
			double y = k - h, x2 = supportRadius * supportRadius - y * y;
			if (Double.isInfinite(supportRadius)) {
				lineLo[k] = 1;
				lineHi[k] = n;
			} else if (x2 < 0) {
				lineLo[k] = 1;
				lineHi[k] = 0;
			} else { // the disc is symmetric: the same range for rows and for columns
				double xr = Math.sqrt(x2);
				lineLo[k] = Math.max(1, (int) Math.ceil(h - xr - 1e-9) + 1);
				lineHi[k] = Math.min(n, (int) Math.floor(h + xr + 1e-9) + 1);
			}
		}
	}

	/** The same projector restricted to a centred disc (see the constructor); infinity for none. */
	public Projector withSupport(double radius) {
		return new Projector(n, w, anglesDeg, center, dx, radius);
	}

	/** Support disc radius in pixels (infinite: none). */
	public double supportRadius() { return supportRadius; }

	/** Padded column (for row j) or row (for column i) range inside the support: {lo, hi}, empty if lo &gt; hi. */
	int lineLo(int k) { return lineLo[k]; }
	int lineHi(int k) { return lineHi[k]; }

	/** Same slice, detector, angles and centre with other per-projection horizontal shifts (cheap). */
	public Projector withShifts(double[] newDx) {
		return new Projector(n, w, anglesDeg, center, newDx, supportRadius);
	}

	public int sliceSize() { return n; }
	public int detectorWidth() { return w; }
	public int angleCount() { return anglesDeg.length; }
	public double[] anglesDeg() { return anglesDeg.clone(); }
	public double center() { return center; }
	public double[] shifts() { return dx.clone(); }
	/** True if projection a is sampled along image rows (|cos| &gt;= |sin|), false if along columns. */
	public boolean linesAreRows(int a) { return strideF[a] == 1; }
	/** Length of a padded slice, {@code (n+2)^2}. */
	public int paddedLength() { return np * np; }

	// ----------------------------------------------------------------- public API on plain slices

	/** Forward projection of an {@code n*n} slice into a sinogram {@code float[nAngles*W]} (overwritten). */
	public void forward(float[] slice, float[] sinogram) {
		checkLengths(slice, sinogram);
		float[] p = pad(slice, n);
		maskOutside(p);
		for (int a = 0; a < anglesDeg.length; a++) forwardPadded(p, a, sinogram, a * w);
	}

	/** Back-projection (transpose) of a sinogram into an {@code n*n} slice (overwritten). */
	public void back(float[] sinogram, float[] slice) {
		checkLengths(slice, sinogram);
		float[] p = new float[np * np];
		for (int a = 0; a < anglesDeg.length; a++) backPadded(p, a, sinogram, a * w);
		maskOutside(p);
		unpad(p, n, slice);
	}

	/** Forward projection of a slab of slices (each {@code n*n}) into sinograms, one per slice, in parallel. */
	public void forward(float[][] slices, float[][] sinograms) {
		if (slices.length != sinograms.length)
			throw new TxmException("forward projection: " + slices.length + " slices but " + sinograms.length + " sinograms");
		java.util.stream.IntStream.range(0, slices.length).parallel().forEach(z -> forward(slices[z], sinograms[z]));
	}

	/** Back-projection of a slab of sinograms into slices, one per sinogram, in parallel. */
	public void back(float[][] sinograms, float[][] slices) {
		if (slices.length != sinograms.length)
			throw new TxmException("back projection: " + sinograms.length + " sinograms but " + slices.length + " slices");
		java.util.stream.IntStream.range(0, slices.length).parallel().forEach(z -> back(sinograms[z], slices[z]));
	}

	private void checkLengths(float[] slice, float[] sino) {
		if (slice.length != n * n) throw new TxmException("slice has " + slice.length + " pixels, expected " + n + "x" + n);
		if (sino.length != anglesDeg.length * w)
			throw new TxmException("sinogram has " + sino.length + " values, expected " + anglesDeg.length + " angles x " + w + " pixels");
	}

	// ----------------------------------------------------------------- padded kernels

	/** Copies an {@code n*n} slice into a new padded {@code (n+2)^2} array with a zero border. */
	public static float[] pad(float[] slice, int n) {
		float[] p = new float[(n + 2) * (n + 2)];
		for (int j = 0; j < n; j++) System.arraycopy(slice, j * n, p, (j + 1) * (n + 2) + 1, n);
		return p;
	}

	/** Copies the interior of a padded slice into {@code out} ({@code n*n}). */
	public static void unpad(float[] padded, int n, float[] out) {
		for (int j = 0; j < n; j++) System.arraycopy(padded, (j + 1) * (n + 2) + 1, out, j * n, n);
	}

	/** Sets the one-pixel border of a padded slice to zero. */
	public static void clearBorder(float[] padded, int n) {
		int np = n + 2;
		Arrays.fill(padded, 0, np, 0f);
		Arrays.fill(padded, (np - 1) * np, np * np, 0f);
		for (int j = 1; j < np - 1; j++) {
			padded[j * np] = 0f;
			padded[j * np + np - 1] = 0f;
		}
	}

	/** Interpolation positions are 32.32 fixed point: exact, identical in projector and back-projector. */
	private static final int FRAC = 32;
	private static final double ONE = 4294967296.0;
	private static final float T_SCALE = 1f / (1 << 24);

	/** Zeroes the border of a padded slice and every pixel outside the support disc. */
	public void maskOutside(float[] padded) {
		clearBorder(padded, n);
		for (int k = 0; k < n; k++) {
			int row = (k + 1) * np, lo = lineLo[k], hi = lineHi[k];
			if (lo > hi) {
				Arrays.fill(padded, row + 1, row + n + 1, 0f);
				continue;
			}
			if (lo > 1) Arrays.fill(padded, row + 1, row + lo, 0f);
			if (hi < n) Arrays.fill(padded, row + hi + 1, row + n + 1, 0f);
		}
	}

	/**
	 * Projection {@code a} of a padded slice (border and pixels outside the support must be zero) into {@code out[off .. off+W)}
	 * (overwritten).
	 */
	public void forwardPadded(float[] img, int a, float[] out, int off) {
		forwardPadded(img, a, out, off, 0, n);
	}

	/**
	 * As {@link #forwardPadded(float[], int, float[], int)} over image lines {@code kFrom <= k < kTo}
	 * only (rows if {@link #linesAreRows}, else columns): a partial projection. Partial projections of
	 * disjoint line ranges covering 0..n-1 add up to the full projection, so threads can split one.
	 */
	public void forwardPadded(float[] img, int a, float[] out, int off, int kFrom, int kTo) {
		Arrays.fill(out, off, off + w, 0f);
		final double g = gam[a], d = del[a] + 1;
		final long dF = Math.round(alpha[a] * ONE);
		final int sF = strideF[a], sK = strideK[a];
		final int[] range = new int[2];
		for (int k = kFrom; k < kTo; k++) {
			long f0 = Math.round((g * k + d) * ONE);
			if (!range(f0, dF, w, k, range)) continue;
			int base = (k + 1) * sK;
			long f = f0 + range[0] * dF;
			for (int u = off + range[0], hi = off + range[1]; u <= hi; u++, f += dF) {
				int idx = base + (int) (f >> FRAC) * sF;
				float t = ((int) f >>> 8) * T_SCALE;
				float v0 = img[idx];
				out[u] += v0 + t * (img[idx + sF] - v0);
			}
		}
		float wt = weight[a];
		for (int u = off; u < off + w; u++) out[u] *= wt;
	}

	/**
	 * Adds the back-projection of {@code r[off .. off+W)} at angle {@code a} to a padded slice. The
	 * border and the pixels just outside the support receive contributions; clear them
	 * ({@link #maskOutside}) before the slice is projected again or read.
	 */
	public void backPadded(float[] img, int a, float[] r, int off) {
		backPadded(img, a, r, off, 0, n);
	}

	/**
	 * As {@link #backPadded(float[], int, float[], int)} for image lines {@code kFrom <= k < kTo} only:
	 * rows j = k if {@link #linesAreRows} for this angle, else columns i = k. Disjoint line ranges
	 * write disjoint pixels, so threads may share one slice.
	 */
	public void backPadded(float[] img, int a, float[] r, int off, int kFrom, int kTo) {
		final double g = gam[a], d = del[a] + 1;
		final long dF = Math.round(alpha[a] * ONE);
		final int sF = strideF[a], sK = strideK[a];
		final float wt = weight[a];
		final int[] range = new int[2];
		for (int k = kFrom; k < kTo; k++) {
			long f0 = Math.round((g * k + d) * ONE);
			if (!range(f0, dF, w, k, range)) continue;
			int base = (k + 1) * sK;
			long f = f0 + range[0] * dF;
			for (int u = off + range[0], hi = off + range[1]; u <= hi; u++, f += dF) {
				int idx = base + (int) (f >> FRAC) * sF;
				float t = ((int) f >>> 8) * T_SCALE;
				float v = wt * r[u];
				float vt = v * t;
				img[idx] += v - vt;
				img[idx + sF] += vt;
			}
		}
	}

	/**
	 * The steps s in [0, count) (detector pixels along a line, or lines along a ray) whose fixed-point
	 * interpolation position {@code f0 + s*dF} (padded) lies in [0, n+1), so that both neighbours are
	 * inside the padded slice. Returns false if none.
	 */
	private boolean range(long f0, long dF, int count, int line, int[] range) {
		long r = range(f0, dF, count, (long) (lineLo[line] - 1) << FRAC, (long) (lineHi[line] + 1) << FRAC);
		if (r < 0) return false;
		range[0] = (int) (r >>> 32);
		range[1] = (int) r;
		return true;
	}

	/** Steps s in [0, count) with {@code bottom <= f0 + s*dF < top}, packed as {@code lo << 32 | hi}; -1 if none. */
	private static long range(long f0, long dF, int count, long bottom, long top) {
		if (bottom >= top) return -1;
		int lo, hi;
		if (dF == 0) {
			if (f0 < bottom || f0 >= top) return -1;
			lo = 0;
			hi = count - 1;
		} else {
			double u0 = (bottom - f0) / (double) dF, u1 = (top - f0) / (double) dF;
			lo = (int) Math.max(0, Math.ceil(Math.min(u0, u1)) - 1);
			hi = (int) Math.min(count - 1, Math.floor(Math.max(u0, u1)) + 1);
			while (lo <= hi && !inside(f0 + lo * dF, bottom, top)) lo++;
			while (hi >= lo && !inside(f0 + hi * dF, bottom, top)) hi--;
		}
		return lo <= hi ? (long) lo << 32 | hi : -1;
	}

	private static boolean inside(long f, long bottom, long top) {
		return f >= bottom && f < top;
	}

	/** Row sums of the system matrix (ray lengths through the slice), {@code float[nAngles*W]}. */
	public float[] rayLengths() {
		float[] r = rayLengths;
		if (r == null) {
			float[] ones = new float[np * np];
			for (int k = 0; k < n; k++)
				if (lineLo[k] <= lineHi[k]) Arrays.fill(ones, (k + 1) * np + lineLo[k], (k + 1) * np + lineHi[k] + 1, 1f);
			r = new float[anglesDeg.length * w];
			for (int a = 0; a < anglesDeg.length; a++) forwardPadded(ones, a, r, a * w);
			rayLengths = r;
		}
		return r;
	}

	/** Squared norms of the system matrix rows (rays), {@code float[nAngles*W]}, for ART. */
	public float[] rayNorms2() {
		float[] r = rayNorms2;
		if (r == null) {
			r = new float[anglesDeg.length * w];
			for (int a = 0; a < anglesDeg.length; a++) {
				final double g = gam[a], d = del[a] + 1;
				final long dF = Math.round(alpha[a] * ONE);
				final int[] range = new int[2];
				double[] acc = new double[w];
				for (int k = 0; k < n; k++) {
					long f0 = Math.round((g * k + d) * ONE);
					if (!range(f0, dF, w, k, range)) continue;
					for (int u = range[0]; u <= range[1]; u++) {
						long f = f0 + u * dF;
						int p = (int) (f >> FRAC);
						double t = ((int) f >>> 8) * T_SCALE;
						// weights to pixels inside the slice and the support only
						double w0 = p >= lineLo[k] && p <= lineHi[k] ? 1 - t : 0, w1 = p + 1 >= lineLo[k] && p + 1 <= lineHi[k] ? t : 0;
						acc[u] += w0 * w0 + w1 * w1;
					}
				}
				double wt2 = (double) weight[a] * weight[a];
				for (int u = 0; u < w; u++) r[a * w + u] = (float) (acc[u] * wt2);
			}
			rayNorms2 = r;
			artRanges(); // the other ART table, so that workers sharing this projector find both ready
		}
		return r;
	}

	// ----------------------------------------------------------------- ray-by-ray (ART)

	/**
	 * One Kaczmarz (ART) update for ray u of projection a on a padded slice:
	 * {@code x += lambda * (b - <a_i, x>) / |a_i|^2 * a_i}. Returns the residual {@code b - <a_i,x>}
	 * before the update. Only pixels inside the slice (and the support) change.
	 */
	public float artRay(float[] img, int a, int u, float measured, float lambda, float norm2) {
		final long dK = Math.round(gam[a] * ONE), f0 = Math.round((del[a] + 1 + alpha[a] * u) * ONE);
		final int sF = strideF[a], sK = strideK[a];
		final int[] rr = artRanges();
		final int q = 4 * (a * w + u), k0 = rr[q], k1 = rr[q + 1], ka = rr[q + 2], kb = rr[q + 3];
		if (k0 > k1) return 0f;
		float s0 = 0f, s1 = 0f; // two partial sums halve the chain of dependent additions
		long f = f0 + k0 * dK;
		int k = k0;
		for (; k < k1; k += 2, f += 2 * dK) {
			int idx = (k + 1) * sK + (int) (f >> FRAC) * sF;
			float t = ((int) f >>> 8) * T_SCALE, v0 = img[idx];
			s0 += v0 + t * (img[idx + sF] - v0);
			long g = f + dK;
			int jdx = (k + 2) * sK + (int) (g >> FRAC) * sF;
			float tg = ((int) g >>> 8) * T_SCALE, w0 = img[jdx];
			s1 += w0 + tg * (img[jdx + sF] - w0);
		}
		if (k == k1) {
			int idx = (k + 1) * sK + (int) (f >> FRAC) * sF;
			float t = ((int) f >>> 8) * T_SCALE, v0 = img[idx];
			s0 += v0 + t * (img[idx + sF] - v0);
		}
		float sum = s0 + s1;
		float wt = weight[a];
		float res = measured - wt * sum;
		if (norm2 <= 0f) return res;
		float v = lambda * res / norm2 * wt;
		// only pixels inside the slice and support change, so the next ray of this projection reads zeros
		// there; the samples with a neighbour outside lie at the two ends of the ray
		if (ka > kb) {
			artEdge(img, a, f0, dK, k0, k1, v);
			return res;
		}
		artEdge(img, a, f0, dK, k0, ka - 1, v);
		f = f0 + ka * dK;
		for (k = ka; k <= kb; k++, f += dK) {
			int idx = (k + 1) * sK + (int) (f >> FRAC) * sF;
			float vt = v * ((int) f >>> 8) * T_SCALE;
			img[idx] += v - vt;
			img[idx + sF] += vt;
		}
		artEdge(img, a, f0, dK, kb + 1, k1, v);
		return res;
	}

	/** ART update of the samples k in [kFrom, kTo] that touch the edge: only neighbours inside change. */
	private void artEdge(float[] img, int a, long f0, long dK, int kFrom, int kTo, float v) {
		final int sF = strideF[a], sK = strideK[a];
		for (int k = kFrom; k <= kTo; k++) {
			long f = f0 + k * dK;
			int p = (int) (f >> FRAC), idx = (k + 1) * sK + p * sF, lo = lineLo[k], hi = lineHi[k];
			float vt = v * ((int) f >>> 8) * T_SCALE;
			if (p >= lo && p <= hi) img[idx] += v - vt;
			if (p + 1 >= lo && p < hi) img[idx + sF] += vt;
		}
	}

	private boolean bothInside(long f, int k) {
		int p = (int) (f >> FRAC);
		return p >= lineLo[k] && p + 1 <= lineHi[k];
	}

	/**
	 * Per ray (a, u), four ints: the sampled lines k0..k1 (empty if k0 &gt; k1) and the run ka..kb whose
	 * two neighbours both lie inside the slice and support (empty if ka &gt; kb). Computed once.
	 */
	private int[] artRanges() {
		int[] r = artRanges;
		if (r == null) {
			r = new int[4 * anglesDeg.length * w];
			for (int a = 0; a < anglesDeg.length; a++)
				for (int u = 0; u < w; u++) {
					long dK = Math.round(gam[a] * ONE), f0 = Math.round((del[a] + 1 + alpha[a] * u) * ONE);
					long kr = range(f0, dK, n, 0, (long) (n + 1) << FRAC);
					int q = 4 * (a * w + u);
					if (kr < 0) {
						r[q] = 1;
						r[q + 1] = 0;
						continue;
					}
					int k0 = (int) (kr >>> 32), k1 = (int) kr, ka = k0, kb = k1;
					while (ka <= k1 && !bothInside(f0 + ka * dK, ka)) ka++;
					while (kb >= ka && !bothInside(f0 + kb * dK, kb)) kb--;
					r[q] = k0;
					r[q + 1] = k1;
					r[q + 2] = ka;
					r[q + 3] = kb;
				}
			artRanges = r;
		}
		return r;
	}
}
