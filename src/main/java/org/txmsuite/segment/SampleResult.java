package org.txmsuite.segment;

import java.util.List;

/** Result of {@link SampleSegmenter}: the sample's volume (label 2, or all components summed). */
public final class SampleResult extends SegmentResult {
	public final long sampleVoxels;
	public final double sampleVolumeUm3, surfaceUm2, uncertaintyUm3;
	/** Components touching the border (gasket, or its rim) that were excluded (label 1). */
	public final int excludedComponents;

	SampleResult(byte[][] labels, int width, int height, double[] voxelNm, List<MeasuredObject> objects, double threshold, OrthoView view,
		boolean all, int excludedComponents) {
		super(labels, width, height, voxelNm, objects, threshold, view);
		long n = 0;
		double v = 0, s = 0, u = 0;
		for (MeasuredObject o : objects)
			if (all || o.label == 2) {
				n += o.voxels;
				v += o.volumeUm3;
				s += o.surfaceUm2;
				u += o.uncertaintyUm3;
			}
		sampleVoxels = n;
		sampleVolumeUm3 = v;
		surfaceUm2 = s;
		uncertaintyUm3 = u;
		this.excludedComponents = excludedComponents;
	}
}
