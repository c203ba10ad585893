package org.txmsuite.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;
import org.txmsuite.core.Volume;

/**
 * Volume of the hollow inside a Pt shell ("negative absorption contrast" of low-Z samples in a DAC).
 *
 * <ol>
 * <li>Smooth lightly (Gaussian), threshold (Otsu, then the midpoint of the two class medians, or a given level).</li>
 * <li>Bright 6-connected components: the largest is the shell (it must not touch the border), other
 *   compact bright ones are Au beads (labels 3+).</li>
 * <li>Gap closing: for r = 0, 1, ... voxels, the shell dilated by a ball of radius r (exact Euclidean
 *   distance transform, anisotropic) walls off the medium flooded from the border; the first r that
 *   leaves an enclosed space (the largest enclosed component) closes the shell. The missing wedge thins
 *   the shell where its surface normal lies in the blocked directions, so gaps open there; the ball
 *   closes them whatever their orientation, and the smallest sufficient r is used.</li>
 * <li>The enclosed space is grown back by r inside the non-shell voxels, so dilation does not bias the
 *   volume; voxels only the closing added are flagged for the uncertainty.</li>
 * <li>{@link PartialVolume} measures the interior between the interior and shell levels, with the outer
 *   band limited to the inner half of the shell (voxels nearer the interior than the medium).</li>
 * <li>Medium voxels of intermediate contrast (ruby) form further objects if they stand out from the noise.</li>
 * </ol>
 */
public final class PtShellSegmenter {
	private PtShellSegmenter() {}

	private static final byte SHELL = 1, INTERIOR = 2;
	private static final byte TMP = -1, TMP2 = -2, DIL = -3, OUT = -4, ENC = -5, INT0 = -6, GAP = -7, INTG = -8, CAND = -9;
	static final int MAX_OBJECTS = 120;

