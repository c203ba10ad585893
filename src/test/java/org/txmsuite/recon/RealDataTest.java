package org.txmsuite.recon;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.io.Hdf5Io;

/**
 * Real data: TomoPy's tooth (Data Exchange, 181 angles over 180 deg), detector binned 2x to 320 px.
 * No ground truth exists, so the checks are self-consistency ones that a wrong geometry would break.
 */
class RealDataTest {
	static final int BIN = 2;

	/** Row 0 as a sinogram: flat/dark corrected, -ln, detector pixels averaged in pairs. */
	static float[] sinogram(FrameStack all, double[] anglesOut) {
		FrameStack s = all.ofKind(FrameKind.SAMPLE), f = all.ofKind(FrameKind.FLAT), d = all.ofKind(FrameKind.DARK);
		int w = s.width(), wb = w / BIN;
		float[] sino = new float[s.size() * wb];
		for (int a = 0; a < s.size(); a++) {
			anglesOut[a] = s.info(a).angleDeg();
			for (int u = 0; u < w; u++) {
				double fl = 0, dk = 0;
				for (int i = 0; i < f.size(); i++) fl += f.pixels(i)[u] / f.size();
				for (int i = 0; i < d.size(); i++) dk += d.pixels(i)[u] / d.size();
				double t = (s.pixels(a)[u] - dk) / Math.max(1e-6, fl - dk);
				sino[a * wb + u / BIN] += (float) (-Math.log(Math.max(1e-4, t)) / BIN);
			}
		}
		return sino;
	}

	@Test
	void toothCentreAndLimitedAngleAdvantageOfSart() {
		FrameStack all = Hdf5Io.readDataExchange(Paths.get("test-images/recon/tooth.h5"));
		assertEquals(DataState.RAW, all.state());
		int na = all.ofKind(FrameKind.SAMPLE).size(), w = all.width() / BIN;
		double[] ang = new double[na];
		float[] sino = sinogram(all, ang);
		// the rotation axis: the reprojection residual after 5 SART sweeps is smallest near the centre found
		// by a fine scan on the full detector (295.75 px, i.e. (295.75 - 0.5) / 2 binned); 1.5 binned px off is worse
		double c = (295.75 - 0.5) / BIN;
		double at = residual(sino, ang, w, c), below = residual(sino, ang, w, c - 1.5), above = residual(sino, ang, w, c + 1.5);
		assertTrue(at < 0.8 * Math.min(below, above), "residual " + at + " vs " + below + " / " + above);

		// missing wedge on real data: from 0..134 deg only, 5 sweeps of SART with positivity stay far closer
		// to the full-range reconstruction than FBP does (measured 0.029 vs 0.067 of the maximum at 640 px)
		Projector full = new Projector(w, w, ang, c, null);
		SliceSolver ref = new SliceSolver(full, new ReconOptions());
		ref.run(sino, 20, null);
		float[] truth = new float[w * w];
		ref.image(truth);
		float max = 0;
		for (float v : truth) max = Math.max(max, v);
		int nl = 136;
		double[] la = java.util.Arrays.copyOf(ang, nl);
		float[] ls = java.util.Arrays.copyOf(sino, nl * w);
		Projector lp = new Projector(w, w, la, c, null);
		float[] fbp = new float[w * w], sart = new float[w * w];
		new Fbp(lp.withSupport(SliceSolver.supportRadius(lp)), ReconOptions.Filter.RAMP).reconstruct(ls, fbp, 2);
		SliceSolver s = new SliceSolver(lp, new ReconOptions());
		s.run(ls, 5, null);
		s.image(sart);
		double eFbp = Phantoms.rmse(fbp, truth) / max, eSart = Phantoms.rmse(sart, truth) / max;
		assertTrue(eSart < 0.6 * eFbp, "SART " + eSart + " vs FBP " + eFbp + " (relative to the maximum)");
	}

	static double residual(float[] sino, double[] ang, int w, double c) {
		Projector p = new Projector(w, w, ang, c, null);
		SliceSolver s = new SliceSolver(p, new ReconOptions());
		s.run(sino, 5, null);
		float[] img = new float[w * w], re = new float[sino.length];
		s.image(img);
		p.forward(img, re);
		double r = 0, b = 0;
		for (int i = 0; i < re.length; i++) {
			r += (re[i] - sino[i]) * (double) (re[i] - sino[i]);
			b += sino[i] * (double) sino[i];
		}
		return Math.sqrt(r / b);
	}
}
