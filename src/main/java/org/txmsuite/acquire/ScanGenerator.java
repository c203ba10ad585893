package org.txmsuite.acquire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.txmsuite.core.FrameKind;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/**
 * Turns a {@link ScanPlan} into XMController instructions.
 * <p>
 * Order, per repeat: energies (outermost) then angles then mosaic tiles; each such stop is a
 * <em>position</em>, where the sample is moved in ({@code x}, {@code y}), the exposure set and
 * {@code exposuresPerPosition} frames collected. Positions are grouped by {@code refsEvery}: a
 * reference block (stage to the out-of-beam {@code ref_x/ref_y}, reference exposure,
 * {@code refExposures} frames) follows each group; with ABBA the blocks of odd groups come before
 * the group instead (a block directly after another at the same energy is taken once), so with one
 * position per group the order is S R R S S R ..., and the stage crosses between sample and
 * reference half as often. {@code refsBeforeAfter} adds a block before the first and after the last
 * position. Dark frames come first, once. An instruction that would not change anything (same axis
 * position, exposure or energy as already set) is left out.
 * <p>
 * Energy changes are approached from below (a move down first goes {@code backlashEv} under the
 * target), followed by the zone-plate/detector positions from the calibration and
 * {@code energyWaitS} of waiting.
 */
public final class ScanGenerator {
	private ScanGenerator() {}

	/** One sample stop. */
	private static final class Position {
		final double energy, angle, x, y;
		final int column, row;

		Position(double energy, double angle, int column, int row, double x, double y) {
			this.energy = energy;
			this.angle = angle;
			this.column = column;
			this.row = row;
			this.x = x;
			this.y = y;
		}
	}

	public static ScanProgram generate(ScanPlan plan) {
		return generate(plan, Progress.NONE);
	}

	public static ScanProgram generate(ScanPlan plan, Progress progress) {
		String sample = FrameNames.checkSampleName(plan.sampleName);
		check(plan);
		List<Position> positions = positions(plan);
		long sampleFrames = (long) plan.repeats * positions.size() * plan.exposuresPerPosition;
		if (sampleFrames > ScanPlan.LARGE_SCAN_FRAMES && !plan.confirmLarge) throw tooLarge("at least " + sampleFrames);
		Emitter em = new Emitter(plan, sample);
		em.out.add(MacroCommand.setBinning(plan.binning));
		if (plan.darks > 0) {
			double e = positions.get(0).energy;
			em.energy(e);
			em.exposure(plan.exposureS);
			for (int k = 1; k <= plan.darks; k++) em.collect(new FrameName(FrameKind.DARK, sample, 1, em.index++, Double.NaN, -1, -1, e, k, plan.darks));
		}
		for (int r = 1; r <= plan.repeats; r++) {
			progress.checkCancelled();
			progress.report(r - 1, plan.repeats, "repeat " + r + " of " + plan.repeats);
			em.repeat = r;
			em.index = r == 1 ? em.index : 0;
			em.lastWasRef = false;
			if (plan.refsBeforeAfter) em.references(positions.get(0).energy);
			for (int p = 0; p < positions.size(); p++) {
				int g = plan.refsEvery > 0 ? p / plan.refsEvery : 0;
				boolean firstOfGroup = plan.refsEvery > 0 && p % plan.refsEvery == 0;
				boolean lastOfGroup = plan.refsEvery > 0 && ((p + 1) % plan.refsEvery == 0 || p == positions.size() - 1);
				Position pos = positions.get(p);
				if (plan.abba && g % 2 == 1 && firstOfGroup) em.references(pos.energy);
				em.sample(pos);
				if (lastOfGroup && (!plan.abba || g % 2 == 0)) em.references(pos.energy);
			}
			if (plan.refsBeforeAfter) em.references(positions.get(positions.size() - 1).energy);
			if (r < plan.repeats && plan.repeatWaitS > 0) em.out.add(MacroCommand.waitSeconds(plan.repeatWaitS));
		}
		progress.report(plan.repeats, plan.repeats, "macro built");
		if (em.frames.size() > ScanPlan.LARGE_SCAN_FRAMES && !plan.confirmLarge)
			throw tooLarge(Integer.toString(em.frames.size()));
		List<String> header = header(plan, positions);
		ScanEstimate estimate = ScanEstimate.of(em.out, em.out.size() + header.size() + 1, plan.timing);
		return new ScanProgram(plan, em.out, em.frames, header, estimate);
	}

	/** Writes instructions, leaving out those that change nothing. */
	private static final class Emitter {
		final ScanPlan plan;
		final String sample;
		final List<MacroCommand> out = new ArrayList<>();
		final List<FrameName> frames = new ArrayList<>();
		final Map<String, Double> axes = new HashMap<>();
		double energy = Double.NaN, exposure = Double.NaN, lastRefEnergy = Double.NaN;
		boolean lastWasRef;
		int repeat = 1, index = 0;

