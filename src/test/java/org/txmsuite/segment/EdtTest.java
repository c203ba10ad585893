package org.txmsuite.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The distance transform against brute force, and the marching-tetrahedra area against exact shapes. */
class EdtTest {
	@Test
	void exactOnAnisotropicGridAgainstBruteForce() {
		int w = 19, h = 13, d = 7;
		double sx = 0.7, sy = 1.0, sz = 2.3;
		Random r = new Random(3);
		boolean[][] f = new boolean[d][w * h];
		for (int z = 0; z < d; z++) for (int i = 0; i < w * h; i++) f[z][i] = r.nextDouble() < 0.02;
		float[][] out = new float[d][w * h];
		Edt.squared((z, i) -> f[z][i], w, h, d, sx, sy, sz, out);
		for (int z = 0; z < d; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double best = Double.POSITIVE_INFINITY;
					for (int c = 0; c < d; c++)
						for (int b = 0; b < h; b++)
							for (int a = 0; a < w; a++)
								if (f[c][b * w + a]) best = Math.min(best, sq((a - x) * sx) + sq((b - y) * sy) + sq((c - z) * sz));
					assertEquals(best, out[z][y * w + x], 1e-4 * best, "at " + x + "," + y + "," + z);
				}
	}

	@Test
	void noFeatureGivesInfinity() {
		float[][] out = new float[3][16];
		Edt.squared((z, i) -> false, 4, 4, 3, 1, 1, 1, out);
		assertEquals(Float.POSITIVE_INFINITY, out[1][5]);
	}

	/** Sphere of radius 12 (a field ramping over 4 units) on voxels twice as long in z: area within 1 % of 4 pi R^2. */
	@Test
	void sphereAreaOnAnisotropicVoxels() {
		double sx = 1, sz = 2, radius = 12;
		int w = 32, d = 16;
		float[][] f = new float[d][w * w];
		for (int z = 0; z < d; z++)
			for (int y = 0; y < w; y++)
				for (int x = 0; x < w; x++) {
					double dist = Math.sqrt(sq(x - 15.5) + sq(y - 15.5) + sq((z - 7.5) * sz));
					f[z][y * w + x] = (float) Math.max(0, Math.min(1, (radius - dist) / 4 + 0.5));
				}
		double area = Surface.area(f, w, w, 0.5, sx, sx, sz);
		assertEquals(4 * Math.PI * radius * radius, area, 0.01 * 4 * Math.PI * radius * radius);
	}

	/** An axis-aligned box's area is exact (flat faces), less the rounding the interpolation makes at edges. */
	@Test
	void boxAreaIsExactOnFlatFaces() {
		int n = 24;
		float[][] f = new float[n][n * n];
		for (int z = 4; z < 20; z++) for (int y = 4; y < 14; y++) for (int x = 4; x < 10; x++) f[z][y * n + x] = 1;
		// iso-surface 0.5 lies half a voxel outside the centres of the boundary voxels: box 6 x 10 x 16,
		// with edges cut diagonally (a triangle of legs 0.5 on each edge) and corners trimmed
		double exact = 2 * (6 * 10 + 6 * 16 + 10 * 16);
		double area = Surface.area(f, n, n, 0.5, 1, 1, 1);
		assertTrue(area < exact && area > exact - 4 * (6 + 10 + 16) * (1 - Math.sqrt(0.5)), "area " + area);
	}

	static double sq(double v) {
		return v * v;
	}
}
