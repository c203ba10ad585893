package org.txmsuite.segment;

import java.util.stream.IntStream;

/**
 * Sub-voxel volume, surface and uncertainty of one segmented object.
 *
 * <p>Each voxel in a band of {@code band} voxels on both sides of the object's mask boundary counts with
 * the fraction {@code f = (v - s)/(o - s)} clipped to [0, 1], where {@code o} and {@code s} are the robust
 * (median) levels of the object and of its surroundings measured in thin shells just beyond the band;
 * mask voxels deeper than the band count 1. This is the linear-mixing partial-volume model: blur moves
 * grey value across the boundary but keeps the band's sum, so the estimate does not depend on the
 * threshold that made the mask. The surface is the 0.5 iso-surface of the fraction field (marching
 * tetrahedra, {@link Surface}), divided by the factor by which noise roughens it ({@link #roughness}).
 *
 * <p>Uncertainty: {@link #COVERAGE} times the quadrature sum of four standard terms, plus the closing term:
 * <ul>
 * <li>levels: the change of the volume when {@code o} and {@code s} move by their uncertainty, in
 *   quadrature; a level's uncertainty is the difference between two places where the same material is
 *   measured (the interior next to the band and deep inside; the shell's mid-surface and its core,
 *   given by the caller) plus the standard error of the median;</li>
 * <li>band: the larger change when the band is one voxel wider or narrower (grey value the band did not
 *   catch: strong blur, missing-wedge smearing, clipped noise);</li>
 * <li>boundary: {@link #BOUNDARY_VOXELS} of a voxel times the surface: reconstruction artefacts (missing
 *   wedge, unconverged iterations, non-negativity) move the partial-volume boundary by a fraction of a
 *   voxel that no level measures, calibrated on SART reconstructions (docs/stages/segment.md);</li>
 * <li>missing wedge: {@link #WEDGE_RELATIVE} times the object's volume times the share of its surface that
 *   faces the scan's missing wedge (when the scan's angles are known): walls no projection measured sit where
 *   the reconstruction left them;</li>
 * <li>closing: the volume counted in voxels that only gap closing made part of the object (the
 *   missing-wedge gaps in a Pt shell), times {@link #CLOSING_WEIGHT}, added linearly.</li>
 * </ul>
 */
public final class PartialVolume {
	private PartialVolume() {}

	/** Code of object voxels in the code volume. */
	public static final byte OBJECT = 1;
	/** Code of voxels the outer band may use (surroundings of this object, not other objects). */
	public static final byte FREE = 2;
	/** Flag (or-ed into a code) of voxels that gap closing added. */
	public static final byte CLOSED = 4;
	/** Coverage factor: the reported uncertainty is twice the standard uncertainty (about 95 % coverage). */
	public static final double COVERAGE = 2;
	/**
	 * Standard boundary displacement (voxels of the coarsest axis) that reconstruction artefacts leave beyond
	 * the level and band terms: set so that 68 % of 24 calibration reconstructions (SART, 135 and 152
	 * degrees, shells of 4-10 voxels) lie within one standard uncertainty.
	 */
	public static final double BOUNDARY_VOXELS = 0.03;
	/**
	 * Standard relative volume uncertainty per unit of wedge-facing surface share q ({@link Surface#areas},
	 * {@link Wedge}): the missing wedge leaves the walls it faces displaced by an amount that scales with the
	 * object (its artefacts are geometric, not a voxel effect), in a direction that depends on the
	 * reconstruction. Calibrated on the full-size ring (bench {@code RingStudy deg=135 dart=20 seed=3}: 24
	 * rows of the 15 um cylinder, 500 voxels across, reconstructed as the pressure pipeline does): the wall
	 * facing the 46-degree gap lies up to 0.8 voxel out, which makes the area 0.097 % too large at a
	 * wedge-facing share of 30/180; a relative displacement eps gives 2 eps q in 2D and 3 eps q in 3D
	 * (R = 3V/A), so 1.5 x 0.097 % / 0.167 = 0.87 %.
	 */
	public static final double WEDGE_RELATIVE = 0.009;
	/** Part of the closing volume taken as its uncertainty (all of it: what fills a slot is unknown). */
	public static final double CLOSING_WEIGHT = 1;

