package org.txmsuite.acquire;

import org.txmsuite.core.FrameKind;

/**
 * What an acquisition file name says about its frame: kind, repeat, running index, sample name,
 * rotation angle, mosaic tile, energy and which of several exposures at one position it is. Missing
 * values are NaN (angle, energy), -1 (tile, index) or 0 (repeat, exposure numbers). Built by
 * {@link FrameNames#decode(String)} or by the scan generator, turned into text by {@link #fileName()}.
 */
public final class FrameName {
	private final FrameKind kind;
	private final String sample;
	private final int repeat;
	private final int index;
	private final double angleDeg;
	private final int tileX, tileY;
	private final double energyEv;
	private final int exposure, exposures;

	public FrameName(FrameKind kind, String sample, int repeat, int index, double angleDeg, int tileX, int tileY,
		double energyEv, int exposure, int exposures) {
		this.kind = kind;
		this.sample = sample;
		this.repeat = repeat;
		this.index = index;
		this.angleDeg = angleDeg;
		this.tileX = tileX;
		this.tileY = tileY;
		this.energyEv = energyEv;
		this.exposure = exposure;
		this.exposures = exposures;
	}

	/** Sample, flat (reference, {@code _ref_}) or dark ({@code _dark_}). */
	public FrameKind kind() {
		return kind;
	}

	/** Sample name as written in the file name (may be empty when it cannot be told apart). */
	public String sample() {
		return sample;
	}

	/** Repeat number ({@code rep01} is 1); 0 when the name has none. */
	public int repeat() {
		return repeat;
	}

	/** Running collection index; -1 when the name has none. */
	public int index() {
		return index;
	}

	/** Rotation angle in degrees ({@code _-089.00_Degree}); NaN when the name has none. */
	public double angleDeg() {
		return angleDeg;
	}

	/** Mosaic column as written ({@code _X02_Y01} is 2; our names count from 1, some beamlines from 0); -1 when not a mosaic tile. */
	public int tileX() {
		return tileX;
	}

	/** Mosaic row as written; -1 when not a mosaic tile. */
	public int tileY() {
		return tileY;
	}

	/** True when the name carries a mosaic tile. */
	public boolean isTile() {
		return tileX >= 0 && tileY >= 0;
	}

	/** Energy in eV ({@code _08324.00_eV}); NaN when absent or written as 0 (SSRL's "no energy"). */
	public double energyEv() {
		return energyEv;
	}

	/** Which exposure at this position ({@code _002of005} is 2); 0 when the name has none. */
	public int exposure() {
		return exposure;
	}

	/** How many exposures at this position ({@code _002of005} is 5); 0 when the name has none. */
	public int exposures() {
		return exposures;
	}

	/** The file name this frame gets in our macros, SSRL 6-2c style (see {@link FrameNames}). */
	public String fileName() {
		return FrameNames.encode(this);
	}

	@Override
	public String toString() {
		return fileName();
	}
}
