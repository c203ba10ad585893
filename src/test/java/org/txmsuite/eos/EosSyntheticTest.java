package org.txmsuite.eos;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.TxmException;

/**
 * Fits of synthetic data from known parameters. The data are made by an independent BM3 written here
 * (volume at each pressure by bisection), not by the fitter's P(V), and perturbed in both P and V.
 */
class EosSyntheticTest {
	static final double V0 = 100, K0 = 160, KP = 4.5;

	/** BM3 pressure, written out independently of EosModel. */
	static double bm3(double v, double v0, double k0, double kp) {
		double x = Math.pow(v0 / v, 1.0 / 3);
		return 1.5 * k0 * (Math.pow(x, 7) - Math.pow(x, 5)) * (1 + 0.75 * (kp - 4) * (x * x - 1));
	}

	static double volumeAt(double p, double v0, double k0, double kp) {
		double lo = 0.5 * v0, hi = 1.05 * v0;
		for (int i = 0; i < 100; i++) {
			double mid = 0.5 * (lo + hi);
			if (bm3(mid, v0, k0, kp) > p) lo = mid;
			else hi = mid;
		}
		return 0.5 * (lo + hi);
	}

	/** n points from pLo to pHi GPa, P noise sigP, V noise sigV (absolute), from one seed. */
	static EosData synthetic(long seed, int n, double pLo, double pHi, double sigP, double sigV, double v0, double k0, double kp) {
		Random rnd = new Random(seed);
		double[] p = new double[n], v = new double[n], sp = new double[n], sv = new double[n];
		for (int i = 0; i < n; i++) {
			double pt = pLo + (pHi - pLo) * i / (n - 1);
			double vt = volumeAt(pt, v0, k0, kp);
			p[i] = pt + sigP * rnd.nextGaussian();
			v[i] = vt + sigV * rnd.nextGaussian();
			sp[i] = sigP;
			sv[i] = sigV;
		}
		return new EosData(p, sp, v, sv, false, "A^3", null);
	}

	/**
	 * Honest esds: over 200 noise realisations each true parameter lies within one esd of the fit about
	 * 68.3 % of the time. The esd scaling by max(1, chi2w) can only widen the intervals a little (to about
	 * 70 %); the binomial standard deviation at 200 trials is 3.3 %, so [0.58, 0.80] is a +-3 sigma band.
	 */
	@Test
	void esdsCoverTheTruthAbout68PercentOfTheTime() {
		int seeds = 200;
		int[] inside = new int[3];
		double[] truth = { V0, K0, KP };
		EosOptions o = new EosOptions().model(EosModel.BM3);
		for (int s = 0; s < seeds; s++) {
			EosFit f = EosFitter.fit(synthetic(1000 + s, 15, 0.0001, 10, 0.02, 0.01, V0, K0, KP), o, null);
			for (int i = 0; i < 3; i++) if (Math.abs(f.value(i) - truth[i]) <= f.esd(i)) inside[i]++;
		}
		for (int i = 0; i < 3; i++) {
			double frac = inside[i] / (double) seeds;
			assertTrue(frac >= 0.58 && frac <= 0.80, EosModel.NAMES[i] + " coverage " + frac);
		}
	}

	@Test
	void noiseFreeDataGiveTheParametersBack() {
		EosData d = synthetic(1, 12, 0.0001, 20, 0, 0, V0, K0, KP);
		EosData withSigmas = new EosData(arr(d, 0), constant(d.size(), 0.01), arr(d, 2), constant(d.size(), 0.01), false, "A^3", null);
		for (EosOptions.Weighting w : EosOptions.Weighting.values()) {
			EosFit f = EosFitter.fit(withSigmas, new EosOptions().model(EosModel.BM3).weighting(w), null);
			assertEquals(V0, f.value(0), 1e-7 * V0, w.label());
			assertEquals(K0, f.value(1), 1e-6 * K0, w.label());
			assertEquals(KP, f.value(2), 1e-6, w.label());
		}
	}

	/** The same data as V/V0: V0 is fixed at 1, K0 and K' come out as from absolute volumes. */
	@Test
	void relativeVolumes() {
		EosData abs = synthetic(7, 15, 0.0001, 10, 0.02, 0.01, V0, K0, KP);
		double[] rel = arr(abs, 2), srel = arr(abs, 3);
		for (int i = 0; i < rel.length; i++) {
			rel[i] /= V0;
			srel[i] /= V0;
		}
		EosData r = new EosData(arr(abs, 0), arr(abs, 1), rel, srel, true, "V/V0", null);
		EosFit fr = EosFitter.fit(r, new EosOptions(), null);
		EosFit fa = EosFitter.fit(abs, new EosOptions().fix(EosModel.V0, V0), null);
		assertEquals(1, fr.value(0), 0);
		assertEquals(EosFit.Status.FIXED, fr.status(0));
		assertEquals(fa.value(1), fr.value(1), 1e-6 * K0);
		assertEquals(fa.esd(1), fr.esd(1), 1e-5 * fa.esd(1));
		assertEquals(fa.value(2), fr.value(2), 1e-7);
	}

