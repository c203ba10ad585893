package org.txmsuite.normalize;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What a normalization produced and what it had to repair, for the user to see. */
public final class NormalizeResult {
	private final org.txmsuite.core.FrameStack frames;
	private final int frameCount;
	private final long badPixels;
	private final long clampedPixels;
	private final long zingers;
	private final int referenceBlocks;
	private final boolean exposureCorrected;
	private final NormalizeOptions.ReferenceMode mode;
	private final List<String> warnings;

	NormalizeResult(org.txmsuite.core.FrameStack frames, int frameCount, long badPixels, long clampedPixels, long zingers,
		int referenceBlocks, boolean exposureCorrected, NormalizeOptions.ReferenceMode mode, List<String> warnings) {
		this.frames = frames;
		this.frameCount = frameCount;
		this.badPixels = badPixels;
		this.clampedPixels = clampedPixels;
		this.zingers = zingers;
		this.referenceBlocks = referenceBlocks;
		this.exposureCorrected = exposureCorrected;
		this.mode = mode;
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/** The normalized sample frames, in input order; null when the frames went to a sink. */
	public org.txmsuite.core.FrameStack frames() { return frames; }
	/** Number of sample frames normalized. */
	public int frameCount() { return frameCount; }
	/** Pixels whose reference (flat minus dark) was zero, negative or not finite, or whose sample was not finite: set to T = 1. */
	public long badPixels() { return badPixels; }
	/** Pixels whose transmission was at or below {@link NormalizeOptions#MIN_TRANSMISSION}: clamped to it. */
	public long clampedPixels() { return clampedPixels; }
	/** Pixels replaced by zinger removal (samples, references and darks). */
	public long zingers() { return zingers; }
	/** Reference images formed (blocks of consecutive references, or one per energy for mean/median). */
	public int referenceBlocks() { return referenceBlocks; }
	/** True if sample and reference exposures were divided out. */
	public boolean exposureCorrected() { return exposureCorrected; }
	/** The reference mode actually used (linear/nearest fall back to mean without an acquisition order). */
	public NormalizeOptions.ReferenceMode mode() { return mode; }
	public List<String> warnings() { return warnings; }

	/** One line for logs and the output's metadata. */
	public String summary() {
		return String.format(Locale.ROOT,
			"%d frames, references %s (%d reference images), exposure correction %s, %d bad-reference pixels set to T=1, "
				+ "%d pixels clamped at T=%s, %d zingers removed",
			frameCount, mode.name().toLowerCase(Locale.ROOT), referenceBlocks, exposureCorrected ? "on" : "off", badPixels,
			clampedPixels, NormalizeOptions.MIN_TRANSMISSION, zingers);
	}
}
