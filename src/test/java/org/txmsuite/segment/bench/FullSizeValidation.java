package org.txmsuite.segment.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.Volume;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.Reconstructor;
import org.txmsuite.segment.MeasuredObject;
import org.txmsuite.segment.PtShellSegmenter;
import org.txmsuite.segment.ShellOptions;
import org.txmsuite.segment.ShellResult;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.ScanSimulator;

/**
 * The full-size acceptance case of issue #10: a Pt-coated cube (15 um edge), cylinder (15 um diameter and
 * height) and sphere (15 um) with a 1 um shell at 30 nm voxels, projected analytically
 * ({@link ScanSimulator}: exact chords through the solids, 3x3 supersampled detector pixels, Gaussian noise
 * of a fraction of the largest absorbance) - not with the reconstructor's Joseph projector - at the two-post
 * 135-degree and the four-post 152-degree angle sets, reconstructed as the pressure-series pipeline does
 * (SART, TV weight 0.1, no non-negativity, cylinder support) and measured with the default
 * {@link ShellOptions}. Prints per case the volume and surface error, U (2 sigma) and whether it covers
 * the error, the time of each step and the peak heap (sampled every 50 ms), and appends the line to a
 * results file.
 *
 * <p>Arguments (key=value, all optional): {@code cases=cube-135,sphere-152,...}, {@code step=1} (degrees),
 * {@code sweeps=10}, {@code tv=0.1}, {@code noise=0.005}, {@code core=15}, {@code shell=1}, {@code voxel=0.03}
 * (um), {@code margin=4} (detector pixels beyond the object's widest turn on each side; the missing wedge smears the
 * shell a few voxels along the blocked directions, so 4 is too tight for the cylinder at 135 degrees), {@code rows=0} (reconstruct only this many central rows and stop: a timing probe),
 * {@code out=/tmp/segfull/results.txt}, {@code seed=1}, {@code save=DIR} (write each reconstruction as DIR/case.tif; a case whose file exists
 * there is measured again from it instead), {@code band=3} (band_voxels of the measurement), {@code dart=0} (rounds of the reconstructor's discrete refinement
 * with automatic levels, {@link ReconOptions#discreteRounds}), {@code iso=true} (also print the
 * diagnostic iso-surface interior volume of {@link IsoVolume} on the raw and on the smoothed volume, beside the band sum).
 */
