package org.txmsuite.recon;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.TxmException;

/** The Joseph projector pair: adjointness, accuracy against analytic line integrals, geometry. */
class ProjectorTest {

	static double dot(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
		return s;
	}

	static float[] random(Random r, int len) {
		float[] v = new float[len];
		for (int i = 0; i < len; i++) v[i] = (float) r.nextGaussian();
		return v;
	}

	void assertAdjoint(Projector p, long seed) {
		Random r = new Random(seed);
		int n = p.sliceSize(), na = p.angleCount(), w = p.detectorWidth();
		float[] x = random(r, n * n), y = random(r, na * w), ax = new float[na * w], aty = new float[n * n];
		p.forward(x, ax);
		p.back(y, aty);
		double lhs = dot(ax, y), rhs = dot(x, aty);
		double scale = Math.sqrt(dot(ax, ax) * dot(y, y));
		assertEquals(0, (lhs - rhs) / scale, 1e-5, "<Ax,y> = " + lhs + ", <x,A^T y> = " + rhs);
		// also relative to the value itself when it is not tiny
		assertTrue(Math.abs(lhs - rhs) <= 1e-5 * Math.max(Math.abs(lhs), 1e-3 * scale), lhs + " vs " + rhs);
	}

	@Test
	void backProjectorIsTheTransposeOfTheProjector() {
		double[] special = { 0, 30, 45, 60, 90, 112.5, 135, 180, 225, -45, 270, 359.7 };
		assertAdjoint(new Projector(32, 32, special, Double.NaN, null), 1);
		double[] rnd = new Random(2).doubles(50, -180, 400).toArray();
		assertAdjoint(new Projector(40, 37, rnd, 17.3, null), 3);
		double[] dx = new Random(4).doubles(50, -3, 3).toArray();
		assertAdjoint(new Projector(33, 48, rnd, Double.NaN, dx), 5);
		assertAdjoint(new Projector(64, 40, Phantoms.range(0, 1, 135), 20.5, null), 6);
		// restricted to a support disc (A M): still an exact pair
		assertAdjoint(new Projector(40, 37, rnd, 17.3, null).withSupport(15.5), 7);
	}

	@Test
	void projectionsOfTheSheppLoganMatchAnalyticLineIntegrals() {
		int n = 128;
		double[] ang = Phantoms.range(0, 7.3, 25);
		float[] img = Phantoms.sheppLogan(n, 8);
		float[] exact = Phantoms.sheppLoganSinogram(n, n, (n - 1) / 2.0, ang, 8);
		float[] sim = new float[exact.length];
		new Projector(n, n, ang, Double.NaN, null).forward(img, sim);
		double peak = 0, err = 0;
		for (int i = 0; i < sim.length; i++) {
			peak = Math.max(peak, exact[i]);
			err += (sim[i] - exact[i]) * (double) (sim[i] - exact[i]);
		}
		double rel = Math.sqrt(err / sim.length) / peak;
		// a pixelated image of sharp ellipses differs from the continuous one by edge partial volume: ~1 %
		assertTrue(rel < 0.01, "relative RMS projection error " + rel);
	}

	@Test
	void blobProjectsToTheDocumentedDetectorCoordinate() {
		int n = 41, w = 51;
		float[] img = new float[n * n];
		double mass = 0;
		for (int j = 0; j < n; j++)
			for (int i = 0; i < n; i++) { // Gaussian blob at x = 4, y = -4 (pixel centres x = i - 20)
				double x = i - 20 - 4, y = j - 20 + 4;
				img[j * n + i] = (float) Math.exp(-(x * x + y * y) / (2 * 2.0 * 2.0));
				mass += img[j * n + i];
			}
		double[] ang = { 0, 30, 90, 150, 200 };
		double center = 26.25;
		double[] dx = { 0, 1.5, -2, 0.5, 3 };
		float[] sino = new float[ang.length * w];
		new Projector(n, w, ang, center, dx).forward(img, sino);
		for (int a = 0; a < ang.length; a++) {
			double t = Math.toRadians(ang[a]);
			double expected = 4 * Math.cos(t) - 4 * Math.sin(t) + center + dx[a];
			double m = 0, s = 0;
			for (int u = 0; u < w; u++) {
				m += u * sino[a * w + u];
				s += sino[a * w + u];
			}
			assertEquals(expected, m / s, 0.01, "centroid at angle " + ang[a]);
			assertEquals(mass, s, 1e-3 * mass, "mass at angle " + ang[a]);
		}
	}

	@Test
	void rejectsCentreOutsideTheDetectorAndEmptyAngles() {
		TxmException e = assertThrows(TxmException.class, () -> new Projector(16, 16, new double[] { 0 }, 16.5, null));
		assertTrue(e.getMessage().contains("center: 16.5 is outside the detector"), e.getMessage());
		e = assertThrows(TxmException.class, () -> new Projector(16, 16, new double[0], Double.NaN, null));
		assertTrue(e.getMessage().contains("angle set is empty"), e.getMessage());
	}
}
