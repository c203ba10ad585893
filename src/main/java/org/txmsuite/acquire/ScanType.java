package org.txmsuite.acquire;

import java.util.Locale;

import org.txmsuite.core.TxmException;

/** The kinds of scan a plan describes. */
public enum ScanType {
	/** One rotation series at one (or no) energy. */
	TOMOGRAPHY("tomography"),
	/** One image position per energy, energies from regions. */
	XANES2D("xanes2d"),
	/** A rotation series at every energy. */
	XANES3D("xanes3d"),
	/** A grid of overlapping tiles around the sample centre at one (or no) energy. */
	MOSAIC("mosaic");

	private final String label;

	ScanType(String label) {
		this.label = label;
	}

	/** The name used by the command's {@code scan_type} parameter. */
	public String label() {
		return label;
	}

	public boolean hasAngles() {
		return this == TOMOGRAPHY || this == XANES3D;
	}

	public boolean hasEnergyScan() {
		return this == XANES2D || this == XANES3D;
	}

	public static ScanType parse(String s) {
		for (ScanType t : values())
			if (t.label.equalsIgnoreCase(s.strip()) || t.name().equalsIgnoreCase(s.strip())) return t;
		throw new TxmException("scan_type '" + s + "' must be one of tomography, xanes2d, xanes3d, mosaic");
	}

	@Override
	public String toString() {
		return label.toLowerCase(Locale.ROOT);
	}
}
