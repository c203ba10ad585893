package org.txmsuite.segment;

import java.util.List;

/**
 * What a segmentation gives back: an 8-bit label volume (0 outside / medium, 1 shell or excluded
 * bright matter, 2 interior or sample, 3+ other objects), one {@link MeasuredObject} per label 2+, the
 * threshold used and an RGB check image (orthogonal slices with outlines).
 */
public class SegmentResult {
	public final byte[][] labels;
	public final int width, height;
	public final double voxelXNm, voxelYNm, voxelZNm;
	public final List<MeasuredObject> objects;
	public final double threshold;
	/** RGB check image (packed 0xRRGGBB). */
	public final int[] view;
	public final int viewWidth, viewHeight;

	SegmentResult(byte[][] labels, int width, int height, double[] voxelNm, List<MeasuredObject> objects, double threshold, OrthoView view) {
		this.labels = labels;
		this.width = width;
		this.height = height;
		this.voxelXNm = voxelNm[0];
		this.voxelYNm = voxelNm[1];
		this.voxelZNm = voxelNm[2];
		this.objects = List.copyOf(objects);
		this.threshold = threshold;
		this.view = view.pixels;
		this.viewWidth = view.width;
		this.viewHeight = view.height;
	}

	/** The row of a label, or null. */
	public MeasuredObject object(int label) {
		for (MeasuredObject o : objects) if (o.label == label) return o;
		return null;
	}
}
