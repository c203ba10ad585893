package org.txmsuite.acquire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.txmsuite.core.TxmException;

/**
 * Reads XMController macros into {@link MacroCommand}s. It understands only {@code sete},
 * {@code moveto <axis> <value>} ({@code moveto energy} is an energy change), {@code setexp},
 * {@code setbinning}, {@code collect} and {@code wait}; everything else stops the parse with
 * {@code line N: ...}. Tolerated variants seen in real macros: any letter case, tabs and repeated
 * spaces, Windows line ends and a byte-order mark, blank lines, {@code ;} comment lines and trailing
 * {@code ;} comments, any axis name, and quoted file names. Nothing is executed.
 */
public final class MacroParser {
	private static final Pattern AXIS = Pattern.compile("[a-z][a-z0-9_.:-]*");
	private static final Pattern SPACE = Pattern.compile("[ \\t]+");
	private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

	private MacroParser() {}

	/** Parses a macro file (UTF-8, or Latin-1 when it is not valid UTF-8). */
	public static MacroScript parse(Path file) {
		if (!Files.isRegularFile(file)) throw new TxmException("macro file not found: " + file);
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new TxmException("cannot read macro " + file + ": " + e.getMessage(), e);
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') >= 0) text = new String(bytes, StandardCharsets.ISO_8859_1);
		return parse(text);
	}

	/** Parses macro text. */
	public static MacroScript parse(String text) {
		if (text.startsWith("\uFEFF")) text = text.substring(1);
		List<String> lines = Arrays.asList(text.split("\r\n|\r|\n", -1));
		int count = lines.size();
		if (count > 0 && lines.get(count - 1).isEmpty()) count--; // a final line end does not start a line
		List<MacroCommand> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			MacroCommand c = parseLine(lines.get(i), i + 1);
			if (c != null) out.add(c);
		}
		return new MacroScript(out, count);
	}

	/** One line: an instruction, or null for a blank or comment line. */
	public static MacroCommand parseLine(String raw, int line) {
		String s = raw.strip();
		int comment = s.indexOf(';');
		if (comment >= 0) s = s.substring(0, comment).strip();
		if (s.isEmpty()) return null;
		String[] w = SPACE.split(s);
		String verb = w[0].toLowerCase(Locale.ROOT);
		switch (verb) {
		case "sete":
			words(w, 2, "sete <eV>", line, raw);
			return MacroCommand.setEnergy(energy(w[1], line, raw)).atLine(line);
		case "moveto": {
			words(w, 3, "moveto <axis> <value>", line, raw);
			String axis = w[1].toLowerCase(Locale.ROOT);
			if (!AXIS.matcher(axis).matches()) throw bad(line, "'" + w[1] + "' is not an axis name", raw);
			if (axis.equals("energy")) return MacroCommand.setEnergy(energy(w[2], line, raw)).atLine(line);
			return MacroCommand.move(axis, number(w[2], line, raw)).atLine(line);
		}
		case "setexp": {
			words(w, 2, "setexp <seconds>", line, raw);
			double v = number(w[1], line, raw);
			if (!(v > 0)) throw bad(line, "exposure must be > 0 s, got " + w[1], raw);
			return MacroCommand.setExposure(v).atLine(line);
		}
		case "setbinning": {
			words(w, 2, "setbinning <n>", line, raw);
			if (!w[1].matches("\\+?[0-9]{1,4}") || Integer.parseInt(w[1].replace("+", "")) < 1)
				throw bad(line, "binning must be a whole number >= 1, got '" + w[1] + "'", raw);
			return MacroCommand.setBinning(Integer.parseInt(w[1].replace("+", ""))).atLine(line);
		}
		case "collect": {
			String f = s.substring(w[0].length()).strip();
			if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) f = f.substring(1, f.length() - 1).strip();
			if (f.isEmpty()) throw bad(line, "'collect' needs a file name", raw);
			return MacroCommand.collect(f).atLine(line);
		}
		case "wait": {
			words(w, 2, "wait <seconds>", line, raw);
			double v = number(w[1], line, raw);
			if (v < 0) throw bad(line, "wait must be >= 0 s, got " + w[1], raw);
			return MacroCommand.waitSeconds(v).atLine(line);
		}
		default:
			throw bad(line, "unknown command '" + w[0] + "' (expected sete, moveto, setexp, setbinning, collect, wait or a ; comment)", raw);
		}
	}

	private static void words(String[] w, int n, String form, int line, String raw) {
		if (w.length < n) throw bad(line, "'" + w[0] + "' is incomplete, expected " + form, raw);
		if (w.length > n) throw bad(line, "unexpected '" + w[n] + "' after the value, expected " + form, raw);
	}

	private static double energy(String t, int line, String raw) {
		double e = number(t, line, raw);
		if (!(e > 0)) throw bad(line, "energy must be > 0 eV, got " + t, raw);
		return e;
	}

	private static double number(String t, int line, String raw) {
		if (!NUMBER.matcher(t).matches()) throw bad(line, "'" + t + "' is not a number", raw);
		return Double.parseDouble(t);
	}

	private static TxmException bad(int line, String what, String raw) {
		return new TxmException("line " + line + ": " + what + " in '" + raw.strip() + "'");
	}
}
