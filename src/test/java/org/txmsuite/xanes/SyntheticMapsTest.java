package org.txmsuite.xanes;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.txmsuite.core.Progress;

/** Maps of a synthetic 64x64 NiO/LiNiO2 particle with a Ni-metal inclusion, SNR 100, against truth. */
class SyntheticMapsTest {
	static SyntheticParticle sim;

	@BeforeAll
	static void simulate() {
		sim = new SyntheticParticle(64, 100, 42);
	}

	static float[] pixels(XanesResult r, String name) {
		return (float[]) r.image(name).getProcessor().getPixels();
	}

	@Test
	void maskIsTheParticle() {
		XanesResult r = Xanes.normalize(XanesData.of(sim.stack), NormalizeOptions.larchDefaults(), Progress.NONE);
		byte[] m = (byte[]) r.image("mask").getProcessor().getPixels();
		int wrong = 0, inside = 0;
		for (int p = 0; p < m.length; p++) {
			if (sim.inside[p]) inside++;
			if ((m[p] != 0) != sim.inside[p]) wrong++;
		}
		assertTrue(wrong <= inside / 100, wrong + " of " + inside + " mask pixels wrong; " + r.summary());
		assertTrue(r.summary().contains("edge step below mask threshold"), r.summary());
	}

	@Test
	void fractionsWithinThreePercentRms() {
		Xanes.FitOptions fo = new Xanes.FitOptions();
		XanesResult r = Xanes.fitReferences(XanesData.of(sim.stack), NormalizeOptions.larchDefaults(), List.of(sim.nio, sim.lini), fo,
			Progress.NONE);
		float[] fNio = pixels(r, "fraction_1"), fLi = pixels(r, "fraction_2"), res = pixels(r, "residual_map");
		double ss = 0, rf = 0;
		int n = 0;
		for (int p = 0; p < fNio.length; p++) {
			if (!sim.inside[p] || sim.metal[p] || Float.isNaN(fLi[p])) continue;
			ss += sq(fLi[p] - sim.fLi[p]) + sq(fNio[p] - (1 - sim.fLi[p]));
			rf += res[p];
			n++;
		}
		double rms = Math.sqrt(ss / (2 * n));
		System.out.printf("fractions: RMS error %.4f over %d pixels, mean R-factor %.2e%n", rms, n, rf / n);
		assertTrue(n > 1800, n + " pixels fitted");
		assertTrue(rms < 0.03, "fraction RMS error " + rms);
	}

	@Test
	void edge50WithinPoint3EvRms() {
		Xanes.EdgeOptions eo = new Xanes.EdgeOptions();
		XanesResult r = Xanes.edges(XanesData.of(sim.stack), NormalizeOptions.larchDefaults(), eo, Progress.NONE);
		float[] e50 = pixels(r, "edge50_map"), wl = pixels(r, "whiteline_map");
		Normalizer nz = new Normalizer(sim.energies, NormalizeOptions.larchDefaults());
		double ss = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		int n = 0;
		for (int p = 0; p < e50.length; p++) {
			if (!sim.inside[p]) continue;
			assertFalse(Float.isNaN(e50[p]), "edge50 missing inside the particle at " + p);
			ss += sq(e50[p] - sim.trueEdge50(p, nz));
			n++;
			if (!sim.metal[p]) { lo = Math.min(lo, wl[p]); hi = Math.max(hi, wl[p]); }
		}
		double rms = Math.sqrt(ss / n);
		System.out.printf("edge50: RMS error %.3f eV over %d pixels; whiteline %.1f..%.1f eV; %s%n", rms, n, lo, hi, r.summary());
		assertTrue(rms < 0.3, "edge50 RMS error " + rms + " eV");
		assertTrue(lo > 8340 && hi < 8360, "whiteline " + lo + ".." + hi);
		assertNotNull(r.image("edge50_map_view"));
		assertEquals(ij.ImagePlus.COLOR_RGB, r.image("edge50_map_view").getType());
	}

	@Test
	void minorityPhaseIsItsOwnCluster() {
		XanesResult r = ClusterAnalysis.run(XanesData.of(sim.stack), NormalizeOptions.larchDefaults(), 3, 4, 1, Progress.NONE);
		byte[] l = (byte[]) r.image("labels").getProcessor().getPixels();
		int[][] count = new int[4][2];
		int minority = 0;
		for (int p = 0; p < l.length; p++) {
			count[l[p]][sim.metal[p] ? 1 : 0]++;
			if (sim.metal[p]) minority++;
		}
		int best = 1;
		for (int k = 2; k <= 3; k++) if (count[k][1] > count[best][1]) best = k;
		double recall = count[best][1] / (double) minority, purity = count[best][1] / (double) (count[best][0] + count[best][1]);
		System.out.printf("minority phase: %d pixels (%.2f %% of the particle), cluster %d holds %.1f %% of them, purity %.1f %%; %s%n",
			minority, 100.0 * minority / 2284, best, 100 * recall, 100 * purity, r.summary());
		assertTrue(recall >= 0.9, "cluster " + best + " holds " + recall + " of the minority pixels");
		assertTrue(purity >= 0.9, "cluster " + best + " is only " + purity + " minority");
		assertEquals(ij.ImagePlus.COLOR_RGB, r.image("cluster_plot").getType());
		assertEquals(60, r.table("cluster_spectra").size());
		XanesResult again = ClusterAnalysis.run(XanesData.of(sim.stack), NormalizeOptions.larchDefaults(), 3, 4, 1, Progress.NONE);
		assertArrayEquals(l, (byte[]) again.image("labels").getProcessor().getPixels(), "seeded clustering repeats");
	}

	static double sq(double v) {
		return v * v;
	}
}
