package org.txmsuite.segment.bench;

import java.util.Locale;
import java.util.Random;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.Volume;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.Reconstructor;
import org.txmsuite.segment.PtShellSegmenter;
import org.txmsuite.segment.ShellOptions;
import org.txmsuite.segment.ShellResult;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.Materials;
import org.txmsuite.sim.ScanSimulator;

/**
 * The full-size cylinder of issue #10 reduced to a few central rows: its axis is the rotation axis, so each
 * slice is a ring (inner radius 250 voxels, 33-voxel Pt wall at 30 nm), projected analytically
 * ({@link ScanSimulator}, exact chords, 3x3 supersampling; Gaussian noise 0.5 % of the largest absorbance)
 * and reconstructed with the given {@link ReconOptions}. Measures (1) the 0.5 crossing of the fraction field
 * (true levels) along 360 rays from the axis: per-direction radius in 15-degree bins and the enclosed area, and
 * (2) the segmenter on a closed stack: the reconstructed rows between two rasterized Pt caps (33 slices,
 * noise as in the medium), whose interior is exactly the rows' area times their count.
 *
 * <p>Arguments key=value: {@code deg=135|152}, {@code rows=24}, {@code sweeps=6}, {@code tv=0.1},
 * {@code nonneg=false}, {@code upper=NaN}, {@code bounds=none|pt} (pt: lower 0, upper the true Pt level),
 * {@code dart=0} (discrete refinement rounds), {@code levels=0:core:pt} (its grey levels, ':'-separated; 'core', 'pt' = true levels; default: found by the reconstructor), {@code noise=0.005}, {@code seed=1}, {@code shape=cylinder}.
 */
public final class RingStudy {
	public static void main(String[] args) {
		Locale.setDefault(Locale.ROOT);
		int deg = 135, rows = 24, sweeps = 6, dart = 0;
		double tv = 0.1, upper = Double.NaN, noise = 0.005, vox = 0.03;
		boolean nonneg = false, raster = false;
		long seed = 1;
		String levels = null, dump = null;
		for (String a : args) {
			String k = a.substring(0, a.indexOf('=')), v = a.substring(a.indexOf('=') + 1);
			switch (k) {
			case "deg": deg = Integer.parseInt(v); break;
			case "rows": rows = Integer.parseInt(v); break;
			case "sweeps": sweeps = Integer.parseInt(v); break;
			case "tv": tv = Double.parseDouble(v); break;
			case "nonneg": nonneg = Boolean.parseBoolean(v); break;
			case "upper": upper = Double.parseDouble(v); break;
			case "dart": dart = Integer.parseInt(v); break;
			case "noise": noise = Double.parseDouble(v); break;
			case "levels": levels = v; break;
			case "dump": dump = v; break;
			case "raster": raster = Boolean.parseBoolean(v); break;
			case "seed": seed = Long.parseLong(v); break;
			default: throw new IllegalArgumentException("unknown argument " + k);
			}
		}
		DacSample s = new DacSample(DacSample.Shape.CYLINDER, 15, 1);
		double pt = Materials.PT * vox, core = Materials.SIO2_GLASS * vox;
		int n = 2 * ((int) Math.ceil(8.5 / vox) + 24);
		double[] angles = deg == 152 ? ScanSimulator.fourPostAngles(152, 1) : ScanSimulator.angles(-67.5, 66.5, 135);
		long t0 = System.nanoTime();
		if (raster) { // no reconstruction: the exact ring (4x4 supersampled) plus Gaussian noise, to calibrate the measurements
			float[][] sl = new float[rows][n * n];
			Random rnd = new Random(seed);
			double c = (n - 1) / 2.0, r0 = 7.5 / vox, r1 = 8.5 / vox;
			for (float[] f : sl)
				for (int y = 0; y < n; y++)
					for (int x = 0; x < n; x++) {
						double sum = 0;
						for (int b = 0; b < 4; b++)
							for (int a = 0; a < 4; a++) {
								double r = Math.hypot(x - c + (a + 0.5) / 4 - 0.5, y - c + (b + 0.5) / 4 - 0.5);
								sum += r < r0 ? core : r < r1 ? pt : 0;
							}
						f[y * n + x] = (float) (sum / 16 + noise * pt * rnd.nextGaussian());
					}
			Volume v = new Volume(n, n, sl).voxelSizeNm(vox * 1000);
			rays(v, n, pt, core, 250);
			capped(v, n, pt, vox, s);
			return;
		}
		FrameStack proj = new ScanSimulator(s.phantom()).detector(n, rows, vox).jitter(0, seed).projections(angles, noise);
		ReconOptions o = new ReconOptions().algorithm(ReconOptions.Algorithm.SART).iterations(sweeps).nonnegative(nonneg).tvWeight(tv).upperBound(upper);
		if (dart > 0) {
			if (levels != null) {
				String[] q = levels.split(":");
				double[] lv = new double[q.length];
				for (int i = 0; i < q.length; i++) lv[i] = q[i].equals("pt") ? pt : q[i].equals("core") ? core : Double.parseDouble(q[i]);
				o.discreteLevels(lv);
			}
			o.discreteRounds(dart);
		}
		Reconstructor.Result rec = Reconstructor.reconstruct(proj, angles, o, Progress.NONE);
		long t1 = System.nanoTime();
		Volume v = rec.volume;
		System.out.printf("%d deg, %d rows of %d^2, sweeps %d tv %.2f nonneg %s upper %g dart %d: recon %.1f s, residual %.4f%n", deg, rows, n, sweeps, tv,
			nonneg, upper, dart, (t1 - t0) / 1e9, rec.residuals.length > 0 ? rec.residuals[rec.residuals.length - 1] : 0);
		if (dump != null) dump(v, dump);
		rays(v, n, pt, core, 250);
		capped(v, n, pt, vox, s);
	}