public final class FullSizeValidation {
	public static void main(String[] args) throws IOException {
		Locale.setDefault(Locale.ROOT);
		String cases = "cube-135,sphere-152,cylinder-135,cube-152,sphere-135,cylinder-152";
		double step = 1, tv = 0.1, noise = 0.005, core = 15, shell = 1, vox = 0.03;
		int sweeps = 10, rows = 0, margin = 4, dart = 0, band = new ShellOptions().bandVoxels;
		boolean iso = false;
		long seed = 1;
		Path save = null;
		Path out = Paths.get("/tmp/segfull/results.txt");
		for (String a : args) {
			String k = a.substring(0, a.indexOf('=')), v = a.substring(a.indexOf('=') + 1);
			switch (k) {
			case "cases": cases = v; break;
			case "step": step = Double.parseDouble(v); break;
			case "sweeps": sweeps = Integer.parseInt(v); break;
			case "tv": tv = Double.parseDouble(v); break;
			case "noise": noise = Double.parseDouble(v); break;
			case "core": core = Double.parseDouble(v); break;
			case "shell": shell = Double.parseDouble(v); break;
			case "voxel": vox = Double.parseDouble(v); break;
			case "rows": rows = Integer.parseInt(v); break;
			case "margin": margin = Integer.parseInt(v); break;
			case "dart": dart = Integer.parseInt(v); break;
			case "band": band = Integer.parseInt(v); break;
			case "iso": iso = Boolean.parseBoolean(v); break;
			case "out": out = Paths.get(v); break;
			case "seed": seed = Long.parseLong(v); break;
			case "save": save = Paths.get(v); break;
			default: throw new IllegalArgumentException("unknown argument " + k);
			}
		}
		Files.createDirectories(out.toAbsolutePath().getParent());
		Runtime rt = Runtime.getRuntime();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (true) {
				peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
				try {
					Thread.sleep(50);
				} catch (InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		String head = String.format("# core %.1f um, shell %.2f um, voxel %.0f nm, step %.2f deg, noise %.4f of max absorbance, SART %d sweeps TV %.2f "
			+ "no non-negativity, discrete rounds %d (automatic levels), margin %d px, %d cores, max heap %d MB", core, shell, vox * 1000, step, noise, sweeps, tv, dart, margin, rt.availableProcessors(), rt.maxMemory() >> 20);
		log(out, head);
		for (String c : cases.split(",")) {
			String[] p = c.trim().split("-");
			DacSample s = new DacSample(DacSample.Shape.valueOf(p[0].toUpperCase(Locale.ROOT)), core, shell);
			int deg = Integer.parseInt(p[1]);
			double[] e = s.phantom().extent();
			int n = 2 * ((int) Math.ceil(Math.max(e[0], e[1]) / vox) + margin), h = 2 * ((int) Math.ceil(e[2] / vox) + 4);
			double[] angles = deg == 152 ? ScanSimulator.fourPostAngles(152, step)
				: ScanSimulator.angles(-67.5, 67.5 - step, (int) Math.round(135 / step));
			System.gc();
			peak.set(rt.totalMemory() - rt.freeMemory());
			if (save != null && Files.exists(save.resolve(c + ".tif"))) { // measure a saved reconstruction again
				Volume v = org.txmsuite.core.ImageJ1Views.toVolume(org.txmsuite.io.TiffIO.open(save.resolve(c + ".tif"))).voxelSizeNm(vox * 1000);
				long t2 = System.nanoTime();
				report(out, c + " (saved, band " + band + ")", v, s, band, angles, 0, 0, t2, peak, iso);
				continue;
			}
			long t0 = System.nanoTime();
			FrameStack proj = new ScanSimulator(s.phantom()).detector(n, h, vox).jitter(0, seed).projections(angles, noise);
			long t1 = System.nanoTime();
			System.out.printf("%s: detector %d x %d, %d projections, projected in %.0f s%n", c, n, h, angles.length, (t1 - t0) / 1e9);
			ReconOptions o = new ReconOptions().algorithm(ReconOptions.Algorithm.SART).iterations(sweeps).nonnegative(false).tvWeight(tv)
				.discreteRounds(dart);
			if (rows > 0) o.rows(h / 2 - rows / 2, h / 2 - rows / 2 + rows - 1);
			long[] last = { t1 };
			Reconstructor.Result rec = Reconstructor.reconstruct(proj, angles, o, (done, total, msg) -> {
				long now = System.nanoTime();
				if (now - last[0] > 60e9 || done == total) {
					last[0] = now;
					System.out.printf("  recon %.0f s: %d of %d slice-sweeps%n", (now - t1) / 1e9, done, total);
				}
			});
			Volume v = rec.volume;
			long t2 = System.nanoTime();
			StringBuilder res = new StringBuilder();
			for (double x : rec.residuals) res.append(String.format(" %.5f", x));
			log(out, "# " + c + " residual per sweep:" + res);
			int slices = rows > 0 ? rows : h;
			double perSliceSweep = (t2 - t1) / 1e6 / slices / sweeps;
			if (rows > 0) {
				log(out, String.format("%s timing: %d x %d slices, %d projections: %.0f ms per slice-sweep (wall, %d threads) -> full %d slices x %d sweeps ~ %.0f s",
					c, n, n, angles.length, perSliceSweep, rt.availableProcessors(), h, sweeps, perSliceSweep * h * sweeps / 1e3));
				continue;
			}
			proj = null;
			if (save != null) {
				Files.createDirectories(save);
				Path f = save.resolve(c + ".tif");
				org.txmsuite.io.TiffIO.save(org.txmsuite.core.ImageJ1Views.toImagePlus(v, c), f);
				System.out.println("  saved " + f);
			}
			report(out, c, v, s, band, angles, (t1 - t0) / 1e9, (t2 - t1) / 1e9, t2, peak, iso);
		}
	}

	private static void report(Path out, String c, Volume v, DacSample s, int band, double[] angles, double projectS, double reconS, long t2, AtomicLong peak,
		boolean iso) throws IOException {
		ShellOptions so = new ShellOptions();
		so.bandVoxels = band;
		so.thetaDeg = angles;
		int projections = angles.length;
		ShellResult r = PtShellSegmenter.measure(v, so, Progress.NONE);
		long t3 = System.nanoTime();
		MeasuredObject in = r.object(2);
		double tvol = s.interiorVolumeUm3(), ts = s.interiorSurfaceUm2();
		double err = 100 * (r.interiorVolumeUm3 / tvol - 1);
		double perSliceSweep = reconS == 0 ? 0 : reconS * 1e3 / v.depth();
		log(out, String.format("%-12s %dx%dx%d %3d proj | V err %+.3f %% U %.3f %% (levels %.3f band %.3f boundary %.3f wedge %.3f q %.4f closing %.3f) covered %s | S err %+.2f %% (roughness %.4f) "
			+ "| closing r=%d shell level %.4g interior %.4g | project %.0f s recon %.0f s (%.0f ms/slice, all sweeps) segment %.0f s, peak heap %d MB",
			c, v.width(), v.height(), v.depth(), projections, err, 100 * r.uncertaintyUm3 / tvol, 100 * in.levelTermUm3 / tvol, 100 * in.bandTermUm3 / tvol,
			100 * in.boundaryTermUm3 / tvol, 100 * in.wedgeTermUm3 / tvol, in.wedgeSurfaceFraction, 100 * in.closingTermUm3 / tvol, Math.abs(r.interiorVolumeUm3 - tvol) <= r.uncertaintyUm3, 100 * (r.surfaceUm2 / ts - 1), in.surfaceRoughness,
			r.closingVoxels, r.shellLevel, r.interiorLevel, projectS, reconS, perSliceSweep, (t3 - t2) / 1e9, peak.get() >> 20));
		if (iso) isoReport(out, c, v, r, in, tvol, err);
	}

	/** The iso-surface interior volume (raw and smoothed by the segmenter's sigma) against the band sum and the voxel count. */
	private static void isoReport(Path out, String c, Volume v, ShellResult r, MeasuredObject in, double tvol, double bandErr) throws IOException {
		double sx = v.voxelXNm() / 1000, sy = v.voxelYNm() / 1000, sz = v.voxelZNm() / 1000;
		int w = v.width(), h = v.height();
		double sigma = new ShellOptions().smoothVoxels;
		long t0 = System.nanoTime();
		float[][] raw = v.slices();
		double isoRaw = IsoVolume.volume(IsoVolume.field(raw, r.labels, w, h, (byte) 2, (byte) 1, 4, in.objectLevel, in.surroundLevel), w, h, 0.5, sx, sy, sz);
		double isoSm = IsoVolume.volume(IsoVolume.field(IsoVolume.smooth(raw, w, h, sigma), r.labels, w, h, (byte) 2, (byte) 1, 4, in.objectLevel,
			in.surroundLevel), w, h, 0.5, sx, sy, sz);
		double eRaw = 100 * (isoRaw / tvol - 1), eSm = 100 * (isoSm / tvol - 1), eCount = 100 * (in.countVolumeUm3 / tvol - 1);
		log(out, String.format("%-12s iso | band-sum err %+.3f %% | iso-surface err raw %+.3f %% smoothed(%.1f) %+.3f %% | voxel count err %+.3f %% "
			+ "| band-sum - iso(smoothed) %+.3f %% | levels interior %.4g shell %.4g | %.0f s", c, bandErr, eRaw, sigma, eSm, eCount, bandErr - eSm,
			in.objectLevel, in.surroundLevel, (System.nanoTime() - t0) / 1e9));
	}

	private static void log(Path out, String line) throws IOException {
		System.out.println(line);
		Files.write(out, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}
}
