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
	private static final byte TMP = -1, TMP2 = -2, DIL = -3, OUT = -4, ENC = -5, INT0 = -6, GAP = -7, INTG = -8;
	static final int MAX_OBJECTS = 120;

	public static ShellResult measure(Volume volume, ShellOptions o, Progress progress) {
		final int steps = 9;
		progress.report(0, steps, "smoothing");
		Segmentation sg = new Segmentation(volume, o.voxelSizeNm, o.smoothVoxels);
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
			reg.flood(c.seed, TMP2, (byte) (3 + beads.size()));
			beads.add(c);
		}
		reg.replace(TMP2, (byte) 0);
		progress.checkCancelled();

		progress.report(3, steps, "closing gaps");
		float[][] dist = new float[d][n];
		Edt.squared((z, i) -> lab[z][i] == SHELL, w, h, d, sg.sx, sg.sy, sg.sz, dist);
		long shellBox = (long) (shell.x1 - shell.x0 + 1) * (shell.y1 - shell.y0 + 1) * (shell.z1 - shell.z0 + 1);
		long minInterior = Math.max(o.minObjectVoxels, shellBox / 50);
		int r = -1;
		Regions.Component interior = null;
		for (int k = 0; k <= o.maxClosingVoxels && interior == null; k++) {
			double r2 = Math.pow(k * sg.coarse(), 2) * (1 + 1e-6);
			IntStream.range(0, d).parallel().forEach(z -> {
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
		Edt.squared((z, i) -> lab[z][i] == OUT, w, h, d, sg.sx, sg.sy, sg.sz, dist);
		int margin = 2 * band + 6;
		int zLo = Math.max(0, box.z0 - margin), zHi = Math.min(d - 1, box.z1 + margin);
		float[][] dIntSub = new float[zHi - zLo + 1][n];
		final int zOff = zLo;
		Edt.squared((z, i) -> lab[z + zOff][i] == INTERIOR || lab[z + zOff][i] == INTG, w, h, dIntSub.length, sg.sx, sg.sy, sg.sz, dIntSub);
		double[] shellLevel = ridgeLevel(sg, lab, dist, dIntSub, zOff, box);
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
	 * {level, uncertainty} of the Pt: the median over the shell's mid-surface (voxels about as far from the
	 * interior as from the medium), where blur least lowers a thin shell; uncertainty the standard error
	 * plus the scatter of the medians of the eight octants around the interior's centre (the missing
	 * wedge leaves the shell weaker in the blocked directions), plus the drop of the level one voxel off
	 * the mid-surface (a thin, blurred shell never reaches the Pt level).
	 */
	private static double[] ridgeLevel(Segmentation sg, byte[][] lab, float[][] dOut, float[][] dInt, int zOff, Regions.Component box) {
		double tol = sg.coarse();
		double cx = (box.x0 + box.x1) / 2.0, cy = (box.y0 + box.y1) / 2.0, cz = (box.z0 + box.z1) / 2.0;
		float[][] oct = new float[8][];
		for (int k = 0; k < 8; k++) {
			int q = k;
			oct[k] = Levels.sorted(sg.s, sg.n, (z, i) -> {
				if (lab[z][i] != SHELL || z < zOff || z >= zOff + dInt.length) return false;
				double a = Math.sqrt(dInt[z - zOff][i]), b = Math.sqrt(dOut[z][i]);
				if (Math.abs(a - b) > tol) return false;
				int x = i % sg.w, y = i / sg.w;
				return ((x >= cx ? 1 : 0) | (y >= cy ? 2 : 0) | (z >= cz ? 4 : 0)) == q;
			});
		}
		int total = 0;
		for (float[] o : oct) total += o.length;
		if (total < 20) return new double[] { Double.NaN, Double.NaN };
		float[] all = new float[total];
		int off = 0;
		for (float[] o : oct) {
			System.arraycopy(o, 0, all, off, o.length);
			off += o.length;
		}
		java.util.Arrays.parallelSort(all);
		double m = Levels.quantile(all, 0.5), se = 1.2533 * Levels.sigma(all) / Math.sqrt(total);
		double sum = 0, sum2 = 0;
		int k = 0;
		for (float[] o : oct)
			if (o.length >= 10) {
				double q = Levels.quantile(o, 0.5);
				sum += q;
				sum2 += q * q;
				k++;
			}
		double scatter = k > 1 ? Math.sqrt(Math.max(0, (sum2 - sum * sum / k) / (k - 1))) : 0;
		// A shell thin against the blur has a peaked profile whose top stays below the Pt level: the drop one
		// voxel off the ridge (towards the interior) bounds that deficit.
		float[] offRidge = Levels.sorted(sg.s, sg.n, (z, i) -> {
			if (lab[z][i] != SHELL || z < zOff || z >= zOff + dInt.length) return false;
			double a = Math.sqrt(dInt[z - zOff][i]), b = Math.sqrt(dOut[z][i]);
			return b - a > tol && b - a <= 3 * tol;
		});
		double peaked = offRidge.length >= 10 ? Math.max(0, m - Levels.quantile(offRidge, 0.5)) : 0;
		return new double[] { m, se + scatter + peaked };
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
			reg.flood(c.seed, TMP2, (byte) (3 + objects.size()));
			objects.add(c);
		}
		reg.replace(TMP2, (byte) 0);
	}
}
