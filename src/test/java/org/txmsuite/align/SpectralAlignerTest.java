package org.txmsuite.align;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.SpectralStack;
import org.txmsuite.sim.ModelSpectra;
import org.txmsuite.sim.XanesParticle;

/** Spectral-stack alignment against known shifts and a 0.5 % magnification change across a Ni K edge. */
class SpectralAlignerTest {
	static final int S = 64, F = 3;

	static final int N = 60;
	static final double[] E = new double[N], DX = new double[N], DY = new double[N], SC = new double[N];
	static FrameStack stack;

	/**
	 * 60 energies across the Ni K edge (two Ni phases in domains), +-3 px random shifts and a 0.5 %
	 * magnification ramp. The particle is rendered 3x finer; each frame is the 3x3 block mean of the fine
	 * image sampled at the transformed positions (a different image model from the cubic interpolation
	 * the aligner uses). Built once.
	 */
	static synchronized FrameStack stack() {
		if (stack != null) return stack;
		for (int i = 0; i < N; i++) E[i] = 8300 + i * 1.5;
		return stack = simulate(E, 0, 300, 9, DX, DY, SC);
	}

	/**
	 * The Ni particle (Ni2+/Ni3+ domains, optionally a metal-like minority phase whose edge lies 9 eV below
	 * theirs) at {@code e}, +-3 px random shifts and a magnification ramp of 0.5 % across the energy range;
	 * fills dx, dy, sc with the truth.
	 */
	static FrameStack simulate(double[] e, double minority, double snr, long seed, double[] dx, double[] dy, double[] sc) {
		int n = e.length;
		double[] a = ModelSpectra.nickel2plus().mu(e), b = ModelSpectra.nickel3plus().mu(e);
		double[] c = minority > 0 ? ModelSpectra.nickelMetal().mu(e) : null;
		SpectralStack fine = new XanesParticle(S * F, e, a, b, c, minority, 4).absorbance(1.0, snr);
		Random r = new Random(seed);
		FrameStack st = new FrameStack(S, S);
		for (int i = 0; i < n; i++) {
			dx[i] = (r.nextDouble() - 0.5) * 6;
			dy[i] = (r.nextDouble() - 0.5) * 6;
			sc[i] = 1 + 0.005 * (e[i] - e[0]) / (e[n - 1] - e[0]);
			st.add(render(fine.plane(i, 0), dx[i], dy[i], sc[i]), new FrameInfo(FrameKind.SAMPLE, Double.NaN, e[i], 1));
		}
		return st;
	}

	/** Worst errors against the truth relative to the last frame: {shift px, scale off the edge, scale on the edge}. */
	static double[] errors(SpectralAligner.Result res) {
		double worstD = 0, worstS = 0, worstEdge = 0, e0 = ModelSpectra.nickel2plus().e0Ev();
		for (int i = 0; i < N; i++) {
			double s = SC[i] / SC[N - 1];
			double ex = DX[i] - s * DX[N - 1], ey = DY[i] - s * DY[N - 1];
			worstD = Math.max(worstD, Math.max(Math.abs(res.dx[i] - ex), Math.abs(res.dy[i] - ey)));
			// edge and white line: E0 - 5 to E0 + 25 eV
			boolean edge = E[i] > e0 - 5 && E[i] < e0 + 25;
			if (edge) worstEdge = Math.max(worstEdge, Math.abs(res.scale[i] - s));
			else worstS = Math.max(worstS, Math.abs(res.scale[i] - s));
		}
		return new double[] { worstD, worstS, worstEdge };
	}

	@Test
	void recoversShiftsAndScaleAcrossTheEdge() {
		double[] w = errors(SpectralAligner.align(stack(), N - 1, SpectralAligner.ScaleModel.LINEAR, null));
		System.out.printf("spectral, linear magnification: worst shift error %.3f px, scale error %.4f %% off the edge, %.4f %% on it%n", w[0],
			100 * w[1], 100 * w[2]);
		// issue acceptance: shifts within 0.2 px, scale within 0.05 % (everywhere, the edge included)
		assertEquals(0, w[0], 0.2);
		assertEquals(0, Math.max(w[1], w[2]), 5e-4);
	}

	@Test
	void perEnergyScaleIsBiasedOnTheEdgeOnly() {
		double[] w = errors(SpectralAligner.align(stack(), N - 1, SpectralAligner.ScaleModel.PER_ENERGY, null));
		System.out.printf("spectral, per-energy magnification: worst shift error %.3f px, scale error %.4f %% off the edge, %.4f %% on it%n",
			w[0], 100 * w[1], 100 * w[2]);
		// off the edge each image fixes its own magnification to about 0.06 %; on the edge it is not determined
		// by the images (a magnification change in proportion to the chemical contrast looks like a chemical map
		// stronger at the rim, see docs): measured 0.49 %
		assertEquals(0, w[0], 0.2);
		assertEquals(0, w[1], 1e-3);
		assertEquals(0, w[2], 6e-3);
	}

	/** frame(y) = particle(c + (y - c - d) / s): the particle displaced by d and magnified by s. */
	static float[] render(float[] hi, double dx, double dy, double s) {
		int H = S * F;
		float[] out = new float[S * S];
		double c = (S - 1) / 2.0;
		for (int y = 0; y < S; y++)
			for (int x = 0; x < S; x++) {
				double sum = 0;
				for (int j = 0; j < F; j++)
					for (int i = 0; i < F; i++) {
						double px = x + (i - (F - 1) / 2.0) / F, py = y + (j - (F - 1) / 2.0) / F;
						double qx = c + (px - c - dx) / s, qy = c + (py - c - dy) / s;
						sum += bilinear(hi, H, F * qx + (F - 1) / 2.0, F * qy + (F - 1) / 2.0);
					}
				out[y * S + x] = (float) (sum / (F * F));
			}
		return out;
	}

	static double bilinear(float[] img, int n, double x, double y) {
		int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
		double fx = x - ix, fy = y - iy;
		return (1 - fx) * (1 - fy) * at(img, n, ix, iy) + fx * (1 - fy) * at(img, n, ix + 1, iy) + (1 - fx) * fy * at(img, n, ix, iy + 1)
			+ fx * fy * at(img, n, ix + 1, iy + 1);
	}

	static double at(float[] img, int n, int x, int y) {
		return x < 0 || y < 0 || x >= n || y >= n ? 0 : img[y * n + x];
	}
}