	/** Writes the slices as raw little-endian float32 (for a look with numpy). */
	private static void dump(Volume v, String path) {
		java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.width() * v.height() * v.depth()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		for (float[] f : v.slices()) for (float x : f) b.putFloat(x);
		try {
			java.nio.file.Files.write(java.nio.file.Paths.get(path), b.array());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Per-direction radius of the 0.5 crossing (true levels), averaged over the slices, and the enclosed area's error. */
	static void rays(Volume v, int n, double pt, double core, double truthR) {
		int nr = 360, bins = 24;
		double c = (n - 1) / 2.0;
		double[] rad = new double[nr];
		for (int z = 0; z < v.depth(); z++) {
			float[] sl = v.slice(z);
			for (int k = 0; k < nr; k++) {
				double th = 2 * Math.PI * (k + 0.5) / nr, cs = Math.cos(th), sn = Math.sin(th);
				double prev = 1, r = 200;
				for (; r < 300; r += 0.25) {
					double f = (interp(sl, n, c + r * cs, c + r * sn) - pt) / (core - pt);
					if (f < 0.5) {
						r -= 0.25 * (0.5 - f) / (prev - f);
						break;
					}
					prev = f;
				}
				rad[k] += r / v.depth();
			}
		}
		double band = 0; // sum of the fraction field inside the wall's mid-surface (true levels, clipped to [-1, 2])
		double rMid = truthR + 16.5;
		for (int z = 0; z < v.depth(); z++) {
			float[] sl = v.slice(z);
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++)
					if (Math.hypot(x - c, y - c) < rMid) band += Math.max(-1, Math.min(2, (sl[y * n + x] - pt) / (core - pt))) / v.depth();
		}
		double area = 0;
		StringBuilder b = new StringBuilder("  0.5-crossing radius per 15 deg bin (from +x towards +y):");
		for (int q = 0; q < bins; q++) {
			double m = 0;
			for (int k = q * nr / bins; k < (q + 1) * nr / bins; k++) m += rad[k] / (nr / bins);
			b.append(String.format(" %.1f", m));
		}
		for (double r : rad) area += 0.5 * r * r * 2 * Math.PI / nr;
		System.out.println(b);
		double disc = Math.PI * truthR * truthR, mid = Math.PI * rMid * rMid, tr = Math.PI * (rMid * rMid - truthR * truthR);
		System.out.printf("  iso area error %+.3f %% | fraction sum inside the mid-wall error %+.3f %% (truth %.0f px, mid-wall disc %.0f px)%n",
			100 * (area / disc - 1), 100 * ((band - 0) / disc - 1), disc, mid - tr + tr * 0);

	}

	private static double interp(float[] s, int n, double x, double y) {
		int i = (int) Math.floor(x), j = (int) Math.floor(y);
		double fx = x - i, fy = y - j;
		return (1 - fy) * ((1 - fx) * s[j * n + i] + fx * s[j * n + i + 1]) + fy * ((1 - fx) * s[(j + 1) * n + i] + fx * s[(j + 1) * n + i + 1]);
	}

	/** The segmenter on the rows closed by two rasterized Pt caps; prints the interior volume error against the rows' true interior. */
	static void capped(Volume v, int n, double pt, double vox, DacSample s) {
		int rows = v.depth(), cap = 33, med = 3, d = rows + 2 * (cap + med);
		double c = (n - 1) / 2.0, rOut = 8.5 / vox;
		// noise of the medium: outside the shell, within the field
		double m2 = 0;
		long cnt = 0;
		float[] mid = v.slice(rows / 2);
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				double r = Math.hypot(x - c, y - c);
				if (r > rOut + 12 && r < n / 2.0 - 4) {
					m2 += mid[y * n + x] * mid[y * n + x];
					cnt++;
				}
			}
		double sd = Math.sqrt(m2 / cnt);
		Random rnd = new Random(5);
		float[][] sl = new float[d][];
		for (int z = 0; z < d; z++) {
			if (z >= med + cap && z < med + cap + rows) {
				sl[z] = v.slice(z - med - cap);
				continue;
			}
			boolean isCap = z >= med && z < d - med;
			float[] f = new float[n * n];
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					double r = Math.hypot(x - c, y - c);
					f[y * n + x] = (float) ((isCap && r <= rOut ? pt : 0) + sd * rnd.nextGaussian());
				}
			sl[z] = f;
		}
		Volume st = new Volume(n, n, sl).voxelSizeNm(vox * 1000);
		long t0 = System.nanoTime();
		ShellResult r = PtShellSegmenter.measure(st, new ShellOptions(), Progress.NONE);
		double truth = Math.PI * 7.5 * 7.5 * rows * vox;
		System.out.printf("  segmenter (capped stack): V err %+.3f %% U %.3f %% covered %s | shell level %.5g interior %.4g | %.0f s%n",
			100 * (r.interiorVolumeUm3 / truth - 1), 100 * r.uncertaintyUm3 / truth, Math.abs(r.interiorVolumeUm3 - truth) <= r.uncertaintyUm3,
			r.shellLevel, r.interiorLevel, (System.nanoTime() - t0) / 1e9);
	}
}
