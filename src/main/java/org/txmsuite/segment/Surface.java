package org.txmsuite.segment;

import java.util.stream.IntStream;

/**
 * Area of an iso-surface by marching tetrahedra: each cell of 8 voxel centres is split into the 6
 * tetrahedra of the Kuhn triangulation around its main diagonal (consistent between neighbouring
 * cells, so the surface is closed and needs no case table), the level is crossed by linear
 * interpolation along tetrahedron edges, and triangle areas are summed in physical units. Nothing is
 * stored: the surface is never built as a mesh.
 */
public final class Surface {
	private Surface() {}

	/** The six tetrahedra, as corner numbers (bit 0 = +x, bit 1 = +y, bit 2 = +z). */
	private static final int[][] TETS = { { 0, 1, 3, 7 }, { 0, 3, 2, 7 }, { 0, 2, 6, 7 }, { 0, 6, 4, 7 }, { 0, 4, 5, 7 }, { 0, 5, 1, 7 } };

	/**
	 * Area of the surface {@code field = level} ({@code depth} slices of {@code w*h}); voxels beyond the
	 * volume count as below the level, so objects touching the border are closed there.
	 */
	public static double area(float[][] field, int w, int h, double level, double sx, double sy, double sz) {
		return areas(field, w, h, level, sx, sy, sz, null)[0];
	}

	/**
	 * {area, wedge-facing area}: the second sums each triangle's area times {@code |n_xy|} (its normal's
	 * in-plane part) where the normal's azimuth lies in the {@link Wedge} (0 if {@code wedge} is null).
	 */
	public static double[] areas(float[][] field, int w, int h, double level, double sx, double sy, double sz, Wedge wedge) {
		int d = field.length;
		double[][] parts = new double[d + 1][];
		IntStream.range(-1, d).parallel().forEach(z -> {
			double[] val = new double[8], px = new double[12], py = new double[12], pz = new double[12], acc = new double[2];
			for (int y = -1; y < h; y++)
				for (int x = -1; x < w; x++) {
					int above = 0;
					for (int c = 0; c < 8; c++) {
						int cx = x + (c & 1), cy = y + ((c >> 1) & 1), cz = z + ((c >> 2) & 1);
						double v = cx < 0 || cy < 0 || cz < 0 || cx >= w || cy >= h || cz >= d ? Double.NEGATIVE_INFINITY
							: field[cz][cy * w + cx];
						val[c] = v;
						if (v >= level) above++;
					}
					if (above == 0 || above == 8) continue;
					for (int[] t : TETS) tetArea(t, val, level, sx, sy, sz, px, py, pz, wedge, acc);
				}
			parts[z + 1] = acc;
		});
		double[] t = new double[2];
		for (double[] a : parts) { t[0] += a[0]; t[1] += a[1]; }
		return t;
	}

	private static void tetArea(int[] t, double[] val, double level, double sx, double sy, double sz, double[] px, double[] py, double[] pz,
		Wedge wedge, double[] acc) {
		int in = 0, mask = 0;
		for (int k = 0; k < 4; k++)
			if (val[t[k]] >= level) {
				in++;
				mask |= 1 << k;
			}
		if (in == 0 || in == 4) return;
		if (in == 1 || in == 3) {
			int lone = -1;
			for (int k = 0; k < 4; k++) if ((((mask >> k) & 1) == 1) == (in == 1)) lone = k;
			int n = 0;
			for (int k = 0; k < 4; k++) if (k != lone) cross(t[lone], t[k], val, level, sx, sy, sz, px, py, pz, n++);
			triangle(px, py, pz, 0, 1, 2, wedge, acc);
			return;
		}
		int a = -1, b = -1, c = -1, e = -1;
		for (int k = 0; k < 4; k++) {
			if (((mask >> k) & 1) == 1) { if (a < 0) a = k; else b = k; }
			else { if (c < 0) c = k; else e = k; }
		}
		cross(t[a], t[c], val, level, sx, sy, sz, px, py, pz, 0);
		cross(t[a], t[e], val, level, sx, sy, sz, px, py, pz, 1);
		cross(t[b], t[e], val, level, sx, sy, sz, px, py, pz, 2);
		cross(t[b], t[c], val, level, sx, sy, sz, px, py, pz, 3);
		triangle(px, py, pz, 0, 1, 2, wedge, acc);
		triangle(px, py, pz, 0, 2, 3, wedge, acc);
	}

	/** The crossing on the edge between corners i and j, stored at slot n (corner offsets in physical units). */
	private static void cross(int i, int j, double[] val, double level, double sx, double sy, double sz, double[] px, double[] py, double[] pz, int n) {
		double vi = val[i], vj = val[j];
		double f;
		if (vi == Double.NEGATIVE_INFINITY) f = 1;
		else if (vj == Double.NEGATIVE_INFINITY) f = 0;
		else f = (level - vi) / (vj - vi);
		px[n] = sx * ((i & 1) + f * ((j & 1) - (i & 1)));
		py[n] = sy * (((i >> 1) & 1) + f * (((j >> 1) & 1) - ((i >> 1) & 1)));
		pz[n] = sz * (((i >> 2) & 1) + f * (((j >> 2) & 1) - ((i >> 2) & 1)));
	}

	private static void triangle(double[] px, double[] py, double[] pz, int a, int b, int c, Wedge wedge, double[] acc) {
		double ux = px[b] - px[a], uy = py[b] - py[a], uz = pz[b] - pz[a];
		double vx = px[c] - px[a], vy = py[c] - py[a], vz = pz[c] - pz[a];
		double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
		acc[0] += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
		if (wedge != null && (cx != 0 || cy != 0) && wedge.missing(Math.toDegrees(Math.atan2(cy, cx)))) acc[1] += 0.5 * Math.hypot(cx, cy);
	}
}
