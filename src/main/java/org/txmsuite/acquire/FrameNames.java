package org.txmsuite.acquire;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.txmsuite.core.FrameKind;
import org.txmsuite.core.TxmException;

/**
 * The file-name convention of SSRL 6-2c macros (TXM-Wizard), written and read. Our macros name frames
 * <pre>
 *   rep01_00042_Sample_-089.00_Degree_X01_Y02_08324.00_eV_001of002.xrm    sample image
 *   rep01_ref_00043_Sample_08324.00_eV_001of005.xrm                       reference (flat)
 *   rep01_dark_00000_Sample_08324.00_eV_001of010.xrm                      dark frame
 * </pre>
 * repeat ({@code repNN}), kind token ({@code ref} / {@code dark}, none for samples), a running index,
 * the sample name, then only what the scan varies: angle {@code %07.2f_Degree}, mosaic tile
 * {@code X<col>_Y<row>} (from 1), energy {@code %08.2f_eV} (00000.00 when the scan sets none), and
 * exposure {@code kkkofnnn}. References carry {@code _ref_} and energies sit before {@code _eV}, as
 * the SSRL readers (TXM-Wizard, PF_ImagingXAFS, Xanespy, tomopyui) expect.
 * <p>
 * {@link #decode} also reads beamline names written by other software ({@code rep01_000001_ref_2015..._08250.0_eV_001of010.xrm},
 * {@code ..._x01_y00_...}, {@code ..._8333eV.xrm}, {@code Flat_...}, {@code dark...}): any {@code _}-separated
 * token {@code ref}, {@code reference}, {@code flat}, {@code white} or {@code bkg} makes a reference,
 * {@code dark} a dark frame.
 */
