package org.txmsuite.normalize;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.normalize.NormalizeOptions.ReferenceMode;
import org.txmsuite.sim.Phantom3D;
import org.txmsuite.sim.ScanSimulator;
import org.txmsuite.sim.Sphere;

/**
 * Against the suite's scan simulator (sim package, written independently of this stage): a sphere
 * scanned with a drifting, tilting beam, one reference every 10 projections, Poisson counts, darks,
 * SSRL-style exposures (0.5 s sample, 0.3 s reference). Truth: the simulator's analytic line integrals.
 */
class SimulatedScanTest {
	static final int W = 48, H = 32;
	static final double PHOTONS = 5000, EXPOSURE = 0.5, REF_EXPOSURE = 0.3, DARK = 100;

	final ScanSimulator sim = new ScanSimulator(new Phantom3D().add("ball", new Sphere(0.15, 0, 0, 0.4), 1.25))
		.detector(W, H, 0.03).supersample(2).counts(PHOTONS, EXPOSURE, REF_EXPOSURE, DARK).drift(0.3, 0.2).references(10, 2);
	final double[] angles = ScanSimulator.angles(0, 177, 60);
	final FrameStack raw = sim.rawScan(angles);

	/** {RMSE against the analytic absorbance, first-order Poisson prediction of it}. */
	double[] rmse(NormalizeResult r) {
		List<Double> flatTimes = new ArrayList<>();
		for (int i : raw.indicesOf(FrameKind.FLAT)) flatTimes.add(raw.info(i).timeS());
		int total = raw.size();
		double sq = 0, pred = 0;
		long n = 0;
		int[] samples = raw.indicesOf(FrameKind.SAMPLE);
		for (int k = 0; k < samples.length; k++) {
			float[] truth = sim.absorbance(angles[k], 0, 0), a = r.frames().pixels(k);
			double t = raw.info(samples[k]).timeS(), t0 = 0, t1 = 0;
			for (double ft : flatTimes) {
				if (ft <= t) t0 = ft;
				if (ft >= t) { t1 = ft; break; }
			}
			double w = (t - t0) / (t1 - t0), refFactor = (1 - w) * (1 - w) + w * w;
			double f = samples[k] / (double) (total - 1);
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					int i = y * W + x;
					double e = a[i] - truth[i];
					sq += e * e;
					double ls = PHOTONS * EXPOSURE * sim.flatField(x, y, f) * Math.exp(-truth[i]);
					double lr = PHOTONS * REF_EXPOSURE * sim.flatField(x, y, f);
					pred += (ls + 1.5 * DARK) / (ls * ls) + refFactor * (lr + DARK) / (lr * lr);
					n++;
				}
		}
		return new double[] { Math.sqrt(sq / n), Math.sqrt(pred / n) };
	}

	@Test
	void recoversSimulatedLineIntegralsWithinNoise() {
		NormalizeResult linear = ReferenceNormalizer.normalize(raw, null, null, new NormalizeOptions(), Progress.NONE);
		assertEquals(60, linear.frameCount());
		assertTrue(linear.exposureCorrected());
		double[] e = rmse(linear);
		assertEquals(1.0, e[0] / e[1], 0.1, "RMSE " + e[0] + " vs Poisson prediction " + e[1]);

		NormalizeResult mean = ReferenceNormalizer.normalize(raw, null, null, new NormalizeOptions().mode(ReferenceMode.MEAN),
			Progress.NONE);
		double[] m = rmse(mean);
		assertTrue(e[0] < 0.5 * m[0], "linear " + e[0] + " vs mean reference " + m[0]);
	}
}
