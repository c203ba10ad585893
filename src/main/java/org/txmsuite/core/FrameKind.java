package org.txmsuite.core;

import java.util.Locale;

/** What a frame shows: the sample, the beam without the sample (flat / reference), or no beam (dark). */
public enum FrameKind {
	SAMPLE, FLAT, DARK;

	/** Lowercase name used in tables, slice labels and the TIFF metadata block. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a kind name or a slice label: a label starting with {@code flat}, {@code ref},
	 * {@code white} or {@code bkg} is a reference, {@code dark} a dark frame, anything else a sample.
	 */
	public static FrameKind fromLabel(String label) {
		if (label == null) return SAMPLE;
		String s = label.trim().toLowerCase(Locale.ROOT);
		if (s.startsWith("flat") || s.startsWith("ref") || s.startsWith("white") || s.startsWith("bkg")) return FLAT;
		if (s.startsWith("dark")) return DARK;
		return SAMPLE;
	}
}
