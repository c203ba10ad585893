package org.txmsuite.core;

/** What the pixel values of a stack mean, so that no stage normalizes twice. */
public enum DataState {
	/** Detector counts (sample, flat and dark frames as collected). */
	RAW,
	/** Transmission I/I0, already flat/dark corrected (e.g. FXI {@code /img_xanes}). */
	TRANSMISSION,
	/** Absorbance -ln(I/I0), i.e. projected attenuation line integrals. */
	ABSORBANCE;

	public static DataState parse(String s) {
		return s == null || s.isEmpty() ? RAW : valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
	}
}
