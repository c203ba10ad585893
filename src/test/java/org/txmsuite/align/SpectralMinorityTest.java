package org.txmsuite.align;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.FrameStack;

/**
 * The XANES demo's failure case: a metal-like minority phase (3 % of the particle in small discs) whose
 * edge (8333 eV) lies below the Ni2+/Ni3+ edges (about 8342 eV), so between the two edges only the small
 * discs change contrast. Energies as in the demo (8250:8320:10, 8322:8370:1, 8380:8550:15; 69).
 */
class SpectralMinorityTest {
	static double[] energies() {
		java.util.List<Double> l = new java.util.ArrayList<>();
		for (double e = 8250; e <= 8320; e += 10) l.add(e);
		for (double e = 8322; e <= 8370; e += 1) l.add(e);
		for (double e = 8380; e <= 8550; e += 15) l.add(e);
		return l.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** Worst {shift error px, scale error} over all energies, and the worst scale error outside 8330-8350 eV. */
	static double[] run(SpectralAligner.ScaleModel model, String label) {
		double[] e = energies();
		int n = e.length;
		double[] dx = new double[n], dy = new double[n], sc = new double[n];
		FrameStack st = SpectralAlignerTest.simulate(e, 0.03, 100, 5, dx, dy, sc);
		SpectralAligner.Result res = SpectralAligner.align(st, -1, model, null);
		double worstD = 0, worstS = 0, worstOff = 0;
		for (int i = 0; i < n; i++) {
			double s = sc[i] / sc[n - 1];
			double ex = dx[i] - s * dx[n - 1], ey = dy[i] - s * dy[n - 1];
			double d = Math.max(Math.abs(res.dx[i] - ex), Math.abs(res.dy[i] - ey));
			System.out.printf("%s %.0f eV: shift err %.3f px, scale %.5f true %.5f%n", label, e[i], d, res.scale[i], s);
			worstD = Math.max(worstD, d);
			worstS = Math.max(worstS, Math.abs(res.scale[i] - s));
			if (e[i] < 8330 || e[i] > 8350) worstOff = Math.max(worstOff, Math.abs(res.scale[i] - s));
		}
		System.out.printf("%s: worst shift error %.3f px, worst scale error %.4f %% (%.4f %% outside 8330-8350 eV)%n", label, worstD,
			100 * worstS, 100 * worstOff);
		return new double[] { worstD, worstS, worstOff };
	}

	@Test
	void linearScaleSurvivesTheMinorityEdge() {
		// before the neighbour check: shifts off by 8-317 px at 8333-8343 eV (the scale line itself was fine)
		double[] w = run(SpectralAligner.ScaleModel.LINEAR, "linear");
		// issue acceptance: shifts within 0.2 px, scale within 0.05 %
		assertEquals(0, w[0], 0.2);
		assertEquals(0, w[1], 5e-4);
	}

	@Test
	void perEnergyScaleStaysBounded() {
		double[] w = run(SpectralAligner.ScaleModel.PER_ENERGY, "per-energy");
		// shifts as for linear; the per-energy magnification is not determined on the edges (see docs), but
		// must stay near the truth: the demo saw scales of -106 to 6.5 there. Measured: 0.53 % on the edges,
		// 0.12 % elsewhere (the weak pre-edge frames at SNR 100 fix their own magnification less well)
		assertEquals(0, w[0], 0.2);
		assertEquals(0, w[2], 2e-3);
		assertEquals(0, w[1], 1e-2);
	}

	@Test
	void energyIntervalWeights() {
		// half the distance to each neighbour, whatever the order; the ends get half their one gap
		double[] w = SpectralAligner.intervals(new double[] { 11, 0, 10, 30, 12 });
		assertArrayEquals(new double[] { 1, 5, 5.5, 9, 9.5 }, w, 1e-12);
		// a line with two wild points on a dense cluster: the weighted robust line keeps the sparse points' slope
		double[] x = { 0, 10, 20, 21, 22, 23, 24, 40, 50 }, y = new double[x.length];
		for (int i = 0; i < x.length; i++) y[i] = 1 + 0.01 * x[i];
		y[3] += 0.3;
		y[5] -= 0.2;
		double[] ab = SpectralAligner.robustLine(x, y, SpectralAligner.intervals(x));
		assertEquals(1, ab[0], 1e-9);
		assertEquals(0.01, ab[1], 1e-10);
	}
}
