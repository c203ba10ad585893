package org.txmsuite.sim;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.SpectralStack;
import org.txmsuite.core.Volume;

class SimTest {

	/** Sum of a projection times pixel area = integral of mu over the object (mass conservation). */
	static double projectedMass(Phantom3D p, int w, int h, double pixelUm, double angle) {
		float[] a = new ScanSimulator(p).detector(w, h, pixelUm).absorbance(angle, 0, 0);
		double sum = 0;
		for (float v : a) sum += v;
		return sum * pixelUm * pixelUm;
	}

	@Test
	void projectionsConserveMassForEveryShape() {
		double mu = 0.5;
		Solid[] solids = { new Sphere(0.3, -0.2, 0.1, 1.1), new Cylinder(-0.1, 0.2, 0.9, -1.0, 1.2),
			new Box(0.1, 0, -0.1, 0.8, 0.6, 1.0, 27) };
		for (Solid s : solids) {
			Phantom3D p = new Phantom3D().add("s", s, mu);
			for (double angle : new double[] { 0, 33, 90, 151 }) {
				double m = projectedMass(p, 100, 100, 0.03, angle);
				// 3x3 point samples per 30 nm pixel on a ~2 um object: edge sampling error well below 0.3 %.
				assertEquals(mu * s.volume(), m, 3e-3 * mu * s.volume(), s.getClass().getSimpleName() + " at " + angle);
			}
		}
	}

	@Test
	void boxChordThroughCentreIsItsEdgeAtItsOwnAngle() {
		Box b = new Box(0, 0, 0, 1, 2, 3, 30);
		double th = Math.toRadians(30);
		// Normal along the box's x axis: the ray runs along its y axis, length 2*hy = 4.
		assertEquals(4.0, b.chord(0, 0, Math.cos(th), Math.sin(th)), 1e-12);
		assertEquals(0.0, b.chord(1.01, 0, Math.cos(th), Math.sin(th)), 0);
		assertEquals(0.0, b.chord(0, 3.01, Math.cos(th), Math.sin(th)), 0);
	}

	@Test
	void sheppLoganSinogramMatchesItsImage() {
		Phantom2D p = Phantom2D.sheppLogan();
		int n = 128;
		float[] img = p.rasterize(n, 4);
		double mass = 0;
		for (float v : img) mass += v;
		double[] angles = { 0, 45, 90, 135 };
		float[][] sino = p.sinogram(n, angles, n, (n - 1) / 2.0, 4);
		for (float[] row : sino) {
			double s = 0;
			for (float v : row) s += v;
			assertEquals(mass, s, 5e-3 * mass);
		}
		// Central ray at 0 degrees crosses the outer ellipse (1.0 over 2*0.92) and the inner (-0.8 over 2*0.874).
		double centre = p.lineIntegral(0, 1, 0) ;
		assertEquals(2 * 0.69 * 1.0 - 0.8 * 2 * 0.6624, centre, 0.2);
	}

	@Test
	void jitterIsAnExactShift() {
		Phantom3D p = new Phantom3D().add("s", new Sphere(0, 0, 0, 0.8), 1);
		ScanSimulator sim = new ScanSimulator(p).detector(64, 64, 0.03);
		float[] a = sim.absorbance(10, 0, 0), b = sim.absorbance(10, 2, -1);
		for (int r = 5; r < 59; r++)
			for (int k = 5; k < 59; k++) assertEquals(a[r * 64 + k], b[(r - 1) * 64 + k + 2], 1e-5f);
	}

	@Test
	void rawScanNormalizesToTheTrueAbsorbance() {
		Phantom3D p = new DacSample(DacSample.Shape.SPHERE, 1.2, 0.1).phantom();
		ScanSimulator sim = new ScanSimulator(p).detector(48, 48, 0.04).counts(20000, 1, 1, 50).references(5, 1);
		double[] angles = ScanSimulator.angles(0, 90, 7);
		FrameStack raw = sim.rawScan(angles);
		assertEquals(2, raw.indicesOf(FrameKind.DARK).length);
		assertEquals(1 + 2, raw.indicesOf(FrameKind.FLAT).length);
		int[] samples = raw.indicesOf(FrameKind.SAMPLE);
		assertEquals(7, samples.length);
		float[] dark = raw.pixels(0), flat = raw.pixels(2), proj = raw.pixels(samples[0]);
		float[] truth = sim.absorbance(0, 0, 0);
		double err = 0;
		for (int i = 0; i < truth.length; i++) {
			double t = -Math.log((proj[i] - dark[i]) / (flat[i] - dark[i]));
			err += (t - truth[i]) * (t - truth[i]);
		}
		// Poisson noise of 20000 counts through two frames: sigma(-ln T) ~ sqrt(2/20000 * e^A) ~ 0.01-0.03.
		assertEquals(0, Math.sqrt(err / truth.length), 0.03);
	}

	@Test
	void rasterizedDacSampleHasTheInteriorVolume() {
		DacSample d = new DacSample(DacSample.Shape.CUBE, 2.0, 0.2);
		assertEquals(8.0, d.interiorVolumeUm3(), 1e-12);
		assertEquals(24.0, d.interiorSurfaceUm2(), 1e-12);
		Volume v = d.phantom().rasterize(40, 40, 40, 0.08, 2);
		double muVoxel = 0.08 * (0.0075 - 0.0009 + 0.0009);
		long core = 0;
		for (float[] s : v.slices()) for (float x : s) if (Math.abs(x - muVoxel) < 1e-5) core++;
		// Voxels wholly inside the core: about (2.0/0.08 - 1)^3 = 24^3 of the 25^3 core voxels.
		assertTrue(core > 24 * 24 * 24 * 0.9 && core <= 26 * 26 * 26, "core voxels " + core);
	}

	@Test
	void fourPostAnglesLeaveTwoGapsNinetyDegreesApart() {
		double[] a = ScanSimulator.fourPostAngles(152, 1);
		assertEquals(152, a.length);
		for (double x : a) {
			double m = Math.abs(x);
			assertTrue(m > 7 && m < 83, "angle " + x + " in a blocked gap");
		}
	}

	@Test
	void xanesParticleHasTheRequestedMinorityArea() {
		double[] e = new double[60];
		for (int i = 0; i < e.length; i++) e[i] = 8300 + i * 2;
		XanesParticle x = new XanesParticle(64, e, ModelSpectra.nickel2plus().mu(e), ModelSpectra.nickel3plus().mu(e),
			new ModelSpectra(8338, 1.5, 6, 1.2, 4).mu(e), 0.02, 5);
		int inside = 0, minority = 0;
		for (int i = 0; i < 64 * 64; i++) {
			if (x.thickness()[i] > 0) inside++;
			if (x.minorityMask()[i] > 0) minority++;
		}
		assertEquals(0.02, minority / (double) inside, 0.002);
		SpectralStack s = x.absorbance(1.0, 0);
		assertEquals(60, s.energyCount());
		int centre = 32 * 64 + 32;
		assertTrue(s.plane(59, 0)[centre] > s.plane(0, 0)[centre] + 0.5, "edge step visible");
	}
}
