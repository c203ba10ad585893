package org.txmsuite.segment.bench;

import java.util.stream.IntStream;

/**
 * Diagnostic for the full-size bench: the interior volume as the volume enclosed by the 0.5 iso-surface of
 * the fraction field f = (v - shell)/(interior - shell), instead of the partial-volume band sum. The field is
 * the piecewise-linear interpolant on the voxel-centre lattice, split into the same six Kuhn
 * tetrahedra per cell as {@code segment.Surface} (so this is the volume inside the surface whose area the
 * segmenter reports); the part of each tetrahedron where the linear field is at or above the level is
 * computed exactly. Only the interior and the shell voxels within a few voxels of it carry the field; all
 * other voxels (the medium, the shell's outer part, beads) count as below the level, so the outer wall of
 * the shell makes no surface.
 */
final class IsoVolume {
	private IsoVolume() {}

	private static final int[][] TETS = { { 0, 1, 3, 7 }, { 0, 3, 2, 7 }, { 0, 2, 6, 7 }, { 0, 6, 4, 7 }, { 0, 4, 5, 7 }, { 0, 5, 1, 7 } };

	/**
	 * The fraction field of the interior (label {@code interior}) and of shell voxels (label {@code shell})
	 * within {@code reach} 6-neighbour steps of it; -1 elsewhere.
	 */
	static float[][] field(float[][] v, byte[][] lab, int w, int h, byte interior, byte shell, int reach, double o, double g) {
		int d = v.length, n = w * h;
		byte[][] near = new byte[d][n];
		IntStream.range(0, d).parallel().forEach(z -> {
			for (int i = 0; i < n; i++) if (lab[z][i] == interior) near[z][i] = 1;
		});
		for (int k = 0; k < reach; k++) {
			byte from = (byte) (k + 1), to = (byte) (k + 2);
			IntStream.range(0, d).parallel().forEach(z -> {
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++) {
						int i = y * w + x;
						if (near[z][i] != 0 || lab[z][i] != shell) continue;
						boolean adj = x > 0 && near[z][i - 1] == from || x < w - 1 && near[z][i + 1] == from || y > 0 && near[z][i - w] == from
							|| y < h - 1 && near[z][i + w] == from || z > 0 && near[z - 1][i] == from || z < d - 1 && near[z + 1][i] == from;
						if (adj) near[z][i] = to;
					}
			});
		}
		float[][] f = new float[d][n];
		double inv = 1 / (o - g);
		IntStream.range(0, d).parallel().forEach(z -> {
			for (int i = 0; i < n; i++) f[z][i] = near[z][i] != 0 ? (float) ((v[z][i] - g) * inv) : -1f;
		});
		return f;
	}

	/** Volume (in units of sx*sy*sz) where the lattice interpolant of {@code f} is at or above {@code level}. */
	static double volume(float[][] f, int w, int h, double level, double sx, double sy, double sz) {
		int d = f.length;
		double cells = IntStream.range(0, d - 1).parallel().mapToDouble(z -> {
			double[] val = new double[8];
			double[][] p = new double[6][3];
			double sum = 0;
			for (int y = 0; y < h - 1; y++)
				for (int x = 0; x < w - 1; x++) {
					int above = 0;
					for (int c = 0; c < 8; c++) {
						double vv = f[z + (c >> 2)][(y + ((c >> 1) & 1)) * w + x + (c & 1)];
						val[c] = vv;
						if (vv >= level) above++;
					}
					if (above == 0) continue;
					if (above == 8) {
						sum += 1;
						continue;
					}
					for (int[] t : TETS) sum += tetAbove(t, val, level, p);
				}
			return sum;
		}).sum();
		return cells * sx * sy * sz;
	}

	/** Volume (unit cube = 1) of the part of tetrahedron t where the linear field is >= level. */
	static double tetAbove(int[] t, double[] val, double level, double[][] p) {
		int in = 0, mask = 0;
		for (int k = 0; k < 4; k++)
			if (val[t[k]] >= level) {
				in++;
				mask |= 1 << k;
			}
		if (in == 0) return 0;
		if (in == 4) return 1 / 6.0;
		if (in == 1 || in == 3) {
			boolean lone1 = in == 1;
			int lone = -1;
			for (int k = 0; k < 4; k++) if ((((mask >> k) & 1) == 1) == lone1) lone = k;
			double prod = 1, vl = val[t[lone]];
			for (int k = 0; k < 4; k++) if (k != lone) prod *= (vl - level) / (vl - val[t[k]]);
			return lone1 ? prod / 6 : (1 - prod) / 6;
		}
		int a = -1, b = -1, c = -1, e = -1;
		for (int k = 0; k < 4; k++) {
			if (((mask >> k) & 1) == 1) { if (a < 0) a = k; else b = k; }
			else { if (c < 0) c = k; else e = k; }
		}
		a = t[a]; b = t[b]; c = t[c]; e = t[e];
		corner(a, p[0]);
		cross(a, c, val, level, p[1]);
		cross(a, e, val, level, p[2]);
		corner(b, p[3]);
		cross(b, c, val, level, p[4]);
		cross(b, e, val, level, p[5]);
		// prism (a, ac, ae) - (b, bc, be): three tetrahedra
		return tet(p[0], p[1], p[2], p[3]) + tet(p[1], p[2], p[3], p[4]) + tet(p[2], p[3], p[4], p[5]);
	}

	private static void corner(int i, double[] q) {
		q[0] = i & 1;
		q[1] = (i >> 1) & 1;
		q[2] = (i >> 2) & 1;
	}

	private static void cross(int i, int j, double[] val, double level, double[] q) {
		double s = (val[i] - level) / (val[i] - val[j]);
		q[0] = (i & 1) + s * ((j & 1) - (i & 1));
		q[1] = ((i >> 1) & 1) + s * (((j >> 1) & 1) - ((i >> 1) & 1));
		q[2] = ((i >> 2) & 1) + s * (((j >> 2) & 1) - ((i >> 2) & 1));
	}

	private static double tet(double[] a, double[] b, double[] c, double[] d) {
		double ux = b[0] - a[0], uy = b[1] - a[1], uz = b[2] - a[2];
		double vx = c[0] - a[0], vy = c[1] - a[1], vz = c[2] - a[2];
		double wx = d[0] - a[0], wy = d[1] - a[1], wz = d[2] - a[2];
		return Math.abs(ux * (vy * wz - vz * wy) - uy * (vx * wz - vz * wx) + uz * (vx * wy - vy * wx)) / 6;
	}

	/** Separable Gaussian smoothing (sigma in voxels, all axes), a new array. */
	static float[][] smooth(float[][] v, int w, int h, double sigma) {
		int d = v.length, n = w * h, r = (int) Math.ceil(3 * sigma);
		double[] k = new double[2 * r + 1];
		double s = 0;
		for (int i = -r; i <= r; i++) s += k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= s;
		float[][] a = new float[d][n];
		IntStream.range(0, d).parallel().forEach(z -> {
			float[] src = v[z], dst = a[z];
			float[] tmp = new float[n];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double acc = 0;
					for (int j = -r; j <= r; j++) acc += k[j + r] * src[y * w + Math.min(w - 1, Math.max(0, x + j))];
					tmp[y * w + x] = (float) acc;
				}
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double acc = 0;
					for (int j = -r; j <= r; j++) acc += k[j + r] * tmp[Math.min(h - 1, Math.max(0, y + j)) * w + x];
					dst[y * w + x] = (float) acc;
				}
		});
		float[][] b = new float[d][n];
		IntStream.range(0, d).parallel().forEach(z -> {
			float[] dst = b[z];
			for (int i = 0; i < n; i++) {
				double acc = 0;
				for (int j = -r; j <= r; j++) acc += k[j + r] * a[Math.min(d - 1, Math.max(0, z + j))][i];
				dst[i] = (float) acc;
			}
		});
		return b;
	}

	/**
	 * Where the cylinder's wall is, per direction: {@code IsoVolume file.tif interiorLevel shellLevel [slices=101] [bins=24] [rmax=265]}
	 * prints, for angular bins in the central slices, the equivalent radius (voxels) of the pixels with f >= 0.5
	 * and of the sum of f clipped to [0, 1], both within rmax of the slice's centre (inside the shell's inner half).
	 */
	public static void main(String[] args) throws java.io.IOException {
		org.txmsuite.core.Volume v = org.txmsuite.core.ImageJ1Views.toVolume(org.txmsuite.io.TiffIO.open(java.nio.file.Paths.get(args[0])));
		double o = Double.parseDouble(args[1]), g = Double.parseDouble(args[2]);
		int slices = args.length > 3 ? Integer.parseInt(args[3]) : 101, bins = args.length > 4 ? Integer.parseInt(args[4]) : 24;
		double rmax = args.length > 5 ? Double.parseDouble(args[5]) : 265;
		int w = v.width(), h = v.height(), d = v.depth();
		double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
		double[] iso = new double[bins], sum = new double[bins];
		for (int z = d / 2 - slices / 2; z < d / 2 - slices / 2 + slices; z++) {
			float[] s = v.slices()[z];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double dx = x - cx, dy = y - cy, r = Math.hypot(dx, dy);
					if (r > rmax) continue;
					double f = (s[y * w + x] - g) / (o - g);
					int b = (int) Math.floor((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI) * bins) % bins;
					if (f >= 0.5) iso[b]++;
					sum[b] += Math.max(0, Math.min(1, f));
				}
		}
		double dth = 2 * Math.PI / bins;
		System.out.println("# angle_deg(bin centre, atan2(y,x))  r_iso  r_sum  (voxels; " + slices + " central slices)");
		for (int b = 0; b < bins; b++)
			System.out.printf(java.util.Locale.ROOT, "%6.1f %8.2f %8.2f%n", Math.toDegrees(-Math.PI + (b + 0.5) * dth), Math.sqrt(2 * iso[b] / slices / dth),
				Math.sqrt(2 * sum[b] / slices / dth));
	}
}
