package org.txmsuite.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.TxmException;
import org.txmsuite.normalize.NormalizeOptions.ReferenceMode;

/**
 * Which references each sample frame is divided by. References are grouped by energy (when every
 * sample and reference has one) and, for linear/nearest, into blocks: runs of references with no
 * sample frame between them in acquisition order (time_s when every frame has it, else stack order).
 * Each block is averaged into one reference image; a sample takes the blocks before and after it.
 */
final class ReferencePlan {
	/** References averaged into one image, and their position in acquisition order. */
	static final class Block {
		final int[] flats;
		final double key;

		Block(int[] flats, double key) {
			this.flats = flats;
			this.key = key;
		}
	}

	final List<Block> blocks = new ArrayList<>();
	/** Per sample frame: the reference is (1 - weight) * blocks[refA] + weight * blocks[refB]. */
	final int[] refA, refB;
	final float[] weight;
	final ReferenceMode mode;

	/**
	 * @param sampleOrder stack position of each sample frame (acquisition order without timestamps)
	 * @param flatOrder stack position of each reference in the same stack as the samples, NaN if it came
	 *   from a separate stack
	 */
	ReferencePlan(List<FrameInfo> samples, double[] sampleOrder, List<FrameInfo> flats, double[] flatOrder,
		ReferenceMode requested, List<String> warnings) {
		int ns = samples.size();
		refA = new int[ns];
		refB = new int[ns];
		weight = new float[ns];
		double[] sampleKey = sampleOrder, flatKey = flatOrder;
		boolean ordered = true;
		if (allFinite(samples, true) && allFinite(flats, true)) {
			sampleKey = times(samples);
			flatKey = times(flats);
		}
		else if (Arrays.stream(flatOrder).anyMatch(Double::isNaN)) ordered = false;
		ReferenceMode m = requested;
		if (!ordered && (m == ReferenceMode.LINEAR || m == ReferenceMode.NEAREST)) {
			warnings.add("interpolation " + m.name().toLowerCase(Locale.ROOT) + " needs the acquisition order of samples and "
				+ "references: references from a separate stack need time_s on every frame; used the mean of the references instead");
			m = ReferenceMode.MEAN;
		}
		mode = m;

		// energy groups: group id of each sample and each reference
		int[] sampleGroup = new int[ns], flatGroup = new int[flats.size()];
		double[] groupEnergy = energyGroups(samples, flats, sampleGroup, flatGroup);
		for (int g = 0; g < groupEnergy.length; g++) {
			final int gg = g;
			int[] gs = java.util.stream.IntStream.range(0, ns).filter(i -> sampleGroup[i] == gg).toArray();
			int[] gf = java.util.stream.IntStream.range(0, flats.size()).filter(i -> flatGroup[i] == gg).toArray();
			if (gs.length == 0) continue;
			if (mode == ReferenceMode.MEAN || mode == ReferenceMode.MEDIAN) {
				blocks.add(new Block(gf, 0));
				for (int s : gs) refA[s] = refB[s] = blocks.size() - 1;
			}
			else planInTime(gs, sampleKey, gf, flatKey);
		}
	}

	/** Blocks of one energy in acquisition order, then each sample's bracketing blocks. */
	private void planInTime(int[] gs, double[] sampleKey, int[] gf, double[] flatKey) {
		// events: samples (>= 0) and references (encoded -1 - index), sorted by key, references first on ties
		Integer[] ev = new Integer[gs.length + gf.length];
		for (int i = 0; i < gs.length; i++) ev[i] = gs[i];
		for (int i = 0; i < gf.length; i++) ev[gs.length + i] = -1 - gf[i];
		Arrays.sort(ev, (a, b) -> {
			double ka = a >= 0 ? sampleKey[a] : flatKey[-1 - a], kb = b >= 0 ? sampleKey[b] : flatKey[-1 - b];
			int c = Double.compare(ka, kb);
			return c != 0 ? c : Boolean.compare(a >= 0, b >= 0);
		});
		int first = blocks.size();
		List<Integer> run = new ArrayList<>();
		for (int k = 0; k <= ev.length; k++) {
			boolean flat = k < ev.length && ev[k] < 0;
			if (flat) run.add(-1 - ev[k]);
			else if (!run.isEmpty()) {
				int[] idx = run.stream().mapToInt(Integer::intValue).toArray();
				blocks.add(new Block(idx, Arrays.stream(idx).mapToDouble(i -> flatKey[i]).average().orElse(0)));
				run.clear();
			}
		}
		int last = blocks.size();
		for (int s : gs) {
			double t = sampleKey[s];
			int before = -1, after = -1;
			for (int b = first; b < last; b++) {
				if (blocks.get(b).key <= t) before = b;
				if (blocks.get(b).key >= t && after < 0) after = b;
			}
			if (mode == ReferenceMode.NEAREST || before < 0 || after < 0 || before == after) {
				int pick = before < 0 ? after : after < 0 ? before
					: (t - blocks.get(before).key <= blocks.get(after).key - t ? before : after);
				refA[s] = refB[s] = pick;
			}
			else {
				refA[s] = before;
				refB[s] = after;
				weight[s] = (float) ((t - blocks.get(before).key) / (blocks.get(after).key - blocks.get(before).key));
			}
		}
	}

	/**
	 * Groups frames by energy when every sample and reference has one; returns the energy of each group
	 * (one group of NaN energy otherwise). A sample energy without a reference at that energy is an error.
	 */
	private static double[] energyGroups(List<FrameInfo> samples, List<FrameInfo> flats, int[] sampleGroup, int[] flatGroup) {
		if (!allFinite(samples, false) || !allFinite(flats, false)) return new double[] { Double.NaN };
		List<Double> energies = new ArrayList<>();
		for (int i = 0; i < flats.size(); i++) flatGroup[i] = groupOf(energies, flats.get(i).energyEv(), true);
		for (int i = 0; i < samples.size(); i++) {
			double e = samples.get(i).energyEv();
			int g = groupOf(energies, e, false);
			if (g < 0)
				throw new TxmException(String.format(Locale.ROOT,
					"sample frame %d is at %.2f eV but no reference frame is within %.2f eV of it; the references are at %s eV "
						+ "(XANES needs references at every energy)",
					i, e, NormalizeOptions.ENERGY_TOLERANCE_EV, energyList(energies)));
			sampleGroup[i] = g;
		}
		return energies.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static int groupOf(List<Double> energies, double e, boolean add) {
		for (int g = 0; g < energies.size(); g++)
			if (Math.abs(energies.get(g) - e) <= NormalizeOptions.ENERGY_TOLERANCE_EV) return g;
		if (!add) return -1;
		energies.add(e);
		return energies.size() - 1;
	}

	private static String energyList(List<Double> energies) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < energies.size() && i < 8; i++) b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", energies.get(i)));
		if (energies.size() > 8) b.append(", ... (").append(energies.size()).append(" energies)");
		return b.toString();
	}

	private static boolean allFinite(List<FrameInfo> f, boolean time) {
		return f.stream().allMatch(i -> Double.isFinite(time ? i.timeS() : i.energyEv()));
	}

	private static double[] times(List<FrameInfo> f) {
		return f.stream().mapToDouble(FrameInfo::timeS).toArray();
	}
}