	/**
	 * Measures the object in a crop.
	 *
	 * @param values smoothed grey values of the crop (not changed)
	 * @param codes {@link #OBJECT}, {@link #FREE} or 0 per voxel, optionally with {@link #CLOSED}; the
	 *   object must keep {@code band + 4} voxels from the crop's border
	 * @param sx voxel size along x (um), likewise sy, sz
	 * @param objectLevel, surroundLevel given levels, or NaN to measure them
	 */
	public static MeasuredObject measure(int label, String name, float[][] values, byte[][] codes, int w, int h, double sx, double sy, double sz,
		int band, double objectLevel, double surroundLevel) {
		return measure(label, name, values, codes, w, h, sx, sy, sz, band, objectLevel, surroundLevel, 0);
	}

	/** As above, with the uncertainty of a given surroundings level. */
	public static MeasuredObject measure(int label, String name, float[][] values, byte[][] codes, int w, int h, double sx, double sy, double sz,
		int band, double objectLevel, double surroundLevel, double surroundUncertainty) {
		return measure(label, name, values, codes, w, h, sx, sy, sz, band, objectLevel, surroundLevel, surroundUncertainty, null);
	}

	/** As above, with the missing wedge of the scan the volume came from (null = unknown: no wedge term). */
	public static MeasuredObject measure(int label, String name, float[][] values, byte[][] codes, int w, int h, double sx, double sy, double sz,
		int band, double objectLevel, double surroundLevel, double surroundUncertainty, Wedge wedge) {
		int d = values.length, n = w * h;
		float[][] dOut = new float[d][n], dIn = new float[d][n];
		Edt.squared((z, i) -> (codes[z][i] & 3) == OBJECT, w, h, d, sx, sy, sz, dOut);
		Edt.squared((z, i) -> (codes[z][i] & 3) != OBJECT, w, h, d, sx, sy, sz, dIn);
		double s = Math.max(sx, Math.max(sy, d > 1 ? sz : 0));
		double b = band * s, b2 = b * b, r1 = (b + s) * (b + s), r0 = (b - s) * (b - s);
		double[] obj = level(values, n, (z, i) -> (codes[z][i] & 3) == OBJECT, dIn, b, s, objectLevel);
		double[] sur = level(values, n, (z, i) -> (codes[z][i] & 3) == FREE, dOut, b, s, surroundLevel);
		if (!Double.isNaN(surroundLevel)) sur[1] = surroundUncertainty;
		double o = obj[0], g = sur[0], dO = obj[1], dG = sur[1];
		if (Double.isNaN(o) || Double.isNaN(g))
			throw new org.txmsuite.core.TxmException(name + ": no voxels " + (Double.isNaN(o) ? "inside" : "around") + " the object to measure its grey level");
		if (!(Math.abs(o - g) > 0))
			throw new org.txmsuite.core.TxmException(name + ": object and surroundings have the same grey level (" + o + "), nothing to measure");
		double[][] acc = new double[d][];
		IntStream.range(0, d).parallel().forEach(z -> {
			double[] a = new double[11];
			float[] v = values[z], fo = dOut[z], fi = dIn[z];
			byte[] c = codes[z];
			for (int i = 0; i < n; i++) {
				int code = c[i] & 3;
				boolean closed = (c[i] & CLOSED) != 0;
				float field = 0;
				if (code == OBJECT) {
					a[8]++;
					double di = fi[i];
					if (di > r1) {
						a[0]++;
						field = 1;
						if (closed) a[9]++;
					}
					else if (di > b2) {
						a[0]++;
						double f = frac(v[i], o, g);
						a[2] += f - 1;
						field = (float) f;
						if (closed) a[9]++;
					}
					else {
						double f = frac(v[i], o, g);
						a[1] += f;
						if (di > r0) a[10] += f - 1;
						variants(a, v[i], o, g, dO, dG);
						field = (float) f;
						if (closed) a[9] += f;
					}
				}
				else if (code == FREE) {
					double dd = fo[i];
					if (dd <= b2) {
						double f = frac(v[i], o, g);
						a[1] += f;
						if (dd > r0) a[10] += f;
						variants(a, v[i], o, g, dO, dG);
						field = (float) f;
						if (closed) a[9] += f;
					}
					else if (dd <= r1) {
						double f = frac(v[i], o, g);
						a[2] += f;
						field = (float) f;
					}
				}
				fo[i] = field;
			}
			acc[z] = a;
		});
		double[] t = new double[11];
		for (double[] a : acc) for (int k = 0; k < 11; k++) t[k] += a[k];
		double vox = sx * sy * sz;
		double volume = (t[0] + t[1]) * vox;
		double rough = roughness(values, dOut, codes, dIn, w, h, (b + 3 * s) * (b + 3 * s), o, g, sx, sy, sz);
		double[] areas = Surface.areas(dOut, w, h, 0.5, sx, sy, sz, wedge);
		double area = areas[0] / rough;
		double levelTerm = COVERAGE * Math.hypot((t[3] - t[4]) / 2, (t[5] - t[6]) / 2) * vox;
		double bandTerm = COVERAGE * Math.max(Math.abs(t[2]), band > 1 ? Math.abs(t[10]) : 0) * vox;
		double boundaryTerm = COVERAGE * BOUNDARY_VOXELS * s * area;
		double closingTerm = CLOSING_WEIGHT * t[9] * vox;
		// wedge-facing share of the surface: area-weighted |n_xy| over the triangles whose normal is missing
		double q = wedge == null || !(areas[0] > 0) ? 0 : areas[1] / areas[0];
		double wedgeTerm = COVERAGE * WEDGE_RELATIVE * q * volume;
		double u = Math.sqrt(levelTerm * levelTerm + bandTerm * bandTerm + boundaryTerm * boundaryTerm + wedgeTerm * wedgeTerm) + closingTerm;
		return new MeasuredObject(label, name, (long) t[8], volume, t[8] * vox, area, rough, u, o, g, levelTerm, bandTerm, boundaryTerm, closingTerm,
			wedge == null ? Double.NaN : q, wedgeTerm);
	}

