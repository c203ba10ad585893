package org.txmsuite.segment;

import java.util.Arrays;

/**
 * The wall orientations a limited-angle scan does not measure. A parallel-beam projection at angle theta
 * (degrees, about z; detector coordinate {@code x cos(theta) + y sin(theta)}) records sharp edges whose
 * in-plane normal points along {@code (cos theta, sin theta)}, so a wall is measured when its normal's
 * azimuth {@code phi = atan2(ny, nx)} equals an acquired angle modulo 180 degrees. Gaps between
 * consecutive acquired angles (modulo 180) wider than {@link #MIN_GAP_DEG} are the missing wedge(s):
 * one 45-degree gap for a two-post DAC scan over 135 degrees, two 14-degree gaps for a four-post scan.
 */
public final class Wedge {
	/** A gap between acquired angles wider than this (degrees) counts as missing; angle steps stay below it. */
	public static final double MIN_GAP_DEG = 5;

	/** Missing intervals {start, end} of normal azimuth in degrees, start in [0, 180), end > start (may pass 180). */
	private final double[][] gaps;

	private Wedge(double[][] gaps) {
		this.gaps = gaps;
	}

	/** The wedge of a set of projection angles (degrees); null if none are given. */
	public static Wedge of(double[] thetaDeg) {
		if (thetaDeg == null || thetaDeg.length == 0) return null;
		double[] a = new double[thetaDeg.length];
		for (int k = 0; k < a.length; k++) a[k] = mod180(thetaDeg[k]);
		Arrays.sort(a);
		java.util.List<double[]> g = new java.util.ArrayList<>();
		for (int k = 0; k < a.length; k++) {
			double next = k + 1 < a.length ? a[k + 1] : a[0] + 180;
			if (next - a[k] > MIN_GAP_DEG) g.add(new double[] { a[k], next });
		}
		return new Wedge(g.toArray(new double[0][]));
	}

	/** True if a wall whose in-plane normal has azimuth {@code phiDeg} lies in a missing wedge. */
	public boolean missing(double phiDeg) {
		double p = mod180(phiDeg);
		for (double[] g : gaps)
			if ((p > g[0] && p < g[1]) || (p + 180 > g[0] && p + 180 < g[1])) return true;
		return false;
	}

	/** Total missing azimuth in degrees (0 for a full or finely sampled half-turn). */
	public double missingDeg() {
		double t = 0;
		for (double[] g : gaps) t += g[1] - g[0];
		return t;
	}

	private static double mod180(double deg) {
		double m = deg % 180;
		return m < 0 ? m + 180 : m;
	}
}