	public static ShellResult measure(Volume volume, ShellOptions o, Progress progress) {
		final int steps = 9;
		progress.report(0, steps, "smoothing");
		Segmentation sg = new Segmentation(volume, o.voxelSizeNm, o.smoothVoxels, o.thetaDeg);
		int w = sg.w, h = sg.h, d = sg.d, n = sg.n;
		float[][] s = sg.s;
		progress.checkCancelled();
		progress.report(1, steps, "threshold");
		double[] th = sg.threshold(o.threshold, "Pt shell");
		double t = th[0];
		byte[][] lab = new byte[d][n];
		IntStream.range(0, d).parallel().forEach(z -> {
			for (int i = 0; i < n; i++) if (s[z][i] >= t) lab[z][i] = TMP;
		});
		Regions reg = new Regions(lab, w, h);
		progress.report(2, steps, "bright components");
		List<Regions.Component> bright = reg.components(TMP, TMP2);
		bright.sort(Comparator.comparingLong((Regions.Component c) -> c.voxels).reversed());
		if (bright.isEmpty()) throw new TxmException("input: no voxel reaches the threshold " + Segmentation.fmt(t) + "; no Pt shell to measure");
		Regions.Component shell = bright.get(0);
		if (shell.border)
			throw new TxmException("input: the Pt shell touches the volume border (it spans x " + shell.x0 + "-" + shell.x1 + ", y " + shell.y0 + "-"
				+ shell.y1 + ", z " + shell.z0 + "-" + shell.z1 + " of " + w + "x" + h + "x" + d
				+ "); reconstruct or crop a volume that holds the whole shell with a margin");
		reg.flood(shell.seed, TMP2, SHELL);
		List<Regions.Component> beads = new ArrayList<>();
		for (int k = 1; k < bright.size() && beads.size() < MAX_OBJECTS; k++) {
			Regions.Component c = bright.get(k);
			if (c.border || c.voxels < o.minObjectVoxels) continue;
			reg.flood(c.seed, TMP2, CAND);
			boolean keep = compact(sg, lab, c);
			reg.flood(c.seed, CAND, keep ? (byte) (3 + beads.size()) : 0);
			if (keep) beads.add(c);
		}
		reg.replace(TMP2, (byte) 0);
		progress.checkCancelled();

		progress.report(3, steps, "closing gaps");
		float[][] dist = new float[d][n];
		long shellBox = (long) (shell.x1 - shell.x0 + 1) * (shell.y1 - shell.y0 + 1) * (shell.z1 - shell.z0 + 1);
		long minInterior = Math.max(o.minObjectVoxels, shellBox / 50);
		int r = -1;
		Regions.Component interior = null;
		for (int k = 0; k <= o.maxClosingVoxels && interior == null; k++) {
			double r2 = Math.pow(k * sg.coarse(), 2) * (1 + 1e-6);
			// r = 0 dilates nothing: the distance transform is only needed once a closed shell was not found
			if (k == 1) Edt.squared((z, i) -> lab[z][i] == SHELL, w, h, d, sg.sx, sg.sy, sg.sz, dist);
			if (k > 0) IntStream.range(0, d).parallel().forEach(z -> {
				for (int i = 0; i < n; i++) if (lab[z][i] == 0 && dist[z][i] <= r2) lab[z][i] = DIL;
			});
			reg.floodFromBorder((byte) 0, OUT);
			List<Regions.Component> enclosed = reg.components((byte) 0, ENC);
			Regions.Component best = null;
			for (Regions.Component c : enclosed) if (best == null || c.voxels > best.voxels) best = c;
			if (best != null && best.voxels >= minInterior) {
				interior = best;
				r = k;
			}
			else {
				reg.replace(OUT, (byte) 0);
				reg.replace(ENC, (byte) 0);
				reg.replace(DIL, (byte) 0);
			}
			progress.checkCancelled();
		}
		if (interior == null)
			throw new TxmException("input: no closed Pt shell: the space inside the shell connects to the outside even after closing gaps of "
				+ o.maxClosingVoxels + " voxels radius (max_closing_voxels); the shell has a hole wider than about " + (2 * o.maxClosingVoxels)
				+ " voxels, or the threshold " + Segmentation.fmt(t) + " is too high");
		reg.flood(interior.seed, ENC, INT0);
		reg.replace(ENC, DIL);
		final int rc = r;
		if (r > 0) {
			double r2 = Math.pow(r * sg.coarse(), 2) * (1 + 1e-6);
			progress.report(4, steps, "growing the interior back by " + r + " voxels");
			Edt.squared((z, i) -> lab[z][i] != SHELL && lab[z][i] != DIL, w, h, d, sg.sx, sg.sy, sg.sz, dist);
			IntStream.range(0, d).parallel().forEach(z -> {
				for (int i = 0; i < n; i++) if (lab[z][i] == DIL && dist[z][i] > r2) lab[z][i] = GAP;
			});
			Edt.squared((z, i) -> lab[z][i] == INT0, w, h, d, sg.sx, sg.sy, sg.sz, dist);
			IntStream.range(0, d).parallel().forEach(z -> {
				for (int i = 0; i < n; i++) {
					if (dist[z][i] > r2) continue;
					if (lab[z][i] == DIL) lab[z][i] = INTERIOR;
					else if (lab[z][i] == GAP) lab[z][i] = INTG;
				}
			});
		}
		reg.replace(INT0, INTERIOR);
		progress.checkCancelled();

		progress.report(5, steps, "inner half of the shell");
		Regions.Component box = sg.box(lab, INTERIOR);
		Regions.Component boxG = sg.box(lab, INTG);
		if (boxG.voxels > 0) {
			box.x0 = Math.min(box.x0, boxG.x0); box.x1 = Math.max(box.x1, boxG.x1);
			box.y0 = Math.min(box.y0, boxG.y0); box.y1 = Math.max(box.y1, boxG.y1);
			box.z0 = Math.min(box.z0, boxG.z0); box.z1 = Math.max(box.z1, boxG.z1);
		}
		int band = o.bandVoxels;
		double coreLevel = coreLevel(sg, lab, dist);
		Edt.squared((z, i) -> lab[z][i] == OUT, w, h, d, sg.sx, sg.sy, sg.sz, dist);
		int margin = 2 * band + 6;
		int zLo = Math.max(0, box.z0 - margin), zHi = Math.min(d - 1, box.z1 + margin);
		float[][] dIntSub = new float[zHi - zLo + 1][n];
		final int zOff = zLo;
		Edt.squared((z, i) -> lab[z + zOff][i] == INTERIOR || lab[z + zOff][i] == INTG, w, h, dIntSub.length, sg.sx, sg.sy, sg.sz, dIntSub);
		double[] shellLevel = ridgeLevel(sg, lab, dist, dIntSub, zOff, coreLevel);
		progress.report(6, steps, "partial volume and surface");
		MeasuredObject in = sg.measureInBox(2, "interior", box, margin, lab, (l, z, i) -> {
			if (l == INTERIOR) return PartialVolume.OBJECT;
			if (l == INTG) return PartialVolume.OBJECT | PartialVolume.CLOSED;
			if (l != SHELL && l != DIL && l != GAP) return 0;
			if (z < zOff || z > zHi || !(dIntSub[z - zOff][i] < dist[z][i])) return 0;
			return (byte) (l == GAP ? PartialVolume.FREE | PartialVolume.CLOSED : PartialVolume.FREE);
		}, band, Double.NaN, shellLevel[0], shellLevel[1]);
		List<MeasuredObject> objects = new ArrayList<>();
		objects.add(in);
		progress.checkCancelled();

		progress.report(7, steps, "beads and ruby");
		IntStream.range(0, d).parallel().forEach(z -> {
			byte[] l = lab[z];
			for (int i = 0; i < n; i++) {
				byte b = l[i];
				if (b == INTG) l[i] = INTERIOR;
				else if (b == OUT || b == DIL || b == GAP) l[i] = 0;
			}
		});
		if (o.findRuby) findRuby(sg, lab, reg, dist, t, th[2] - th[1], band + 2, o.minObjectVoxels, beads);
		for (int k = 0; k < beads.size(); k++) {
			byte code = (byte) (3 + k);
			MeasuredObject m = sg.measureInBox(3 + k, "object", beads.get(k), band + 4, lab,
				(l, z, i) -> l == code ? PartialVolume.OBJECT : l == 0 ? PartialVolume.FREE : 0, band, Double.NaN, Double.NaN);
			objects.add(m.relabel(3 + k, m.objectLevel > (in.surroundLevel + in.objectLevel) / 2 ? "bead" : "ruby"));
		}
		progress.report(8, steps, "check image");
		OrthoView view = sg.view(lab, box, Math.min(th[1], in.objectLevel), in.surroundLevel, -1);
		progress.report(steps, steps, "done");
		return new ShellResult(lab, w, h, sg.voxelNm, objects, t, view, rc);
	}

