package org.txmsuite.io;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.txmsuite.core.FrameKind;

/**
 * What TXM acquisition macros encode in file names: energy ({@code _08324.0_eV}), rotation angle
 * ({@code _-045.00_Degree}), repeat ({@code _001of010}), mosaic tile ({@code _X01_Y02}) and whether a
 * frame is a reference ({@code ref_...}, {@code _ref_}, {@code bkg}) or a dark ({@code dark}).
 */
public final class TxmFileNames {
	private static final Pattern ENERGY = Pattern.compile("(?i)(?:^|[_\\-])([-+]?\\d+(?:\\.\\d+)?)_?(k?eV)(?=$|[_.\\-])");
	private static final Pattern ANGLE = Pattern.compile("(?i)(?:^|[_\\-])([-+]?\\d+(?:\\.\\d+)?)_?deg(?:ree)?s?(?=$|[_.\\-])");
	private static final Pattern REPEAT = Pattern.compile("(?i)(?:^|[_\\-])(\\d+)of(\\d+)(?=$|[_.\\-])");
	private static final Pattern REP = Pattern.compile("(?i)(?:^|[_\\-])rep(\\d+)(?=$|[_.\\-])");
	private static final Pattern INDEX = Pattern.compile("(?:^|[_\\-])(\\d{5,6})(?=$|[_.\\-])");
	private static final Pattern TILE = Pattern.compile("(?i)(?:^|[_\\-])X(\\d+)_Y(\\d+)(?=$|[_.\\-])");

	private TxmFileNames() {}

	/** The file name without folder and extension. */
	public static String stem(String fileName) {
		String n = fileName.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1);
		int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	/** Energy in eV from the name (keV values are converted), or NaN. */
	public static double energyEv(String fileName) {
		Matcher m = ENERGY.matcher(stem(fileName));
		double e = Double.NaN;
		while (m.find()) {
			e = Double.parseDouble(m.group(1));
			if (m.group(2).toLowerCase(Locale.ROOT).startsWith("k")) e *= 1000;
		}
		return e;
	}

	/** Rotation angle in degrees from the name, or NaN. */
	public static double angleDeg(String fileName) {
		Matcher m = ANGLE.matcher(stem(fileName));
		return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
	}

	/** {index, count} of a {@code _NNNofMMM} repeat tag, or null. */
	public static int[] repeat(String fileName) {
		Matcher m = REPEAT.matcher(stem(fileName));
		return m.find() ? new int[] { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) } : null;
	}

	/** {x, y} of a {@code _X01_Y02} mosaic tile tag, or null. */
	public static int[] tile(String fileName) {
		Matcher m = TILE.matcher(stem(fileName));
		return m.find() ? new int[] { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) } : null;
	}

	/**
	 * Acquisition order from a macro-made name: {repeat ({@code repNN}, 0 if absent), running index (the
	 * first 5- or 6-digit token, e.g. {@code rep01_00003_...} or SSRL's {@code rep01_000001_ref_...})},
	 * or null when the name has no running index.
	 */
	public static long[] acquisitionOrder(String fileName) {
		String st = stem(fileName);
		Matcher m = INDEX.matcher(st);
		if (!m.find()) return null;
		Matcher r = REP.matcher(st);
		return new long[] { r.find() ? Long.parseLong(r.group(1)) : 0, Long.parseLong(m.group(1)) };
	}

	/** The name with the repeat tag removed: frames of one group share it. */
	public static String groupKey(String fileName) {
		return REPEAT.matcher(stem(fileName)).replaceAll("");
	}

	/** Reference ({@code ref_}, {@code _ref}, {@code bkg}, {@code flat}, {@code white}), dark, or sample. */
	public static FrameKind kind(String fileName) {
		String s = stem(fileName).toLowerCase(Locale.ROOT);
		for (String tok : s.split("[_\\-.\\s]+")) {
			if (tok.equals("dark") || tok.equals("darks")) return FrameKind.DARK;
			if (tok.equals("ref") || tok.equals("refs") || tok.equals("bkg") || tok.equals("flat") || tok.equals("flats")
				|| tok.equals("white") || tok.equals("reference")) return FrameKind.FLAT;
		}
		return FrameKind.SAMPLE;
	}
}
