package org.txmsuite.acquire;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One instruction of an Xradia XMController macro, as written by {@link MacroWriter} and read by
 * {@link MacroParser}: a motor move, an energy change, exposure or binning setting, an image
 * collection or a wait. Immutable; carries the source line number (0 for generated commands) so an
 * executor can report where it stopped.
 */
public final class MacroCommand {
	/** What an instruction does. */
	public enum Kind {
		/** {@code moveto <axis> <value>}: absolute move of one motor (µm, degrees for {@code t}). */
		MOVE,
		/** {@code sete <eV>} or {@code moveto energy <eV>}: beam energy (monochromator). */
		SET_ENERGY,
		/** {@code setexp <s>}: exposure time of the following collections. */
		SET_EXPOSURE,
		/** {@code setbinning <n>}: detector binning. */
		SET_BINNING,
		/** {@code collect <file>.xrm}: take one image and save it under that name. */
		COLLECT,
		/** {@code wait <s>}: pause (collect does not wait for external movers). */
		WAIT
	}

	private final Kind kind;
	private final String axis;
	private final double value;
	private final String file;
	private final int line;

	private MacroCommand(Kind kind, String axis, double value, String file, int line) {
		this.kind = kind;
		this.axis = axis;
		this.value = value;
		this.file = file;
		this.line = line;
	}

	/** A move of {@code axis} (stored lowercase) to {@code value}. */
	public static MacroCommand move(String axis, double value) {
		return new MacroCommand(Kind.MOVE, axis.toLowerCase(Locale.ROOT), value, null, 0);
	}

	public static MacroCommand setEnergy(double ev) {
		return new MacroCommand(Kind.SET_ENERGY, null, ev, null, 0);
	}

	public static MacroCommand setExposure(double seconds) {
		return new MacroCommand(Kind.SET_EXPOSURE, null, seconds, null, 0);
	}

	public static MacroCommand setBinning(int binning) {
		return new MacroCommand(Kind.SET_BINNING, null, binning, null, 0);
	}

	public static MacroCommand collect(String file) {
		return new MacroCommand(Kind.COLLECT, null, Double.NaN, file, 0);
	}

	public static MacroCommand waitSeconds(double seconds) {
		return new MacroCommand(Kind.WAIT, null, seconds, null, 0);
	}

	/** The same instruction with a source line number. */
	public MacroCommand atLine(int lineNumber) {
		return new MacroCommand(kind, axis, value, file, lineNumber);
	}

	public Kind kind() {
		return kind;
	}

	/** Axis name (lowercase) of a MOVE; null otherwise. */
	public String axis() {
		return axis;
	}

	/** Position, energy (eV), exposure or wait (s), or binning; NaN for COLLECT. */
	public double value() {
		return value;
	}

	/** File name of a COLLECT; null otherwise. */
	public String file() {
		return file;
	}

	/** 1-based line in the source macro; 0 for a generated instruction. */
	public int line() {
		return line;
	}

	/** The instruction as one line of the XMController language. */
	public String toMacroLine() {
		switch (kind) {
		case MOVE:
			return "moveto " + axis + " " + number(value);
		case SET_ENERGY:
			return "sete " + number(value);
		case SET_EXPOSURE:
			return "setexp " + number(value);
		case SET_BINNING:
			return "setbinning " + (int) value;
		case COLLECT:
			return "collect " + file;
		case WAIT:
			return "wait " + number(value);
		default:
			throw new IllegalStateException(kind.name());
		}
	}

	/** Shortest plain decimal text of a value (no exponent, no trailing zeros). */
	public static String number(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
	}

	/** Same instruction, ignoring the line number. */
	public boolean sameAs(MacroCommand o) {
		return o != null && kind == o.kind && Objects.equals(axis, o.axis) && Objects.equals(file, o.file)
			&& Double.compare(value, o.value) == 0;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof MacroCommand && sameAs((MacroCommand) o) && line == ((MacroCommand) o).line;
	}

	@Override
	public int hashCode() {
		return Objects.hash(kind, axis, file, value, line);
	}

	@Override
	public String toString() {
		return (line > 0 ? "line " + line + ": " : "") + toMacroLine();
	}
}