	/**
	 * Median grey value of the shell's core: shell voxels at least 2 voxels (1.5 for thin shells) from any
	 * other voxel, where neither blur nor partial volume reaches. NaN for a shell thinner than that.
	 * Uses {@code work} as the distance buffer.
	 */
	private static double coreLevel(Segmentation sg, byte[][] lab, float[][] work) {
		Edt.squared((z, i) -> lab[z][i] != SHELL, sg.w, sg.h, sg.d, sg.sx, sg.sy, sg.sz, work);
		for (double depth : new double[] { 2, 1.5 }) {
			double d2 = Math.pow(depth * sg.coarse(), 2) * 0.999;
			float[] core = Levels.sorted(sg.s, sg.n, (z, i) -> lab[z][i] == SHELL && work[z][i] >= d2);
			if (core.length >= 50) return Levels.quantile(core, 0.5);
		}
		return Double.NaN;
	}

	/**
	 * {level, uncertainty} of the Pt: the median over the shell's mid-surface (voxels about as far from the
	 * interior as from the medium); uncertainty the standard error plus the difference to the median of
	 * the shell's core (the same Pt where no boundary blurs it; the two differ where the missing wedge
	 * thins or weakens the shell).
	 */
	private static double[] ridgeLevel(Segmentation sg, byte[][] lab, float[][] dOut, float[][] dInt, int zOff, double coreLevel) {
		double tol = sg.coarse();
		float[] all = Levels.sorted(sg.s, sg.n, (z, i) -> {
			if (lab[z][i] != SHELL || z < zOff || z >= zOff + dInt.length) return false;
			return Math.abs(Math.sqrt(dInt[z - zOff][i]) - Math.sqrt(dOut[z][i])) <= tol;
		});
		if (all.length < 20) return new double[] { Double.NaN, Double.NaN };
		double m = Levels.quantile(all, 0.5), se = 1.2533 * Levels.sigma(all) / Math.sqrt(all.length);
		return new double[] { m, se + (Double.isNaN(coreLevel) ? 0 : Math.abs(coreLevel - m)) };
	}

	/** Smallest credible bead or ruby: a ball of this radius (voxels); its inscribed radius must exceed 2 voxels. */
	static final double MIN_RADIUS_VOXELS = 2.5;
	/** Contrast an object must have over its surroundings, in robust noise widths of the surroundings. */
	static final double MIN_CONTRAST_NOISE = 5;

