package org.txmsuite.acquire;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.txmsuite.core.FrameKind;

/**
 * Totals of a macro, ours or a beamline's: lines, motor moves ({@code moveto} and energy changes),
 * collections, references and darks (told apart by file name, {@link FrameNames}), distinct energies
 * set, distinct rotation angles ({@code t}) moved to, and the duration from {@link TimingModel}.
 */
public final class ScanEstimate {
	public final int lines;
	public final long moves, collects, references, darks, energies, angles;
	public final double seconds;

	private ScanEstimate(int lines, long moves, long collects, long references, long darks, long energies, long angles, double seconds) {
		this.lines = lines;
		this.moves = moves;
		this.collects = collects;
		this.references = references;
		this.darks = darks;
		this.energies = energies;
		this.angles = angles;
		this.seconds = seconds;
	}

	public static ScanEstimate of(List<MacroCommand> commands, int lines, TimingModel timing) {
		long moves = 0, collects = 0, refs = 0, darks = 0;
		TreeSet<Double> energies = new TreeSet<>(), angles = new TreeSet<>();
		Map<String, Double> at = new HashMap<>();
		double energy = Double.NaN, exposure = 0, t = 0;
		for (MacroCommand c : commands) {
			switch (c.kind()) {
			case MOVE: {
				moves++;
				Double from = at.put(c.axis(), c.value());
				t += timing.settleS + (from == null ? 0 : Math.abs(c.value() - from) / timing.speed(c.axis()));
				if (c.axis().equals("t")) angles.add(c.value());
				break;
			}
			case SET_ENERGY:
				moves++;
				t += timing.energySettleS + (Double.isNaN(energy) ? 0 : Math.abs(c.value() - energy) / timing.energySpeedEvPerS);
				energy = c.value();
				energies.add(c.value());
				break;
			case SET_EXPOSURE:
				exposure = c.value();
				break;
			case COLLECT: {
				collects++;
				FrameKind k = kind(c.file());
				if (k == FrameKind.FLAT) refs++;
				else if (k == FrameKind.DARK) darks++;
				t += exposure + timing.readoutS;
				break;
			}
			case WAIT:
				t += c.value();
				break;
			default:
				break;
			}
		}
		// Energies below a target only approached for backlash are not scan energies: count targets.
		return new ScanEstimate(lines, moves, collects, refs, darks, countTargets(commands, energies), angles.size(), t);
	}

	/** The frame kind a name says; names without any kind word are samples (no full decode needed). */
	private static FrameKind kind(String file) {
		String l = file.toLowerCase(Locale.ROOT);
		if (!(l.contains("ref") || l.contains("flat") || l.contains("dark") || l.contains("white") || l.contains("bkg") || l.contains("background")))
			return FrameKind.SAMPLE;
		return FrameNames.decode(file).kind();
	}

	/** Energies after which something was collected (backlash pre-moves left out); all set energies when none. */
	private static long countTargets(List<MacroCommand> commands, TreeSet<Double> all) {
		TreeSet<Double> used = new TreeSet<>();
		double e = Double.NaN;
		for (MacroCommand c : commands) {
			if (c.kind() == MacroCommand.Kind.SET_ENERGY) e = c.value();
			else if (c.kind() == MacroCommand.Kind.COLLECT && !Double.isNaN(e)) used.add(e);
		}
		return used.isEmpty() ? all.size() : used.size();
	}

	/** Duration as text, e.g. {@code 2 h 05 min} or {@code 45 s}. */
	public static String duration(double s) {
		long r = Math.round(s);
		if (r < 60) return r + " s";
		if (r < 3600) return String.format(Locale.ROOT, "%d min %02d s", r / 60, r % 60);
		return String.format(Locale.ROOT, "%d h %02d min", r / 3600, (r % 3600) / 60);
	}

	@Override
	public String toString() {
		return collects + " frames (" + references + " references, " + darks + " darks), " + moves + " moves, " + energies
			+ " energies, " + angles + " angles, about " + duration(seconds);
	}
}