		Emitter(ScanPlan plan, String sample) {
			this.plan = plan;
			this.sample = sample;
		}

		void move(String axis, double v) {
			Double at = axes.get(axis);
			if (at != null && at == v) return;
			axes.put(axis, v);
			out.add(MacroCommand.move(axis, v));
		}

		void exposure(double s) {
			if (s == exposure) return;
			exposure = s;
			out.add(MacroCommand.setExposure(s));
		}

		void energy(double e) {
			if (Double.isNaN(e) || e == energy) return;
			if (plan.backlashEv > 0 && (Double.isNaN(energy) || e < energy))
				out.add(MacroCommand.setEnergy(EnergyRegions.round(e - plan.backlashEv)));
			out.add(MacroCommand.setEnergy(e));
			energy = e;
			if (plan.zpCalibration != null)
				for (String axis : plan.zpCalibration.axes()) move(axis, plan.zpCalibration.position(axis, e));
			if (plan.energyWaitS > 0) out.add(MacroCommand.waitSeconds(plan.energyWaitS));
		}

		void collect(FrameName f) {
			frames.add(f);
			out.add(MacroCommand.collect(f.fileName()));
		}

		void sample(Position p) {
			energy(p.energy);
			if (!Double.isNaN(p.angle)) move("t", p.angle);
			move("x", p.x);
			move("y", p.y);
			exposure(plan.exposureS);
			int n = plan.exposuresPerPosition;
			for (int k = 1; k <= n; k++)
				collect(new FrameName(FrameKind.SAMPLE, sample, repeat, index++, p.angle, p.column, p.row, p.energy, k, n));
			lastWasRef = false;
		}

		void references(double e) {
			if (lastWasRef && Double.compare(lastRefEnergy, e) == 0) return; // same conditions as the block just taken
			energy(e);
			move("x", plan.refXUm);
			move("y", plan.refYUm);
			exposure(plan.refExposureS);
			int n = plan.refExposures;
			for (int k = 1; k <= n; k++)
				collect(new FrameName(FrameKind.FLAT, sample, repeat, index++, Double.NaN, -1, -1, e, k, n));
			lastWasRef = true;
			lastRefEnergy = e;
		}
	}

	private static List<Position> positions(ScanPlan plan) {
		double[] energies = plan.energies.length == 0 ? new double[] { Double.NaN } : plan.energies;
		double[] angles = plan.type.hasAngles()
			? AngleSets.angles(plan.angleStart, plan.angleEnd, plan.angleStep, plan.angleCount, plan.angleWindows)
			: new double[] { Double.NaN };
		List<MosaicTiles.Tile> tiles = plan.type == ScanType.MOSAIC
			? MosaicTiles.grid(plan.sampleXUm, plan.sampleYUm, plan.mosaicWidthUm, plan.mosaicHeightUm, plan.mosaicFovUm, plan.mosaicOverlap)
			: null;
		long n = (long) energies.length * angles.length * (tiles == null ? 1 : tiles.size());
		if (n > 20_000_000) throw new TxmException("the plan has " + n + " positions; expected at most 20 million");
		List<Position> out = new ArrayList<>((int) n);
		for (double e : energies)
			for (double a : angles) {
				if (tiles == null) out.add(new Position(e, a, -1, -1, plan.sampleXUm, plan.sampleYUm));
				else for (MosaicTiles.Tile t : tiles) out.add(new Position(e, a, t.column, t.row, t.x, t.y));
			}
		return out;
	}

