package org.txmsuite.recon;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;
import org.txmsuite.core.Volume;
import org.txmsuite.sim.Phantom2D;

/**
 * The discrete refinement (DART) on the case it is for: a thick Pt-like ring around a low-Z core (issue #10's
 * cylinder in a slice, scaled down), projected analytically ({@link Phantom2D}, not the Joseph projector) over
 * the two-post 135 degrees with Gaussian noise, reconstructed as the pressure pipeline does (SART, TV 0.1, no
 * non-negativity). Without refinement the wall's inner edge sits too far out where its normal lies in the
 * blocked wedge (around the y axis); the refinement puts it back.
 */
class DiscreteRefinementTest {
	static final int N = 160;
	static final double RIN = 50, WALL = 12, PT = 1.0, CORE = 0.0175;

	/**
	 * Inner radius (0.5 crossing of (v - PT)/(CORE - PT)) per 15-degree bin of the normal's direction modulo
	 * 180 degrees (bin q: 15q..15q+15 degrees from +x towards +y, both sides), then the enclosed area's relative error.
	 */
	static double[] innerRadii(float[] img) {
		int rays = 360, bins = 12;
		double c = (N - 1) / 2.0, area = 0;
		double[] out = new double[bins + 1];
		for (int k = 0; k < rays; k++) {
			double th = Math.PI * 2 * (k + 0.5) / rays, cs = Math.cos(th), sn = Math.sin(th), prev = 1, r = RIN - 15;
			for (; r < RIN + WALL; r += 0.1) {
				double x = c + r * cs, y = c + r * sn;
				int i = (int) x, j = (int) y;
				double fx = x - i, fy = y - j;
				double v = (1 - fy) * ((1 - fx) * img[j * N + i] + fx * img[j * N + i + 1]) + fy * ((1 - fx) * img[(j + 1) * N + i] + fx * img[(j + 1) * N + i + 1]);
				double f = (v - PT) / (CORE - PT);
				if (f < 0.5) {
					r -= 0.1 * (0.5 - f) / (prev - f);
					break;
				}
				prev = f;
			}
			out[(k * 2 * bins / rays) % bins] += r / (rays / bins);
			area += 0.5 * r * r * 2 * Math.PI / rays;
		}
		out[bins] = area / (Math.PI * RIN * RIN) - 1;
		return out;
	}

	static FrameStack ring(double[] angles, double noise, long seed) {
		Phantom2D p = new Phantom2D().ellipse(PT, (RIN + WALL) / (N / 2.0), (RIN + WALL) / (N / 2.0), 0, 0, 0)
			.ellipse(CORE - PT, RIN / (N / 2.0), RIN / (N / 2.0), 0, 0, 0);
		float[][] rows = p.sinogram(N, angles, N, (N - 1) / 2.0, 4);
		float max = 0;
		for (float[] r : rows) for (float v : r) max = Math.max(max, v);
		Random rnd = new Random(seed);
		FrameStack st = new FrameStack(N, 1).state(DataState.ABSORBANCE);
		for (int a = 0; a < angles.length; a++) {
			for (int k = 0; k < N; k++) rows[a][k] += (float) (noise * max * rnd.nextGaussian());
			st.add(rows[a], new FrameInfo().angleDeg(angles[a]));
		}
		return st;
	}

	@Test
	void refinementPutsTheWedgeSmearedWallBack() {
		double[] angles = Phantoms.range(-67.5, 1, 135);
		FrameStack st = ring(angles, 0.005, 1);
		ReconOptions sart = new ReconOptions().iterations(6).nonnegative(false).tvWeight(0.1);
		double[] plain = innerRadii(Reconstructor.reconstruct(st, angles, sart, null).volume.slice(0));
		Reconstructor.Result res = Reconstructor.reconstruct(st, angles, new ReconOptions().iterations(6).nonnegative(false).tvWeight(0.1).discreteRounds(20), null);
		double[] dart = innerRadii(res.volume.slice(0));
		// bins 5 and 6 (normals at 75-105 degrees) lie in the 45 degrees blocked around y
		assertTrue((plain[5] + plain[6]) / 2 - RIN > 1.0, "without refinement the wedge-facing inner wall sits " + ((plain[5] + plain[6]) / 2 - RIN) + " px out");
		for (int q = 0; q < 12; q++) assertEquals(RIN, dart[q], 0.4, "refined inner radius, bin " + q);
		assertTrue(plain[12] > 0.005, "area error without refinement " + plain[12]);
		assertEquals(0, dart[12], 0.003, "area error with refinement");
		// automatic levels are regional: the interior (0.0175) and the medium outside (0) each keep their own level
		double[] inside = ringMeans(res.volume.slice(0));
		assertEquals(CORE, inside[0], 0.1 * CORE, "interior level");
		assertEquals(0, inside[1], 0.1 * CORE, "medium level");
		assertEquals(6 + 20, res.residuals.length);
		assertTrue(res.residuals[25] < res.residuals[5], "the refinement fits the data better: " + res.residuals[25] + " vs " + res.residuals[5]);
	}

	/** Mean of the interior (r < RIN - 4) and of the medium (RIN + WALL + 4 < r < 75) of a slice. */
	static double[] ringMeans(float[] img) {
		double c = (N - 1) / 2.0, si = 0, sm = 0;
		int ni = 0, nm = 0;
		for (int j = 0; j < N; j++)
			for (int i = 0; i < N; i++) {
				double r = Math.hypot(i - c, j - c);
				if (r < RIN - 4) {
					si += img[j * N + i];
					ni++;
				} else if (r > RIN + WALL + 4 && r < 75) {
					sm += img[j * N + i];
					nm++;
				}
			}
		return new double[] { si / ni, sm / nm };
	}

	@Test
	void givenLevelsAreHeldAsGiven() {
		double[] angles = Phantoms.range(-67.5, 1, 135);
		FrameStack st = ring(angles, 0.005, 3);
		float[] img = Reconstructor.reconstruct(st, angles, new ReconOptions().iterations(6).nonnegative(false).tvWeight(0.1).discreteRounds(20)
			.discreteLevels(0, CORE, PT), null).volume.slice(0);
		double[] r = innerRadii(img);
		for (int q = 0; q < 12; q++) assertEquals(RIN, r[q], 0.4, "inner radius, bin " + q);
		assertEquals(0, r[12], 0.003, "area error");
	}

	@Test
	void automaticLevelsAreTheTwoMaterials() {
		double[] angles = Phantoms.range(-67.5, 1, 135);
		Volume v = Reconstructor.reconstruct(ring(angles, 0.005, 2), angles, new ReconOptions().iterations(6).nonnegative(false).tvWeight(0.1), null).volume;
		double[] lv = Reconstructor.discreteLevels(v);
		assertEquals(2, lv.length);
		// the median of medium (0) and interior (CORE), whose areas inside the support are about equal here
		assertTrue(lv[0] > 0.2 * CORE && lv[0] < 1.2 * CORE, "dark level " + lv[0]);
		assertEquals(PT, lv[1], 0.03 * PT, "Pt level");
	}

	@Test
	void badLevelsAreRefused() {
		assertThrows(TxmException.class, () -> new ReconOptions().discreteRounds(5).discreteLevels(1.0, 0.5).validate());
		assertThrows(TxmException.class, () -> new ReconOptions().discreteRounds(5).discreteLevels(1.0).validate());
		assertThrows(TxmException.class, () -> new ReconOptions().discreteRounds(-1).validate());
		assertThrows(TxmException.class, () -> new ReconOptions().algorithm(ReconOptions.Algorithm.FBP).discreteRounds(5).validate());
	}
}
