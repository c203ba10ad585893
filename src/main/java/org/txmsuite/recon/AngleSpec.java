package org.txmsuite.recon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;

/**
 * Rotation angles in degrees from text: {@code "start:stop:step"} (both ends inclusive, step may be
 * negative), comma-separated lists whose items are numbers or ranges ({@code "0:90:1,95,100:134:2"}),
 * or the path of a text file holding numbers separated by white space, commas or semicolons (lines
 * starting with {@code #} are comments).
 */
public final class AngleSpec {
	private AngleSpec() {}

	/**
	 * Parses an angle specification.
	 *
	 * @param spec the text (range, list or file path)
	 * @param expectedCount the number of projections the angles must match, or a value &lt; 1 for no check
	 * @return the angles in degrees, in projection order
	 * @throws TxmException if the text is empty, malformed, yields no angle or the wrong count
	 */
	public static double[] parse(String spec, int expectedCount) {
		if (spec == null || spec.trim().isEmpty())
			throw new TxmException("angles: the angle set is empty; expected \"start:stop:step\", a comma list or a text file");
		String s = spec.trim();
		double[] a = looksLikeFile(s) ? readFile(Paths.get(s)) : parseList(s, "angles");
		if (a.length == 0) throw new TxmException("angles: '" + spec + "' gives no angle; expected at least one");
		if (expectedCount > 0 && a.length != expectedCount)
			throw new TxmException("angles: '" + abbreviate(s) + "' gives " + a.length + " angles, but the stack has "
				+ expectedCount + " projections; expected one angle per projection");
		return a;
	}

	/**
	 * The angles for a projection stack: parsed from {@code spec} when it is not blank, else the stack's
	 * per-frame metadata (which must be complete).
	 */
	public static double[] resolve(String spec, FrameStack stack) {
		if (spec != null && !spec.trim().isEmpty()) return parse(spec, stack.size());
		double[] a = stack.anglesDeg();
		for (int i = 0; i < a.length; i++)
			if (!Double.isFinite(a[i]))
				throw new TxmException("angles: the stack has no rotation angle for projection " + i
					+ " in its metadata; give angles=\"start:stop:step\", a list or a file");
		if (a.length == 0) throw new TxmException("angles: the stack has no projections");
		return a;
	}

	private static boolean looksLikeFile(String s) {
		if (s.matches("[-+0-9.eE:,;\\s]*")) return false;
		return Files.isRegularFile(Paths.get(s)) || s.contains("/") || s.contains("\\") || s.matches(".*\\.[A-Za-z]+$");
	}

	private static double[] readFile(Path p) {
		if (!Files.isRegularFile(p)) throw new TxmException("angles: '" + p + "' is neither an angle range/list nor an existing file");
		StringBuilder b = new StringBuilder();
		try {
			for (String line : Files.readAllLines(p)) {
				String t = line.trim();
				if (t.isEmpty() || t.startsWith("#")) continue;
				b.append(t).append(',');
			}
		} catch (IOException e) {
			throw new TxmException("angles: cannot read '" + p + "': " + e.getMessage(), e);
		}
		String body = b.toString().replaceAll("[\\s;]+", ",").replaceAll(",+", ",").replaceAll("^,|,$", "");
		return body.isEmpty() ? new double[0] : parseList(body, "angles file '" + p + "'");
	}

	private static double[] parseList(String s, String what) {
		double[] out = new double[16];
		int n = 0;
		for (String item : s.split(",")) {
			String t = item.trim();
			if (t.isEmpty()) throw new TxmException(what + ": empty item in '" + abbreviate(s) + "'");
			double[] part = t.contains(":") ? range(t, what) : new double[] { number(t, what) };
			if (n + part.length > out.length) out = Arrays.copyOf(out, Math.max(2 * out.length, n + part.length));
			System.arraycopy(part, 0, out, n, part.length);
			n += part.length;
		}
		return Arrays.copyOf(out, n);
	}

	private static double[] range(String t, String what) {
		String[] p = t.split(":");
		if (p.length != 3) throw new TxmException(what + ": range '" + t + "' must be start:stop:step");
		double a = number(p[0], what), b = number(p[1], what), step = number(p[2], what);
		if (step == 0 || (b - a) * step < 0)
			throw new TxmException(what + ": range '" + t + "' has step " + step + " that does not lead from " + a + " to " + b);
		long count = (long) Math.floor((b - a) / step + 1e-9) + 1;
		if (count > 10_000_000) throw new TxmException(what + ": range '" + t + "' gives " + count + " angles; expected fewer than 10 million");
		double[] r = new double[(int) count];
		for (int i = 0; i < r.length; i++) r[i] = a + i * step;
		return r;
	}

	private static double number(String t, String what) {
		try {
			double v = Double.parseDouble(t.trim());
			if (!Double.isFinite(v)) throw new NumberFormatException();
			return v;
		} catch (NumberFormatException e) {
			throw new TxmException(what + ": '" + t.trim() + "' is not a number");
		}
	}

	private static String abbreviate(String s) {
		return s.length() > 60 ? s.substring(0, 57) + "..." : s;
	}
}
