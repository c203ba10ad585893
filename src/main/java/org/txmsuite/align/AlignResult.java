package org.txmsuite.align;

import org.txmsuite.core.FrameStack;

/**
 * Result of {@link ProjectionAligner}: the aligned projections, the displacement found in each measured
 * projection ({@code dx, dy} in pixels, +x right, +y down; shifting a projection by -dx, -dy aligns it),
 * the rotation centre of the aligned stack (pixels), the loops run and the last RMS shift update.
 */
public final class AlignResult {
	public final FrameStack aligned;
	public final double[] dx, dy;
	public final double center;
	public final int loops;
	public final double lastUpdate;

	AlignResult(FrameStack aligned, double[] dx, double[] dy, double center, int loops, double lastUpdate) {
		this.aligned = aligned;
		this.dx = dx;
		this.dy = dy;
		this.center = center;
		this.loops = loops;
		this.lastUpdate = lastUpdate;
	}
}
