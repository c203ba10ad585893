package org.txmsuite.segment;

import java.util.stream.IntStream;

import org.txmsuite.core.TxmException;
import org.txmsuite.core.Volume;

/** Steps both segmenters share: voxel size, smoothing, automatic threshold, measuring one object in its box, the check image. */
final class Segmentation {
	final int w, h, d, n;
	/** Voxel sizes in um. */
	final double sx, sy, sz;
	final double[] voxelNm;
	/** Smoothed grey values. */
	final float[][] s;
	/** Missing wedge of the scan (from the options' angles, else the volume's), null if unknown. */
	final Wedge wedge;

	/** Gives the code of a voxel for {@link PartialVolume} from its label. */
	@FunctionalInterface
	interface Coder {
		byte code(byte label, int z, int i);
	}

	Segmentation(Volume v, double voxelNmOverride, double smoothVoxels, double[] thetaDeg) {
		wedge = Wedge.of(thetaDeg != null && thetaDeg.length > 0 ? thetaDeg : v.thetaDeg());
		w = v.width();
		h = v.height();
		d = v.depth();
		n = w * h;
		if (voxelNmOverride > 0) voxelNm = new double[] { voxelNmOverride, voxelNmOverride, voxelNmOverride };
		else voxelNm = new double[] { v.voxelXNm(), v.voxelYNm(), v.voxelZNm() };
		for (double x : voxelNm)
			if (!(x > 0) || Double.isInfinite(x))
				throw new TxmException("voxel_size_nm: the volume has no voxel size (found " + voxelNm[0] + ", " + voxelNm[1] + ", " + voxelNm[2]
					+ " nm); give voxel_size_nm > 0 or calibrate the image");
		sx = voxelNm[0] / 1000;
		sy = voxelNm[1] / 1000;
		sz = voxelNm[2] / 1000;
		if (d < 3 || w < 3 || h < 3)
			throw new TxmException("input: a volume of at least 3x3x3 voxels is needed, got " + w + "x" + h + "x" + d);
		double fine = Math.min(sx, Math.min(sy, sz));
		s = Smooth.gaussian(v, smoothVoxels * fine / sx, smoothVoxels * fine / sy, smoothVoxels * fine / sz);
	}

	/** Largest voxel size (um): the unit of band widths and closing radii. */
	double coarse() {
		return Math.max(sx, Math.max(sy, sz));
	}

	/**
	 * {threshold, dark level, bright level, noise}: Otsu's split of the histogram, the class medians, the
	 * dark class's robust spread; the threshold is the given one or the midpoint of the class medians.
	 * Fails with a specific message for an empty or constant volume or one without a bright class.
	 */
	double[] threshold(double given, String what) {
		double[] r = Levels.range(s);
		if (!(r[1] > r[0]) || Double.isInfinite(r[1] - r[0]))
			throw new TxmException("input: the volume is empty: every voxel is " + r[0] + "; expected a reconstructed volume with a " + what);
		Levels.Histogram hist = Levels.histogram(s, n, r[0], r[1], null);
		double t0 = Double.isNaN(given) ? hist.otsu() : given;
		double dark = hist.quantile(r[0], t0, 0.5), bright = hist.quantile(t0, r[1] + 1e-9 * (r[1] - r[0]), 0.5);
		double noise = (hist.quantile(r[0], t0, 0.75) - hist.quantile(r[0], t0, 0.25)) / 1.349;
		noise = Math.max(noise, (r[1] - r[0]) / Levels.Histogram.BINS);
		if (Double.isNaN(dark) || Double.isNaN(bright))
			throw new TxmException("threshold: " + given + " leaves every voxel on one side (grey levels " + r[0] + " to " + r[1] + ")");
		if (Double.isNaN(given) && !(bright - dark > 5 * noise))
			throw new TxmException("input: no " + what + " found: the two grey-level classes (medians " + fmt(dark) + " and " + fmt(bright)
				+ ") differ by less than 5 times the noise (" + fmt(noise) + "); the volume holds no " + what + " or only noise");
		double t = Double.isNaN(given) ? (dark + bright) / 2 : given;
		return new double[] { t, dark, bright, noise };
	}

	static String fmt(double v) {
		return String.format(java.util.Locale.ROOT, "%.4g", v);
	}

	/** Measures one object in its bounding box grown by {@code margin} voxels. */
	MeasuredObject measureInBox(int label, String name, Regions.Component box, int margin, byte[][] labels, Coder coder, int band,
		double objectLevel, double surroundLevel) {
		return measureInBox(label, name, box, margin, labels, coder, band, objectLevel, surroundLevel, 0);
	}

	MeasuredObject measureInBox(int label, String name, Regions.Component box, int margin, byte[][] labels, Coder coder, int band,
		double objectLevel, double surroundLevel, double surroundUncertainty) {
		int x0 = Math.max(0, box.x0 - margin), x1 = Math.min(w - 1, box.x1 + margin);
		int y0 = Math.max(0, box.y0 - margin), y1 = Math.min(h - 1, box.y1 + margin);
		int z0 = Math.max(0, box.z0 - margin), z1 = Math.min(d - 1, box.z1 + margin);
		int cw = x1 - x0 + 1, ch = y1 - y0 + 1, cd = z1 - z0 + 1;
		float[][] vals = new float[cd][cw * ch];
		byte[][] codes = new byte[cd][cw * ch];
		IntStream.range(0, cd).parallel().forEach(k -> {
			int z = z0 + k;
			for (int y = 0; y < ch; y++) {
				int src = (y0 + y) * w + x0, dst = y * cw;
				System.arraycopy(s[z], src, vals[k], dst, cw);
				for (int x = 0; x < cw; x++) codes[k][dst + x] = coder.code(labels[z][src + x], z, src + x);
			}
		});
		return PartialVolume.measure(label, name, vals, codes, cw, ch, sx, sy, sz, band, objectLevel, surroundLevel, surroundUncertainty, wedge);
	}

	/** Bounding box of the voxels of one label (as a component without size). */
	Regions.Component box(byte[][] labels, byte label) {
		Regions.Component c = new Regions.Component();
		for (int z = 0; z < d; z++) {
			byte[] l = labels[z];
			for (int i = 0; i < n; i++)
				if (l[i] == label) {
					int x = i % w, y = i / w;
					c.x0 = Math.min(c.x0, x); c.x1 = Math.max(c.x1, x);
					c.y0 = Math.min(c.y0, y); c.y1 = Math.max(c.y1, y);
					c.z0 = Math.min(c.z0, z); c.z1 = Math.max(c.z1, z);
					c.voxels++;
				}
		}
		return c;
	}

	/** The check image through the centre of a box, windowed between two levels. */
	OrthoView view(byte[][] labels, Regions.Component centre, double lo, double hi, int excludedLabel) {
		int cx = centre.voxels > 0 ? (centre.x0 + centre.x1) / 2 : w / 2;
		int cy = centre.voxels > 0 ? (centre.y0 + centre.y1) / 2 : h / 2;
		int cz = centre.voxels > 0 ? (centre.z0 + centre.z1) / 2 : d / 2;
		double span = hi - lo;
		return OrthoView.render(s, labels, w, h, cx, cy, cz, lo - 0.1 * span, hi + 0.1 * span, excludedLabel);
	}
}
