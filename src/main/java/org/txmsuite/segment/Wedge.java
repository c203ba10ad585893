package org.txmsuite.segment;

import java.util.Arrays;

/**
 * The wall orientations a limited-angle scan leaves unmeasured. A parallel-beam projection at angle theta
 * (degrees, about z; detector coordinate {@code x cos(theta) + y sin(theta)}) records sharp edges whose
 * in-plane normal points along {@code (cos theta, sin theta)}, so a wall is measured when its normal's
 * azimuth {@code phi = atan2(ny, nx)} equals an acquired angle modulo 180 degrees. A wall counts as
 * wedge-facing when its normal lies more than {@link #MARGIN_DEG} from every acquired angle: the
 * reconstruction pins walls near a measured direction (measured on the full-size ring: the wall's
 * displacement rises from 0 at the edge of a 46-degree gap to its plateau 15-18 degrees inside, and the
 * 15-degree gaps of a four-post scan leave none), so a two-post scan over 135 degrees has 30 wedge-facing
 * degrees of the 180, a four-post scan over 152 degrees none.
 */
public final class Wedge {
	/** Normals closer than this (degrees) to an acquired angle count as measured. */
	public static final double MARGIN_DEG = 8;

	/** Wedge-facing intervals {start, end} of normal azimuth in degrees (gaps less the margins), end > start (may pass 180). */
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
			if (next - a[k] > 2 * MARGIN_DEG) g.add(new double[] { a[k] + MARGIN_DEG, next - MARGIN_DEG });
		}
		return new Wedge(g.toArray(new double[0][]));
	}

	/** True if a wall whose in-plane normal has azimuth {@code phiDeg} (degrees) faces a missing wedge. */
	public boolean missing(double phiDeg) {
		double p = mod180(phiDeg);
		for (double[] g : gaps)
			if ((p > g[0] && p < g[1]) || (p + 180 > g[0] && p + 180 < g[1])) return true;
		return false;
	}

	/** Total wedge-facing azimuth in degrees (0 for a finely sampled half-turn or a four-post scan). */
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
