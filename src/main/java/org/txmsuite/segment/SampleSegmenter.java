package org.txmsuite.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;
import org.txmsuite.core.Volume;

/**
 * Volume of a directly visible sample (GeO2 glass, metallic glass) in its pressure medium: smooth,
 * threshold (Otsu, then the midpoint of the class medians, or given levels), 6-connected components;
 * components touching the border (the gasket), voxels above an optional upper level (gasket, Au
 * beads) and the components touching those (their blurred rims) are excluded (label 1); the largest remaining component is the sample (label 2) and the others
 * are listed as objects (3+), or every component is measured ({@code allComponents}). Each object is
 * measured by {@link PartialVolume} between its own level and the medium around it.
 */
public final class SampleSegmenter {
	private SampleSegmenter() {}

	private static final byte EXCLUDED = 1, TMP = -1, TMP2 = -2, BRIGHT = -3;

	public static SampleResult measure(Volume volume, SampleOptions o, Progress progress) {
		final int steps = 4;
		progress.report(0, steps, "smoothing");
		Segmentation sg = new Segmentation(volume, o.voxelSizeNm, o.smoothVoxels, o.thetaDeg);
		int w = sg.w, h = sg.h, d = sg.d, n = sg.n;
		float[][] s = sg.s;
		progress.checkCancelled();
		progress.report(1, steps, "threshold and components");
		double[] th = sg.threshold(o.threshold, "sample");
		double t = th[0], upper = o.maxThreshold;
		if (upper <= t) throw new TxmException("max_threshold: " + upper + " must be above the threshold " + Segmentation.fmt(t));
		byte[][] lab = new byte[d][n];
		IntStream.range(0, d).parallel().forEach(z -> {
			for (int i = 0; i < n; i++) if (s[z][i] >= t) lab[z][i] = s[z][i] > upper ? BRIGHT : TMP;
		});
		Regions reg = new Regions(lab, w, h);
		reg.replace(BRIGHT, EXCLUDED);
		List<Regions.Component> comps = reg.watch(EXCLUDED).components(TMP, TMP2);
		comps.sort(Comparator.comparingLong((Regions.Component c) -> c.voxels).reversed());
		List<Regions.Component> kept = new ArrayList<>();
		int excluded = 0;
		for (Regions.Component c : comps) {
			if (c.border || c.touches) {
				reg.flood(c.seed, TMP2, EXCLUDED);
				if (c.border) excluded++;
			}
			else if (c.voxels >= o.minObjectVoxels && kept.size() < PtShellSegmenter.MAX_OBJECTS) {
				reg.flood(c.seed, TMP2, (byte) (2 + kept.size()));
				kept.add(c);
			}
		}
		reg.replace(TMP2, (byte) 0);
		if (kept.isEmpty())
			throw new TxmException("input: no sample found: " + (excluded > 0 ? "all " + excluded + " components above the threshold "
				+ Segmentation.fmt(t) + " touch the volume border (gasket or a sample cut by the border); crop a volume that holds the whole sample"
				: "no component above the threshold " + Segmentation.fmt(t) + " has " + o.minObjectVoxels + " voxels or more"));
		progress.checkCancelled();
		List<MeasuredObject> objects = new ArrayList<>();
		for (int k = 0; k < kept.size(); k++) {
			progress.report(2, steps, "measuring object " + (k + 1) + " of " + kept.size());
			byte code = (byte) (2 + k);
			MeasuredObject m = sg.measureInBox(2 + k, "object", kept.get(k), 2 * o.bandVoxels + 6, lab,
				(l, z, i) -> l == code ? PartialVolume.OBJECT : l == 0 ? PartialVolume.FREE : 0, o.bandVoxels, Double.NaN, Double.NaN);
			objects.add(m.relabel(2 + k, k == 0 || o.allComponents ? "sample" : "object"));
			progress.checkCancelled();
		}
		progress.report(3, steps, "check image");
		OrthoView view = sg.view(lab, kept.get(0), th[1], th[2], EXCLUDED);
		progress.report(steps, steps, "done");
		return new SampleResult(lab, w, h, sg.voxelNm, objects, t, view, o.allComponents, excluded);
	}
}
