package org.txmsuite.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metadata of one frame. Unknown numbers are {@code NaN}. Mutable: readers fill it in; stages copy it
 * with {@link #copy()} before changing it.
 */
public final class FrameInfo {
	private FrameKind kind = FrameKind.SAMPLE;
	private double angleDeg = Double.NaN;
	private double energyEv = Double.NaN;
	private double exposureS = Double.NaN;
	/** Seconds since the start of the scan. */
	private double timeS = Double.NaN;
	private String name = "";
	/** Stage positions by axis name (units as the instrument reports them, usually um or degrees). */
	private final Map<String, Double> positions = new LinkedHashMap<>();

	public FrameInfo() {}

	public FrameInfo(FrameKind kind, double angleDeg, double energyEv, double exposureS) {
		this.kind = kind;
		this.angleDeg = angleDeg;
		this.energyEv = energyEv;
		this.exposureS = exposureS;
	}

	public FrameInfo copy() {
		FrameInfo c = new FrameInfo(kind, angleDeg, energyEv, exposureS);
		c.timeS = timeS;
		c.name = name;
		c.positions.putAll(positions);
		return c;
	}

	public FrameKind kind() { return kind; }
	public FrameInfo kind(FrameKind k) { kind = k; return this; }
	public double angleDeg() { return angleDeg; }
	public FrameInfo angleDeg(double v) { angleDeg = v; return this; }
	public double energyEv() { return energyEv; }
	public FrameInfo energyEv(double v) { energyEv = v; return this; }
	public double exposureS() { return exposureS; }
	public FrameInfo exposureS(double v) { exposureS = v; return this; }
	public double timeS() { return timeS; }
	public FrameInfo timeS(double v) { timeS = v; return this; }
	public String name() { return name; }
	public FrameInfo name(String v) { name = v == null ? "" : v; return this; }
	public Map<String, Double> positions() { return positions; }
	public FrameInfo position(String axis, double value) { positions.put(axis, value); return this; }

	@Override
	public String toString() {
		return MetadataCodec.sliceLabel(this);
	}
}