	/**
	 * Factor by which noise enlarges the iso-surface (a rough surface is larger than its mean surface). Noise n
	 * displaces the surface by n/G (G the fraction field's gradient across the boundary), and a surface with
	 * random slopes p has area sqrt(1 + p^2) per unit of mean surface; with the slopes' variance V/G^2 per
	 * tangential direction (V the variance of the noise's voxel-to-voxel differences per unit length, the
	 * scale at which marching tetrahedra follow it), the squared slope has mean mu = 2 (Vx + Vy + Vz)/(3 G^2)
	 * for a surface of any orientation, and for Gaussian slopes the mean of sqrt(1 + p^2) is
	 * 1 + (1/2) sqrt(pi mu) exp(1/mu) erfc(1/sqrt(mu)) (= 1 + mu/2 for small mu). V is measured on the
	 * object's deep voxels (fraction units: (v - g)/(o - g)), G^2 as the mean squared central-difference
	 * gradient of the field where it lies in [0.3, 0.7], less the noise's share of it. 1 when fewer than 1000 deep voxel pairs or boundary voxels are found.
	 */
	static double roughness(float[][] values, float[][] field, byte[][] codes, float[][] dIn, int w, int h, double deep2, double o, double g,
		double sx, double sy, double sz) {
		int d = values.length;
		double scale = 1 / (o - g);
		double[][] acc = new double[d][];
		IntStream.range(1, d - 1).parallel().forEach(z -> {
			double[] a = new double[12];
			float[] v = values[z], f = field[z], dz = dIn[z];
			byte[] c = codes[z];
			for (int y = 1; y < h - 1; y++)
				for (int x = 1; x < w - 1; x++) {
					int i = y * w + x;
					if ((c[i] & 3) == OBJECT && dz[i] > deep2 && dz[i + 1] > deep2 && dz[i + w] > deep2 && dIn[z + 1][i] > deep2
						&& dz[i - 1] > deep2 && dz[i - w] > deep2 && dIn[z - 1][i] > deep2) {
						double fx = (v[i + 1] - v[i]) * scale / sx, fy = (v[i + w] - v[i]) * scale / sy, fz = (values[z + 1][i] - v[i]) * scale / sz;
						double cx = (v[i + 1] - v[i - 1]) * scale / (2 * sx), cy = (v[i + w] - v[i - w]) * scale / (2 * sy);
						double cz = (values[z + 1][i] - values[z - 1][i]) * scale / (2 * sz);
						a[0]++;
						a[1] += fx; a[2] += fx * fx;
						a[3] += fy; a[4] += fy * fy;
						a[5] += fz; a[6] += fz * fz;
						a[7] += cx * cx + cy * cy + cz * cz;
					}
					double fi = f[i];
					if (fi >= 0.3 && fi <= 0.7 && (c[i] & 3) != 0) {
						double gx = (f[i + 1] - f[i - 1]) / (2 * sx), gy = (f[i + w] - f[i - w]) / (2 * sy);
						double gz = (field[z + 1][i] - field[z - 1][i]) / (2 * sz);
						a[8]++;
						a[9] += gx * gx + gy * gy + gz * gz;
					}
				}
			acc[z] = a;
		});
		double[] t = new double[12];
		for (double[] a : acc) if (a != null) for (int k = 0; k < 12; k++) t[k] += a[k];
		if (t[0] < 1000 || t[8] < 1000) return 1;
		double m = t[0];
		double vx = t[2] / m - Math.pow(t[1] / m, 2), vy = t[4] / m - Math.pow(t[3] / m, 2), vz = t[6] / m - Math.pow(t[5] / m, 2);
		double g2 = t[9] / t[8] - t[7] / m;
		if (!(g2 > 0)) return 1;
		double mu = 2 * (vx + vy + vz) / (3 * g2);
		double f = mu > 0 ? 1 + 0.5 * Math.sqrt(Math.PI * mu) * erfcx(1 / Math.sqrt(mu)) : 1;
		return f;
	}