	/**
	 * A glass stiffening between 10 and 13 GPa: two BM3 branches. Separate fits below 10 and above 13 GPa
	 * recover each branch within 3 esds; one fit through everything has chi2w far above 1.
	 */
	@Test
	void segmentedFitsSeparateTwoRegimes() {
		EosData low = synthetic(11, 14, 0.0001, 10, 0.02, 0.01, 100, 40, 5);
		EosData high = synthetic(12, 14, 13, 30, 0.02, 0.01, 94, 70, 4.2);
		int n = low.size() + high.size();
		double[] p = new double[n], sp = new double[n], v = new double[n], sv = new double[n];
		for (int i = 0; i < n; i++) {
			EosData d = i < low.size() ? low : high;
			int k = i < low.size() ? i : i - low.size();
			p[i] = d.pressure(k);
			sp[i] = d.sigmaP(k);
			v[i] = d.volume(k);
			sv[i] = d.sigmaV(k);
		}
		EosData all = new EosData(p, sp, v, sv, false, "A^3", null);
		List<EosFit> fits = EosSegments.fit(all, new EosOptions(), EosFitter.parseRanges("0-10; 13-40"), null).fits();
		double[][] truth = { { 100, 40, 5 }, { 94, 70, 4.2 } };
		for (int s = 0; s < 2; s++)
			for (int i = 0; i < 3; i++)
				assertEquals(truth[s][i], fits.get(s).value(i), 3 * fits.get(s).esd(i), "segment " + s + " " + EosModel.NAMES[i]);
		assertEquals(14, fits.get(0).n());
		assertEquals(14, fits.get(1).n());
		double chi = EosFitter.fit(all, new EosOptions(), null).chi2w();
		assertTrue(chi > 20, "one fit through both regimes: chi2w " + chi);
	}

	@Test
	void parsesRanges() {
		assertArrayEquals(new double[] { 0, 10 }, EosFitter.parseRanges("0-10; 13-40")[0]);
		assertArrayEquals(new double[] { 13, 40 }, EosFitter.parseRanges("0-10; 13-40")[1]);
		assertArrayEquals(new double[] { -1, 2.5 }, EosFitter.parseRanges("-1:2.5")[0]);
		assertThrows(TxmException.class, () -> EosFitter.parseRanges("10-5"));
		assertThrows(TxmException.class, () -> EosFitter.parseRanges("ten"));
	}

	/** Bad input gives a message naming the input, the value and what was expected. */
	@Test
	void badInputIsReportedClearly() {
		EosData three = new EosData(new double[] { 0, 1, 2 }, null, new double[] { 100, 99, 98 }, null, false, null, null);
		TxmException e = assertThrows(TxmException.class, () -> EosFitter.fit(three, new EosOptions().weighting(EosOptions.Weighting.NONE), null));
		assertTrue(e.getMessage().contains("3 free parameters and needs more data points") && e.getMessage().contains("got 3"), e.getMessage());
		e = assertThrows(TxmException.class, () -> new EosData(new double[] { 0, 1 }, null, new double[] { 100, -2 }, null, false, null, null));
		assertEquals("EOS data row 2: volume is -2.0, expected a positive volume", e.getMessage());
		e = assertThrows(TxmException.class, () -> new EosData(new double[] { 0, Double.NaN }, null, new double[] { 100, 99 }, null, false, null, null));
		assertEquals("EOS data row 2: pressure is NaN, expected a finite number", e.getMessage());
		EosData noSigP = new EosData(new double[] { 0, 1, 2, 3, 4 }, null, new double[] { 100, 99, 98, 97.1, 96.3 }, null, false, null, null);
		e = assertThrows(TxmException.class, () -> EosFitter.fit(noSigP, new EosOptions().weighting(EosOptions.Weighting.SIGMA_P), null));
		assertEquals("weighting sigma-p needs sigP > 0 on every point; row 1 has sigP = 0.0 (use effective-variance or none)", e.getMessage());
		e = assertThrows(TxmException.class, () -> new EosOptions().fixed("V0"));
		assertTrue(e.getMessage().contains("not name=value"), e.getMessage());
		e = assertThrows(TxmException.class, () -> EosFitter.fit(synthetic(3, 10, 0, 10, 0.02, 0.01, V0, K0, KP),
			new EosOptions().model(EosModel.BM2).fix(EosModel.KP, 5), null));
		assertTrue(e.getMessage().contains("Kp is fixed at 4.0 by the 2nd-order BM2"), e.getMessage());
	}

	/** A fit stopped before convergence says so and gives its last state, not a number. */
	@Test
	void nonConvergenceReportsLastState() {
		EosData d = synthetic(5, 15, 0.0001, 10, 0.02, 0.01, V0, K0, KP);
		EosFitter.EosFitException e = assertThrows(EosFitter.EosFitException.class,
			() -> EosFitter.fit(d, new EosOptions().model(EosModel.BM3).maxCycles(2), null));
		assertTrue(e.getMessage().matches(".*did not converge in 2 cycles; last state: V0 = [0-9.]+, K0 = [0-9.]+, Kp = [0-9.]+, Kpp = .*chi2w = .*"),
			e.getMessage());
		assertEquals(4, e.lastParameters().length);
	}

	static double[] arr(EosData d, int col) {
		double[] a = new double[d.size()];
		for (int i = 0; i < a.length; i++)
			a[i] = col == 0 ? d.pressure(i) : col == 1 ? d.sigmaP(i) : col == 2 ? d.volume(i) : d.sigmaV(i);
		return a;
	}

	static double[] constant(int n, double c) {
		double[] a = new double[n];
		java.util.Arrays.fill(a, c);
		return a;
	}
}