	private static void check(ScanPlan p) {
		if (!(p.exposureS > 0) || !Double.isFinite(p.exposureS))
			throw new TxmException("exposure_s is " + p.exposureS + "; expected an exposure > 0 s");
		positive(p.exposuresPerPosition, "exposures_per_position");
		positive(p.repeats, "repeats");
		if (p.binning < 1 || p.binning > 16) throw new TxmException("binning is " + p.binning + "; expected 1 to 16");
		if (p.darks < 0) throw new TxmException("darks is " + p.darks + "; expected 0 or more");
		if (p.refsEvery < 0) throw new TxmException("refs_every is " + p.refsEvery + "; expected 0 (none) or more");
		nonNegative(p.energyWaitS, "energy_wait_s");
		nonNegative(p.repeatWaitS, "repeat_wait_s");
		nonNegative(p.backlashEv, "backlash_ev");
		if (ScanInfoWriter.hasRefs(p)) {
			if (!(p.refExposureS > 0) || !Double.isFinite(p.refExposureS))
				throw new TxmException("ref_exposure_s is " + p.refExposureS + "; expected an exposure > 0 s");
			positive(p.refExposures, "ref_exposures");
			if (p.refXUm == p.sampleXUm && p.refYUm == p.sampleYUm)
				throw new TxmException("ref_x_um, ref_y_um (" + MacroCommand.number(p.refXUm) + ", " + MacroCommand.number(p.refYUm)
					+ ") equal the sample position; references need an out-of-beam position");
		}
		if (p.abba && p.refsEvery <= 0) throw new TxmException("abba needs refs_every > 0 (references alternate around each group of positions)");
		if (p.type.hasEnergyScan() && p.energies.length == 0)
			throw new TxmException("energies: a " + p.type.label() + " scan needs energies, e.g. 8200:8320:5,8320:8360:0.5,8360:8500:5");
		if (!p.type.hasEnergyScan() && p.energies.length > 1)
			throw new TxmException("energies: a " + p.type.label() + " scan takes one energy (or none), got " + p.energies.length
				+ "; use xanes2d or xanes3d for an energy scan");
		for (double e : p.energies) {
			if (!(e > 0) || !Double.isFinite(e)) throw new TxmException("energies: " + e + " eV; expected energies > 0 eV");
			if (p.backlashEv > 0 && !(e - p.backlashEv > 0))
				throw new TxmException("backlash_ev " + p.backlashEv + " is larger than the energy " + e + " eV");
			if (p.zpCalibration != null && !p.zpCalibration.covers(e))
				throw new TxmException("energy " + MacroCommand.number(e) + " eV is outside the zone-plate calibration ("
					+ MacroCommand.number(p.zpCalibration.minEnergy()) + " to " + MacroCommand.number(p.zpCalibration.maxEnergy())
					+ " eV); extend the calibration or the energies");
		}
	}

	private static TxmException tooLarge(String frames) {
		return new TxmException("the plan collects " + frames + " frames, more than " + ScanPlan.LARGE_SCAN_FRAMES
			+ "; set confirm_large=true to build it anyway");
	}

	private static void positive(int v, String name) {
		if (v < 1) throw new TxmException(name + " is " + v + "; expected 1 or more");
	}

	private static void nonNegative(double v, String name) {
		if (!(v >= 0) || !Double.isFinite(v)) throw new TxmException(name + " is " + v + "; expected 0 or more");
	}

	private static List<String> header(ScanPlan p, List<Position> positions) {
		List<String> h = new ArrayList<>();
		h.add("TXM Suite scan macro (XMController language): " + p.type.label() + ", sample " + p.sampleName);
		if (p.energies.length > 0) h.add("energies (eV): " + EnergyRegions.describe(p.energies) + " (" + p.energies.length + ")");
		if (p.type.hasAngles())
			h.add(String.format(Locale.ROOT, "angles (deg): %s to %s, %s, windows %s", MacroCommand.number(p.angleStart),
				MacroCommand.number(p.angleEnd), p.angleCount > 0 ? p.angleCount + " angles" : "step " + MacroCommand.number(p.angleStep),
				AngleSets.describe(p.angleWindows)));
		if (p.type == ScanType.MOSAIC)
			h.add(String.format(Locale.ROOT, "mosaic: %s x %s um around (%s, %s), fov %s um, overlap %s", MacroCommand.number(p.mosaicWidthUm),
				MacroCommand.number(p.mosaicHeightUm), MacroCommand.number(p.sampleXUm), MacroCommand.number(p.sampleYUm),
				MacroCommand.number(p.mosaicFovUm), MacroCommand.number(p.mosaicOverlap)));
		h.add("positions per repeat: " + positions.size() + ", repeats: " + p.repeats + ", exposures per position: " + p.exposuresPerPosition
			+ " x " + MacroCommand.number(p.exposureS) + " s, binning " + p.binning);
		if (ScanInfoWriter.hasRefs(p))
			h.add("references: " + p.refExposures + " x " + MacroCommand.number(p.refExposureS) + " s at (" + MacroCommand.number(p.refXUm)
				+ ", " + MacroCommand.number(p.refYUm) + ") um, every " + p.refsEvery + " positions" + (p.abba ? ", ABBA" : "")
				+ (p.refsBeforeAfter ? ", before and after" : ""));
		if (p.darks > 0) h.add("dark frames: " + p.darks + " at the start - the X-ray shutter must be closed for them");
		if (p.zpCalibration != null) h.add("zone plate follows energy: " + p.zpCalibration.axes());
		if (p.backlashEv > 0 || p.energyWaitS > 0)
			h.add("energy approached from below by " + MacroCommand.number(p.backlashEv) + " eV, wait " + MacroCommand.number(p.energyWaitS)
				+ " s after each change");
		return h;
	}
}