	/**
	 * Scaled complementary error function exp(x^2) erfc(x) for x >= 0 (the rational approximation of
	 * Numerical Recipes' erfcc, relative error below 1.2e-7, without the overflow of the unscaled form).
	 */
	static double erfcx(double x) {
		double t = 1 / (1 + 0.5 * x);
		return t * Math.exp(-1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
			+ t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
	}

	/** Fraction of object in a voxel, clipped only to [-1, 2] against outliers (noise must average out, not be rectified). */
	private static double frac(double v, double o, double g) {
		double f = (v - g) / (o - g);
		return f < -1 ? -1 : f > 2 ? 2 : f;
	}

	private static void variants(double[] a, double v, double o, double g, double dO, double dG) {
		a[3] += frac(v, o + dO, g);
		a[4] += frac(v, o - dO, g);
		a[5] += frac(v, o, g + dG);
		a[6] += frac(v, o, g - dG);
	}

	/**
	 * {level, uncertainty} of a population: the median of its voxels 0-2 voxels beyond the band, and as
	 * uncertainty the difference to the median of the voxels deeper than 6 voxels beyond the band (the
	 * same material measured where no boundary reaches it; 2-4 voxels beyond for thinner populations) plus
	 * the standard error of the median. Thin populations fall back to all their voxels beyond the first layer.
	 */
	private static double[] level(float[][] values, int n, Levels.Select member, float[][] dist, double b, double s, double given) {
		if (!Double.isNaN(given)) return new double[] { given, 0 };
		float[] near = Levels.sorted(values, n, (z, i) -> member.at(z, i) && inRange(dist[z][i], b, b + 2 * s));
		float[] far = Levels.sorted(values, n, (z, i) -> member.at(z, i) && dist[z][i] > (b + 6 * s) * (b + 6 * s));
		if (far.length < 10) far = Levels.sorted(values, n, (z, i) -> member.at(z, i) && inRange(dist[z][i], b + 2 * s, b + 4 * s));
		if (near.length < 10) near = Levels.sorted(values, n, (z, i) -> member.at(z, i) && dist[z][i] > 1.01 * s * s);
		if (near.length < 3) near = Levels.sorted(values, n, member);
		double m = Levels.quantile(near, 0.5);
		double se = 1.2533 * Levels.sigma(near) / Math.sqrt(Math.max(1, near.length));
		double drift = far.length >= 10 ? Math.abs(Levels.quantile(far, 0.5) - m) : Levels.sigma(near);
		if (far.length >= DEEP_VOXELS) m = Levels.quantile(far, 0.5);
		return new double[] { m, drift + se };
	}

	/** A population with this many voxels deeper than 6 voxels beyond the band takes its level there. */
	static final int DEEP_VOXELS = 1000;

	private static boolean inRange(float d2, double lo, double hi) {
		return d2 > lo * lo && d2 <= hi * hi;
	}
}
