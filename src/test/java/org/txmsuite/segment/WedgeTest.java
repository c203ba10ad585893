package org.txmsuite.segment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.core.Volume;
import org.txmsuite.sim.ScanSimulator;

/** Missing-wedge geometry of the uncertainty: which wall normals a scan misses, and how much of a surface faces them. */
class WedgeTest {
	static final double[] TWO_POST = ScanSimulator.angles(-67.5, 66.5, 135);

	@Test
	void twoPostScanMissesNormalsAroundTheYAxis() {
		Wedge w = Wedge.of(TWO_POST);
		assertEquals(30, w.missingDeg(), 1e-9); // the gap 66.5 -> 112.5 less 8 degrees at each edge
		assertTrue(w.missing(90));
		assertTrue(w.missing(-90));
		assertTrue(w.missing(270));
		assertTrue(w.missing(75));
		assertFalse(w.missing(70)); // 3.5 degrees from the last projection: pinned
		assertFalse(w.missing(0));
		assertFalse(w.missing(180));
		assertFalse(w.missing(-120)); // = 60 modulo 180
	}

	@Test
	void fourPostAndFullScansHaveNoWedgeFacingNormals() {
		Wedge w = Wedge.of(ScanSimulator.fourPostAngles(152, 1)); // two 15-degree gaps, 82.5-97.5 and 172.5-187.5
		assertEquals(0, w.missingDeg(), 1e-12);
		assertFalse(w.missing(90));
		assertFalse(w.missing(0));
		assertEquals(24, Wedge.of(ScanSimulator.angles(-70, 70, 141)).missingDeg(), 1e-9); // 140 degrees: a 40-degree gap
		assertEquals(0, Wedge.of(ScanSimulator.angles(0, 179, 180)).missingDeg(), 1e-12);
		assertEquals(0, Wedge.of(ScanSimulator.angles(0, 358, 180)).missingDeg(), 1e-12); // 2-degree steps over a full turn
		assertNull(Wedge.of(null));
		assertNull(Wedge.of(new double[0]));
	}

	/** A sharp cylinder (axis z) or sphere smoothed by 0.7 voxel (the segmenter's default), as a fraction field. */
	static float[][] field(boolean sphere, int n, double r) {
		float[][] f = new float[n][n * n];
		double c = (n - 1) / 2.0;
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					double d = sphere ? Math.sqrt((x - c) * (x - c) + (y - c) * (y - c) + (z - c) * (z - c)) : Math.hypot(x - c, y - c);
					f[z][y * n + x] = (float) (0.5 * org.apache.commons.math3.special.Erf.erfc((d - r) / (0.7 * Math.sqrt(2))));
				}
		return f;
	}

	static double share(float[][] f, int n, Wedge w) {
		double[] a = Surface.areas(f, n, n, 0.5, 1, 1, 1, w);
		return a[1] / a[0];
	}

	@Test
	void wedgeFacingShareOfCylinderAndSphereMatchesGeometry() {
		int n = 64;
		Wedge w = Wedge.of(TWO_POST);
		// cylinder through the whole volume (closed by flat caps at z = -1 and n, where the surface meets the border):
		// 30/180 of the side wall's normals face the wedge, all horizontal; the caps' normals are vertical
		double side = 2 * Math.PI * 24 * (n + 1), caps = 2 * Math.PI * 24 * 24;
		double cyl = share(field(false, n, 24), n, w);
		assertEquals(30.0 / 180 * side / (side + caps), cyl, 0.01);
		// sphere: the same share of azimuths, weighted by |n_xy| whose mean over a sphere is pi/4
		double sph = share(field(true, n, 24), n, w);
		assertEquals(30.0 / 180 * Math.PI / 4, sph, 0.01);
		assertEquals(0, share(field(true, n, 24), n, Wedge.of(ScanSimulator.angles(0, 179, 180))), 1e-12);
	}

	@Test
	void volumeKeepsItsAnglesThroughAnImageJImage() {
		Volume v = new Volume(4, 4, 3).voxelSizeNm(30).thetaDeg(new double[] { -67.5, 0, 66.5 });
		Volume back = ImageJ1Views.toVolume(ImageJ1Views.toImagePlus(v, "v"));
		assertArrayEquals(new double[] { -67.5, 0, 66.5 }, back.thetaDeg(), 1e-12);
		assertNull(ImageJ1Views.toVolume(ImageJ1Views.toImagePlus(new Volume(4, 4, 3).voxelSizeNm(30), "v")).thetaDeg());
	}
}