	/**
	 * Whether a candidate component (its voxels labelled {@link #CAND}) is a credible compact object rather
	 * than an artefact blob or a streak fragment: at least a ball of {@link #MIN_RADIUS_VOXELS} in volume,
	 * thicker than 4 voxels everywhere it matters (some voxel more than 2 voxels from its outside, by a
	 * distance transform of its box), its median more than {@link #MIN_CONTRAST_NOISE} noise widths above
	 * the unlabelled voxels around it. (Candidates in the medium are only sought beyond a clearance of
	 * band + 2 voxels from the shell, so none touches it.)
	 */
	private static boolean compact(Segmentation sg, byte[][] lab, Regions.Component c) {
		if (c.voxels < 4 / 3.0 * Math.PI * Math.pow(MIN_RADIUS_VOXELS, 3)) return false;
		int m = 4, w = sg.w;
		int x0 = Math.max(0, c.x0 - m), x1 = Math.min(w - 1, c.x1 + m), y0 = Math.max(0, c.y0 - m), y1 = Math.min(sg.h - 1, c.y1 + m);
		int z0 = Math.max(0, c.z0 - m), z1 = Math.min(sg.d - 1, c.z1 + m);
		int cw = x1 - x0 + 1, ch = y1 - y0 + 1, cd = z1 - z0 + 1;
		float[][] in = new float[cd][cw * ch];
		Edt.squared((z, i) -> lab[z + z0][(i / cw + y0) * w + i % cw + x0] != CAND, cw, ch, cd, sg.sx, sg.sy, sg.sz, in);
		double inscribed = 0;
		int nObj = 0, nOut = 0;
		float[] obj = new float[(int) c.voxels], out = new float[cw * ch * cd];
		for (int z = 0; z < cd; z++)
			for (int y = 0; y < ch; y++)
				for (int x = 0; x < cw; x++) {
					int i = (y + y0) * w + x + x0;
					byte l = lab[z + z0][i];
					float v = sg.s[z + z0][i];
					if (l == CAND) {
						inscribed = Math.max(inscribed, in[z][y * cw + x]);
						if (nObj < obj.length) obj[nObj++] = v;
					}
					else if (l == 0) out[nOut++] = v;
				}
		if (!(inscribed > Math.pow(2 * sg.coarse(), 2) * 1.001) || nOut < 20) return false;
		obj = java.util.Arrays.copyOf(obj, nObj);
		out = java.util.Arrays.copyOf(out, nOut);
		java.util.Arrays.sort(obj);
		java.util.Arrays.sort(out);
		return Levels.quantile(obj, 0.5) - Levels.quantile(out, 0.5) > MIN_CONTRAST_NOISE * Levels.sigma(out);
	}

	/**
	 * Objects of intermediate contrast in the medium (label 0): Otsu's split of the medium's grey values,
	 * kept only if the brighter class stands 8 noise widths above the medium; components become objects.
	 */
	private static void findRuby(Segmentation sg, byte[][] lab, Regions reg, float[][] dist, double t, double contrast, int clear, int minVoxels,
		List<Regions.Component> objects) {
		int n = sg.n;
		Edt.squared((z, i) -> lab[z][i] != 0, sg.w, sg.h, sg.d, sg.sx, sg.sy, sg.sz, dist);
		double c2 = Math.pow(clear * sg.coarse(), 2);
		float[] medium = Levels.sorted(sg.s, n, (z, i) -> lab[z][i] == 0 && dist[z][i] > c2 && (i % 97 == z % 97));
		if (medium.length < 100) return;
		double m = Levels.quantile(medium, 0.5), sigma = Math.max(Levels.sigma(medium), 1e-12);
		double top = Levels.quantile(medium, 1.0);
		if (!(top > m + Math.max(8 * sigma, contrast / 100))) return;
		Levels.Histogram hist = Levels.histogram(sg.s, n, m, Math.min(t, top + sigma), (z, i) -> lab[z][i] == 0 && dist[z][i] > c2);
		double t2 = Math.max(hist.otsu(), m + 8 * sigma);
		double upper = hist.quantile(t2, Math.min(t, top + sigma), 0.5);
		if (Double.isNaN(upper) || upper - m < Math.max(8 * sigma, contrast / 100)) return;
		IntStream.range(0, sg.d).parallel().forEach(z -> {
			for (int i = 0; i < n; i++) if (lab[z][i] == 0 && dist[z][i] > c2 && sg.s[z][i] >= (m + upper) / 2) lab[z][i] = TMP;
		});
		List<Regions.Component> cands = reg.components(TMP, TMP2);
		cands.sort(Comparator.comparingLong((Regions.Component c) -> c.voxels).reversed());
		for (Regions.Component c : cands) {
			if (c.border || c.voxels < minVoxels || objects.size() >= MAX_OBJECTS) continue;
			reg.flood(c.seed, TMP2, CAND);
			boolean keep = compact(sg, lab, c);
			reg.flood(c.seed, CAND, keep ? (byte) (3 + objects.size()) : 0);
			if (keep) objects.add(c);
		}
		reg.replace(TMP2, (byte) 0);
	}
}
