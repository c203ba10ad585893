package org.txmsuite.stage;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.txmsuite.sim.ModelSpectra;

/** The simulator showing a 2D XANES particle: frames follow the phase spectra in energy, magnification, open beam. */
@Timeout(60)
class XanesSampleTest {
	static final int W = 48, SIZE = 40;

	/** Absorbance -ln((I - dark) / (F - dark)) of a frame against an open-beam frame taken at the same moment. */
	static double[] absorbance(InstrumentSimulator sim, double x, double ev, long seed) {
		float[] i = sim.frame(0, x, 0, ev, 0, 1, 1, true, seed), f = sim.frame(0, 500, 0, ev, 0, 1, 1, true, seed + 1);
		double[] a = new double[i.length];
		for (int k = 0; k < a.length; k++) a[k] = -Math.log((i[k] - 100) / (f[k] - 100));
		return a;
	}

	static double box(double[] a, int cx, int cy, int r) {
		double s = 0;
		for (int y = cy - r; y <= cy + r; y++) for (int x = cx - r; x <= cx + r; x++) s += a[y * W + x];
		return s / ((2 * r + 1) * (2 * r + 1));
	}

	@Test
	void framesFollowTheSpectraInEnergy() {
		XanesSample sample = XanesSample.nickel(SIZE, 0.03, 0, 1.0, 4);
		InstrumentSimulator.Config c = new InstrumentSimulator.Config();
		c.width = c.height = W;
		c.xanesSample = sample;
		c.pixelUm = 0.03;
		c.photonsPerSecond = 4e6; // photon noise ~1e-3 in absorbance per pixel
		try (InstrumentSimulator sim = InstrumentSimulator.start(c)) {
			double e1 = 8320, e2 = 8350;
			double[] a1 = absorbance(sim, 0, e1, 11), a2 = absorbance(sim, 0, e2, 21);
			// detector pixel (k, r) looks at particle pixel (k - 4, r - 4) (both centred, same pixel size)
			float[] od1 = sample.opticalDensity(e1), od2 = sample.opticalDensity(e2);
			for (int[] p : new int[][] { { 24, 24 }, { 16, 28 }, { 30, 18 } }) {
				double want1 = 0, want2 = 0;
				for (int y = -1; y <= 1; y++)
					for (int x = -1; x <= 1; x++) {
						int i = (p[1] - 4 + y) * SIZE + p[0] - 4 + x;
						want1 += od1[i] / 9;
						want2 += od2[i] / 9;
					}
				// 3x3 boxes: noise 1e-3 / 3; bilinear sub-pixel sampling of a smooth map differs by far less than 0.01
				assertEquals(want1, box(a1, p[0], p[1], 1), 0.01, "OD at " + e1 + " eV, pixel " + p[0] + "," + p[1]);
				assertEquals(want2, box(a2, p[0], p[1], 1), 0.01, "OD at " + e2 + " eV, pixel " + p[0] + "," + p[1]);
			}
			// the step between the two energies is the spectra's: Ni2+/Ni3+ mix at the centre, thickness ~1
			double mix = ModelSpectra.nickel2plus().mu(e2) - ModelSpectra.nickel2plus().mu(e1);
			double mix3 = ModelSpectra.nickel3plus().mu(e2) - ModelSpectra.nickel3plus().mu(e1);
			double step = box(a2, 24, 24, 1) - box(a1, 24, 24, 1);
			assertTrue(step > Math.min(mix, mix3) * 0.95 - 0.02 && step < Math.max(mix, mix3) + 0.01,
				"edge jump at the centre " + step + " between the phases' " + mix + " and " + mix3);
			// out of the beam: the open beam
			double[] out = absorbance(sim, 500, e2, 31);
			assertEquals(0, box(out, 24, 24, 20), 0.002, "reference position shows the open beam");
		}
	}

	@Test
	void magnificationChangesWithEnergyAndEnergyMovesDisplace() {
		InstrumentSimulator.Config c = new InstrumentSimulator.Config();
		c.width = c.height = W;
		c.xanesSample = XanesSample.nickel(SIZE, 0.03, 0, 1.0, 4);
		c.pixelUm = 0.03;
		c.magnificationPerEv = 0.05 / 300; // 5 % over 300 eV: large, to measure on a small particle
		try (InstrumentSimulator sim = InstrumentSimulator.start(c)) {
			assertEquals(1.05, sim.magnification(8800), 1e-12);
			// particle width along the centre row (row integral over centre value): grows with magnification;
			// far above the edge the phases' spectra agree to < 1 %, so the OD is thickness x a constant
			double w1 = width(absorbance(sim, 0, 8500, 3)), w2 = width(absorbance(sim, 0, 8800, 5));
			assertEquals(1.05, w2 / w1, 0.01, "widths " + w1 + ", " + w2 + " px");
		}
	}

	static double width(double[] a) {
		double sum = 0;
		for (int x = 0; x < W; x++) sum += a[24 * W + x];
		return sum / box(a, 24, 24, 1);
	}
}
