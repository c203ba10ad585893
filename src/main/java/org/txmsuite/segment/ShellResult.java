package org.txmsuite.segment;

import java.util.List;

/** Result of {@link PtShellSegmenter}: the interior (label 2) in front, and the gap closing that was needed. */
public final class ShellResult extends SegmentResult {
	public final long interiorVoxels;
	public final double interiorVolumeUm3, surfaceUm2, uncertaintyUm3;
	/** Gap-closing radius that closed the shell (voxels; 0 = the shell was closed as segmented). */
	public final int closingVoxels;
	/** Robust grey levels of the Pt shell and of the interior next to it. */
	public final double shellLevel, interiorLevel;

	ShellResult(byte[][] labels, int width, int height, double[] voxelNm, List<MeasuredObject> objects, double threshold, OrthoView view,
		int closingVoxels) {
		super(labels, width, height, voxelNm, objects, threshold, view);
		MeasuredObject in = object(2);
		interiorVoxels = in.voxels;
		interiorVolumeUm3 = in.volumeUm3;
		surfaceUm2 = in.surfaceUm2;
		uncertaintyUm3 = in.uncertaintyUm3;
		shellLevel = in.surroundLevel;
		interiorLevel = in.objectLevel;
		this.closingVoxels = closingVoxels;
	}
}