public final class FrameNames {
	private static final Pattern REP = Pattern.compile("rep(\\d+)", Pattern.CASE_INSENSITIVE);
	private static final Pattern NUM = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)");
	private static final Pattern GLUED_EV = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)ev", Pattern.CASE_INSENSITIVE);
	private static final Pattern GLUED_DEG = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)(?:deg|degree)", Pattern.CASE_INSENSITIVE);
	private static final Pattern TILE_X = Pattern.compile("x(\\d+)", Pattern.CASE_INSENSITIVE);
	private static final Pattern TILE_Y = Pattern.compile("y(\\d+)", Pattern.CASE_INSENSITIVE);
	private static final Pattern OF = Pattern.compile("(\\d+)of(\\d+)", Pattern.CASE_INSENSITIVE);

	private FrameNames() {}

	/** The file name of a frame in our convention (see the class comment). */
	public static String encode(FrameName f) {
		StringBuilder b = new StringBuilder(80);
		b.append("rep");
		pad(b, Math.max(f.repeat(), 1), 2).append('_');
		if (f.kind() == FrameKind.FLAT) b.append("ref_");
		else if (f.kind() == FrameKind.DARK) b.append("dark_");
		pad(b, Math.max(f.index(), 0), 5).append('_').append(f.sample());
		if (Double.isFinite(f.angleDeg())) fixed(b.append('_'), f.angleDeg(), 7).append("_Degree");
		if (f.isTile()) pad(pad(b.append("_X"), f.tileX(), 2).append("_Y"), f.tileY(), 2);
		fixed(b.append('_'), Double.isFinite(f.energyEv()) ? f.energyEv() : 0, 8).append("_eV_");
		pad(pad(b, Math.max(f.exposure(), 1), 3).append("of"), Math.max(f.exposures(), 1), 3);
		return b.append(".xrm").toString();
	}

	/** Appends a whole number padded with zeros to {@code width} digits (like {@code %0Nd}). */
	private static StringBuilder pad(StringBuilder b, long v, int width) {
		String d = Long.toString(Math.abs(v));
		if (v < 0) b.append('-');
		for (int i = d.length() + (v < 0 ? 1 : 0); i < width; i++) b.append('0');
		return b.append(d);
	}

	/** Appends {@code v} with two decimals, zero-padded to {@code width} characters sign included (like {@code %0N.2f}). */
	private static StringBuilder fixed(StringBuilder b, double v, int width) {
		long h = Math.round(Math.abs(v) * 100);
		boolean neg = v < 0 && h != 0;
		if (neg) b.append('-');
		pad(b, h / 100, width - 3 - (neg ? 1 : 0)).append('.');
		return pad(b, h % 100, 2);
	}

	/** Sample names that survive the round trip: letters, digits, '-', '.', and '_' between them, and no reserved token. */
	public static String checkSampleName(String name) {
		String s = name == null ? "" : name.strip().replace(' ', '-');
		if (!s.matches("[A-Za-z0-9][A-Za-z0-9.-]*(_[A-Za-z0-9.-]+)*"))
			throw new TxmException("sample_name '" + name
				+ "' must be letters, digits, '-' and '.', optionally joined by single '_' (it becomes part of every file name)");
		for (String t : s.split("_")) {
			String l = t.toLowerCase(Locale.ROOT);
			if (isFlatToken(l) || l.equals("dark") || l.equals("ev") || l.equals("degree") || l.matches("rep\\d+")
				|| l.equals("deg") || OF.matcher(l).matches() || NUM.matcher(l).matches() || GLUED_EV.matcher(l).matches()
				|| GLUED_DEG.matcher(l).matches() || TILE_X.matcher(l).matches() || TILE_Y.matcher(l).matches())
				throw new TxmException("sample_name '" + name + "' contains '" + t
					+ "', which the file-name convention reserves (ref, flat, dark, eV, Degree, repNN, NNNofNNN, xNN, yNN, plain numbers)");
		}
		return s;
	}

	private static boolean isFlatToken(String l) {
		return l.equals("ref") || l.equals("reference") || l.equals("flat") || l.equals("white") || l.equals("bkg")
			|| l.equals("background");
	}

	/**
	 * What a file name says about its frame. Folders and the extension are ignored; values the name
	 * does not carry come back as NaN / -1 / 0 (see {@link FrameName}).
	 */
	public static FrameName decode(String fileName) {
		String name = fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		if (dot > 0 && !NUM.matcher(name.substring(dot + 1)).matches()) name = name.substring(0, dot);
		String[] t = name.split("_");
		boolean[] used = new boolean[t.length];
		FrameKind kind = FrameKind.SAMPLE;
		int repeat = 0, index = -1, tileX = -1, tileY = -1, exposure = 0, exposures = 0;
		double angle = Double.NaN, energy = Double.NaN;
		for (int i = 0; i < t.length; i++) {
			String l = t[i].toLowerCase(Locale.ROOT);
			Matcher m;
			if (isFlatToken(l) || i == 0 && l.matches("(ref|flat)\\d*")) {
				kind = FrameKind.FLAT;
				used[i] = true;
			}
			else if (l.equals("dark") || i == 0 && l.matches("dark\\d*")) {
				kind = FrameKind.DARK;
				used[i] = true;
			}
			else if (i == 0 && (m = REP.matcher(l)).matches()) {
				repeat = Integer.parseInt(m.group(1));
				used[i] = true;
			}
			else if (l.equals("ev") && i > 0 && NUM.matcher(t[i - 1]).matches()) {
				energy = Double.parseDouble(t[i - 1]);
				used[i] = used[i - 1] = true;
			}
			else if ((l.equals("degree") || l.equals("deg")) && i > 0 && NUM.matcher(t[i - 1]).matches()) {
				angle = Double.parseDouble(t[i - 1]);
				used[i] = used[i - 1] = true;
			}
			else if ((m = GLUED_EV.matcher(l)).matches()) {
				energy = Double.parseDouble(m.group(1));
				used[i] = true;
			}
			else if ((m = GLUED_DEG.matcher(l)).matches()) {
				angle = Double.parseDouble(m.group(1));
				used[i] = true;
			}
			else if ((m = OF.matcher(l)).matches()) {
				exposure = Integer.parseInt(m.group(1));
				exposures = Integer.parseInt(m.group(2));
				used[i] = true;
			}
			else if (i + 1 < t.length && TILE_X.matcher(l).matches() && TILE_Y.matcher(t[i + 1]).matches()) {
				Matcher y = TILE_Y.matcher(t[i + 1]);
				y.matches();
				tileX = Integer.parseInt(l.substring(1));
				tileY = Integer.parseInt(y.group(1));
				used[i] = used[i + 1] = true;
				i++;
			}
		}
		if (energy == 0) energy = Double.NaN; // SSRL writes 00000.00 when the scan sets no energy
		// After the repeat and kind tokens: a running index (up to 9 digits) and, in some beamline
		// names, a time stamp (longer runs of digits), both before the sample name.
		for (int i = 0; i < t.length && (used[i] || t[i].matches("\\d+")); i++) {
			if (used[i]) continue;
			if (index < 0 && t[i].length() <= 9) index = Integer.parseInt(t[i]);
			used[i] = true;
		}
		int from = 0;
		while (from < t.length && used[from]) from++;
		int to = from;
		while (to < t.length && !used[to]) to++;
		String sample = String.join("_", Arrays.copyOfRange(t, from, to));
		return new FrameName(kind, sample, repeat, index, angle, tileX, tileY, energy, exposure, exposures);
	}
}
